package org.redress.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.engine.EngineHarness;
import org.redress.engine.EngineRejection;
import org.redress.engine.command.ActivateJobs;

/** Job lifecycle with a pinned engine clock: back-off, retries, incidents, timeouts, errors. */
class JobLifecycleIT {

  private final EngineHarness engine = new EngineHarness();
  private final String id = "p" + UUID.randomUUID().toString().replace("-", "");
  private final String type = id + "-job";
  private long pi;

  @BeforeEach
  void deployAndStart() {
    engine.clock.pin(Instant.parse("2030-01-01T00:00:00Z"));
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("Task_Work", t -> t.zeebeJobType(type).zeebeJobRetries("2"))
            .endEvent()
            .done());
    pi = engine.start(id, Map.of());
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private List<ActivateJobs.ActivatedJob> tryActivate() {
    return engine.activateJobs.activateOnce(
        new ActivateJobs.Request(
            type, "w", Duration.ofSeconds(30), 5, List.of(), Duration.ZERO, List.of("<default>")));
  }

  @Test
  void shouldHoldJobBackUntilBackOffHasPassedWhenFailedWithRetriesLeft() {
    // given
    ActivateJobs.ActivatedJob job = engine.activate(type);

    // when
    engine.jobs.fail(job.job().key(), 1, "boom", Duration.ofSeconds(10), Map.of("attempt", 1));

    // then not before the back-off
    engine.clock.add(Duration.ofSeconds(9));
    engine.scheduler.runOnce();
    assertThat(tryActivate()).isEmpty();

    // and again after it
    engine.clock.add(Duration.ofSeconds(2));
    engine.scheduler.runOnce();
    List<ActivateJobs.ActivatedJob> again = tryActivate();
    assertThat(again).hasSize(1);
    assertThat(again.get(0).job().retries()).isEqualTo(1);
    assertThat(again.get(0).variables()).containsEntry("attempt", "1");
  }

  @Test
  void shouldRaiseIncidentAndContinueAfterRetriesUpdateAndResolveWhenRetriesRunOut() {
    // given
    ActivateJobs.ActivatedJob job = engine.activate(type);

    // when
    engine.jobs.fail(job.job().key(), 0, "payment service down", Duration.ZERO, Map.of());

    // then
    List<Map<String, Object>> incidents = engine.activeIncidents(pi);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0))
        .containsEntry("error_type", "JOB_NO_RETRIES")
        .containsEntry("error_message", "payment service down")
        .containsEntry("job_key", job.job().key());
    assertThat(tryActivate()).isEmpty();
    long incident = (Long) incidents.get(0).get("key");
    assertThatThrownBy(() -> engine.instances.resolveIncident(incident))
        .isInstanceOf(EngineRejection.class)
        .hasMessageContaining("has no retries left");

    // when
    engine.jobs.update(job.job().key(), 3, null);
    assertThat(tryActivate()).as("updating retries alone does not resolve").isEmpty();
    engine.instances.resolveIncident(incident);

    // then
    List<ActivateJobs.ActivatedJob> again = tryActivate();
    assertThat(again).hasSize(1);
    assertThat(again.get(0).job().retries()).isEqualTo(3);
    engine.jobs.complete(again.get(0).job().key(), Map.of());
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
    assertThat(engine.activeIncidents(pi)).isEmpty();
  }

  @Test
  void shouldReactivateJobWhenItsLeaseExpires() {
    // given
    ActivateJobs.ActivatedJob first = engine.activate(type);
    assertThat(tryActivate()).isEmpty();

    // when
    engine.clock.add(Duration.ofMinutes(6));
    engine.scheduler.runOnce();

    // then a second worker gets it; the first worker's late completion still counts once
    List<ActivateJobs.ActivatedJob> second = tryActivate();
    assertThat(second).hasSize(1);
    assertThat(second.get(0).job().key()).isEqualTo(first.job().key());
    engine.jobs.complete(first.job().key(), Map.of("by", "first"));
    assertThatThrownBy(() -> engine.jobs.complete(first.job().key(), Map.of("by", "second")))
        .isInstanceOfSatisfying(
            EngineRejection.class,
            e -> assertThat(e.type()).isEqualTo(EngineRejection.Type.NOT_FOUND));
    assertThat(engine.variables(pi)).containsEntry("by", "first");
  }

  @Test
  void shouldRejectCompletionWithConflictWhenJobIsFailed() {
    // given
    ActivateJobs.ActivatedJob job = engine.activate(type);
    engine.jobs.fail(job.job().key(), 0, null, Duration.ZERO, Map.of());

    // when / then
    assertThatThrownBy(() -> engine.jobs.complete(job.job().key(), Map.of()))
        .isInstanceOfSatisfying(
            EngineRejection.class,
            e -> {
              assertThat(e.type()).isEqualTo(EngineRejection.Type.INVALID_STATE);
              assertThat(e.getMessage()).contains("it is in state 'FAILED'");
            });
    assertThat(engine.activeIncidents(pi).get(0))
        .containsEntry("error_message", "No more retries left.");
  }

  @Test
  void shouldRaiseUnhandledErrorIncidentAndReactivateJobOnResolveWhenErrorIsNotCaught() {
    // given
    ActivateJobs.ActivatedJob job = engine.activate(type);

    // when
    engine.jobs.throwError(job.job().key(), "REJECTED", "no such account", Map.of());

    // then
    List<Map<String, Object>> incidents = engine.activeIncidents(pi);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0)).containsEntry("error_type", "UNHANDLED_ERROR_EVENT");
    assertThat((String) incidents.get(0).get("error_message"))
        .contains("'REJECTED'")
        .contains("was not caught");
    assertThat(engine.jobState(job.job().key())).isEqualTo("ERROR_THROWN");

    // when resolved, the error is ignored and the job is offered again
    engine.instances.resolveIncident((Long) incidents.get(0).get("key"));

    // then
    assertThat(tryActivate()).hasSize(1);
  }

  @Test
  void shouldTerminateEverythingWhenInstanceIsCancelled() {
    // given a job with an incident
    ActivateJobs.ActivatedJob job = engine.activate(type);
    engine.jobs.fail(job.job().key(), 0, "x", Duration.ZERO, Map.of());

    // when
    engine.instances.cancel(pi);

    // then
    assertThat(engine.processState(pi)).isEqualTo("TERMINATED");
    assertThat(engine.jobState(job.job().key())).isEqualTo("CANCELED");
    assertThat(engine.activeIncidents(pi)).isEmpty();
    assertThat(engine.lifecycle(pi))
        .containsSubsequence(
            id + ":ELEMENT_TERMINATING",
            "Task_Work:ELEMENT_TERMINATING",
            "Task_Work:ELEMENT_TERMINATED",
            id + ":ELEMENT_TERMINATED");
    assertThatThrownBy(() -> engine.instances.cancel(pi))
        .isInstanceOfSatisfying(
            EngineRejection.class,
            e -> assertThat(e.type()).isEqualTo(EngineRejection.Type.NOT_FOUND));
  }

  @Test
  void shouldUpdateDeadlineWhenTimeoutIsChanged() {
    // given
    ActivateJobs.ActivatedJob job = engine.activate(type);

    // when
    engine.jobs.update(job.job().key(), null, 1000L);
    engine.clock.add(Duration.ofSeconds(2));
    engine.scheduler.runOnce();

    // then
    assertThat(tryActivate()).hasSize(1);
  }

  @Test
  void shouldWakeParkedWorkerWhenRecheckFindsJobMadeActivatableWithoutAnnouncement()
      throws Exception {
    // given: the job is with one worker while a second worker long-polls for its type
    ActivateJobs.ActivatedJob first = engine.activate(type);
    CompletableFuture<List<ActivateJobs.ActivatedJob>> parked =
        engine.activateJobs.activate(
            new ActivateJobs.Request(
                type,
                "w2",
                Duration.ofSeconds(30),
                5,
                List.of(),
                Duration.ofSeconds(30),
                List.of("<default>")));
    assertThat(parked).isNotDone();

    // when: the job becomes activatable without an announcement (as another app instance's
    // commit whose NOTIFY was lost) and a scheduler pass re-checks the waiters
    engine
        .jdbc
        .sql(
            "UPDATE engine.job SET state = 'ACTIVATABLE', worker = NULL, deadline = NULL"
                + " WHERE key = :key")
        .param("key", first.job().key())
        .update();
    engine.scheduler.runOnce();

    // then
    assertThat(parked.get(5, TimeUnit.SECONDS))
        .extracting(activated -> activated.job().key())
        .containsExactly(first.job().key());
  }
}
