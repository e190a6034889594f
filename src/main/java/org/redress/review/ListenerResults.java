package org.redress.review;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.Optional;

/** Completes a task listener job: accepted, or denied with the reason (Camunda 8.8 job result). */
final class ListenerResults {

  private ListenerResults() {}

  static void complete(JobClient client, ActivatedJob job, Optional<String> denial) {
    if (denial.isPresent()) {
      client
          .newCompleteCommand(job)
          .withResult(r -> r.forUserTask().deny(true, denial.get()))
          .send()
          .join();
    } else {
      client.newCompleteCommand(job).send().join();
    }
  }
}
