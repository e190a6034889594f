package org.redress.config.startup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.funds.release.FundReleaseProcess;
import org.redress.review.AppealReviewProcess;
import org.redress.support.TestDatabase;
import org.redress.support.TestServer;
import org.redress.suspension.AccountSuspensionProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Readiness of the app with its embedded engine: the models are deployed before anything is served,
 * the readiness probe is public and UP, and writes are refused with 503 and Retry-After whenever
 * the app does not accept traffic (as while it shuts down).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ReadinessIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final String PLATFORM = TestServer.basic("moderation-system", "moderation-demo");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
    TestServer.register(registry);
  }

  @LocalServerPort int port;
  @Autowired CamundaClient camunda;
  @Autowired ApplicationContext context;

  @Test
  void shouldBeReadyWithEveryModelDeployedWhenStartUpIsOver() throws Exception {
    // when the probe is asked without credentials
    HttpResponse<String> readiness = send(port, "GET", "/actuator/health/readiness", null, null);

    // then it is UP and every process of the app can be started
    assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
    assertThat(JSON.readTree(readiness.body()).path("status").asText()).isEqualTo("UP");
    for (String processId :
        List.of(
            AccountSuspensionProcess.PROCESS_ID,
            AppealReviewProcess.PROCESS_ID,
            FundReleaseProcess.PROCESS_ID)) {
      assertThat(
              camunda
                  .newProcessDefinitionSearchRequest()
                  .filter(f -> f.processDefinitionId(processId))
                  .send()
                  .join()
                  .items())
          .as(processId)
          .isNotEmpty();
    }
  }

  @Test
  void shouldRefuseWritesWith503WhenTheAppDoesNotAcceptTraffic() throws Exception {
    // given the app refusing traffic, as from the start of its shut-down
    AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
    try {
      // when the platform files a case and someone reads
      HttpResponse<String> write =
          send(port, "POST", "/api/suspensions", PLATFORM, "{\"platformDecisionId\":\"d-1\"}");
      HttpResponse<String> read = send(port, "GET", "/api/review/tasks", PLATFORM, null);
      HttpResponse<String> probe = send(port, "GET", "/actuator/health/readiness", null, null);

      // then the write is refused with a problem and Retry-After, reads are served
      assertUnavailable(write);
      assertThat(read.statusCode()).isNotEqualTo(503);
      assertThat(probe.statusCode()).isEqualTo(503);
    } finally {
      AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }
  }

  static void assertUnavailable(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).contains("5");
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("code").asText()).isIn("NOT_READY", "SHUTTING_DOWN");
    assertThat(problem.path("detail").asText()).isNotBlank();
  }

  static HttpResponse<String> send(
      int port, String method, String path, String authorization, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
