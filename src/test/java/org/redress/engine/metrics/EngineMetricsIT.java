package org.redress.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.redress.shared.metrics.DatabaseGaugeRefresher;
import org.redress.support.TestDatabase;
import org.redress.support.TestServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What operators scrape at {@code /actuator/prometheus}: the engine's job events, activation
 * latency, commands and state gauges, and Redress's own gauges; only for ADMIN.
 *
 * <p>The database is shared with the other integration tests of the JVM, so process ids and job
 * types are unique per test and counters are compared before and after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@AutoConfigureObservability(tracing = false) // tests turn metrics export off unless asked
class EngineMetricsIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
    TestServer.register(registry);
  }

  @Autowired CamundaClient client;
  @Autowired EngineStateGauges engineGauges;
  @Autowired DatabaseGaugeRefresher redressGauges;
  @LocalServerPort int port;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void shouldCountJobEventsAndCommandsWhenAnInstanceRunsThroughAServiceTask() throws Exception {
    // given a deployed process with one service task
    String processId = "metrics-" + run;
    String type = "metrics-job-" + run;
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("ServiceTask_Work", t -> t.zeebeJobType(type))
            .endEvent()
            .done());

    // when an instance starts, its job is activated and completed
    client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join();
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofSeconds(5))
            .send()
            .join()
            .getJobs();
    assertThat(jobs).hasSize(1);
    client.newCompleteCommand(jobs.get(0).getKey()).send().join();

    // then the scrape shows the job's life and the instance's start and end
    String scrape = scrape("admin", "admin-demo").body();
    assertThat(value(scrape, "engine_job_events_total", "action=\"created\"", type)).isEqualTo(1);
    assertThat(value(scrape, "engine_job_events_total", "action=\"activated\"", type)).isEqualTo(1);
    assertThat(value(scrape, "engine_job_events_total", "action=\"completed\"", type)).isEqualTo(1);
    assertThat(value(scrape, "engine_job_activation_latency_seconds_count", type)).isEqualTo(1);
    assertThat(
            value(
                scrape,
                "engine_process_instance_events_total",
                "action=\"started\"",
                "processId=\"" + processId + "\""))
        .isEqualTo(1);
    assertThat(
            value(
                scrape,
                "engine_process_instance_events_total",
                "action=\"completed\"",
                "processId=\"" + processId + "\""))
        .isEqualTo(1);
    assertThat(value(scrape, "engine_commands_seconds_count", "command=\"job.complete\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(scrape).contains("engine_commands_seconds_bucket{");
    assertThat(scrape).contains("engine_job_long_poll_waiters");
  }

  @Test
  void shouldCountJobFailuresAndReportOpenIncidentsAndActiveInstancesWhenRetriesRunOut()
      throws Exception {
    // given an instance whose job fails without retries left (an incident)
    String processId = "metrics-incident-" + run;
    String type = "metrics-failing-" + run;
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("ServiceTask_Fails", t -> t.zeebeJobType(type).zeebeJobRetries("1"))
            .endEvent()
            .done());
    client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join();
    ActivatedJob job =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofSeconds(5))
            .send()
            .join()
            .getJobs()
            .get(0);

    // when the worker fails it with no retries left and the gauges are refreshed
    client.newFailCommand(job.getKey()).retries(0).errorMessage("boom").send().join();
    engineGauges.refresh();
    redressGauges.refreshAll();

    // then
    String scrape = scrape("admin", "admin-demo").body();
    assertThat(value(scrape, "engine_job_events_total", "action=\"failed\"", type)).isEqualTo(1);
    String process = "processId=\"" + processId + "\"";
    assertThat(value(scrape, "engine_incidents_open", process)).isEqualTo(1);
    assertThat(value(scrape, "engine_process_instances_active", process)).isEqualTo(1);
    assertThat(scrape).contains("redress_appeals_awaiting_review");
  }

  @Test
  void shouldRefuseTheScrapeWhenCallerIsNotAdmin() throws Exception {
    assertThat(scrape("dave", "dave-demo").statusCode()).isEqualTo(403);
    assertThat(scrape(null, null).statusCode()).isEqualTo(401);
  }

  private void deploy(BpmnModelInstance model) {
    client
        .newDeployResourceCommand()
        .addProcessModel(
            model,
            model
                    .getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class)
                    .iterator()
                    .next()
                    .getId()
                + ".bpmn")
        .send()
        .join();
  }

  private HttpResponse<String> scrape(String user, String password) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"));
    if (user != null) {
      request.header("Authorization", TestServer.basic(user, password));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The value of the one sample of {@code metric} whose labels contain every fragment. */
  private static double value(String scrape, String metric, String... labelFragments) {
    Matcher lines =
        Pattern.compile("^" + Pattern.quote(metric) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE)
            .matcher(scrape);
    Double found = null;
    while (lines.find()) {
      String labels = lines.group(1);
      boolean all = true;
      for (String fragment : labelFragments) {
        all &= labels.contains(fragment);
      }
      if (all) {
        assertThat(found).as("one sample of %s with %s", metric, List.of(labelFragments)).isNull();
        found = Double.parseDouble(lines.group(2));
      }
    }
    assertThat(found).as("a sample of %s with %s", metric, List.of(labelFragments)).isNotNull();
    return found;
  }
}
