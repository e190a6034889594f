package org.redress.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.redress.support.TestDatabase;
import org.redress.support.TestServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Overload: with one slot and no queue, concurrent engine API calls beyond the first are refused
 * with 503 RESOURCE_EXHAUSTED problem details, never a 500, and a refused call changes nothing.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      "redress.engine.backpressure.max-in-flight=1",
      "redress.engine.backpressure.queue-timeout=0s"
    })
class EngineBackpressureIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final int PARALLEL = 24;
  private static final int MAX_ROUNDS = 25;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
    TestServer.register(registry);
  }

  @Autowired CamundaClient client;
  @LocalServerPort int port;

  @Test
  void shouldRefuseExcessRequestsWithResourceExhaustedAndCreateOnlyWhatWasAcceptedWhenOverloaded()
      throws Exception {
    // given a process (deployed before the overload, retried while the app's own calls collide)
    String processId = "backpressure-" + UUID.randomUUID().toString().substring(0, 8);
    deployWithRetry(processId);

    // when many clients start instances at once, until the limit has been hit
    int accepted = 0;
    List<HttpResponse<String>> refused = new ArrayList<>();
    for (int round = 0; round < MAX_ROUNDS && refused.isEmpty(); round++) {
      List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < PARALLEL; i++) {
        calls.add(HTTP.sendAsync(create(processId), HttpResponse.BodyHandlers.ofString()));
      }
      for (CompletableFuture<HttpResponse<String>> call : calls) {
        HttpResponse<String> response = call.join();
        assertThat(response.statusCode()).as(response.body()).isIn(200, 503);
        if (response.statusCode() == 200) {
          accepted++;
        } else {
          refused.add(response);
        }
      }
    }

    // then the excess got Zeebe's back-pressure answer
    assertThat(refused).as("refused calls").isNotEmpty();
    for (HttpResponse<String> response : refused) {
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
      JsonNode problem = JSON.readTree(response.body());
      assertThat(problem.path("title").asText()).isEqualTo("RESOURCE_EXHAUSTED");
      assertThat(problem.path("status").asInt()).isEqualTo(503);
    }
    // and exactly the accepted calls created instances
    assertThat(countInstances(processId)).isEqualTo(accepted);
  }

  private void deployWithRetry(String processId) throws Exception {
    var model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask("UserTask_Wait", t -> t.zeebeUserTask())
            .endEvent()
            .done();
    for (int attempt = 0; ; attempt++) {
      try {
        client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();
        return;
      } catch (RuntimeException e) {
        if (attempt >= 50) {
          throw e;
        }
      }
    }
  }

  private HttpRequest create(String processId) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v2/process-instances"))
        .header("Authorization", TestServer.engineAuthorization())
        .header("Content-Type", "application/json")
        .POST(
            HttpRequest.BodyPublishers.ofString("{\"processDefinitionId\":\"" + processId + "\"}"))
        .build();
  }

  private long countInstances(String processId) throws Exception {
    String body =
        "{\"filter\":{\"processDefinitionId\":\"" + processId + "\"},\"page\":{\"limit\":1}}";
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + port + "/v2/process-instances/search"))
                  .header("Authorization", TestServer.engineAuthorization())
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        return JSON.readTree(response.body()).path("page").path("totalItems").asLong();
      }
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(attempt).as("search refused too often").isLessThan(100);
    }
  }
}
