package org.redress.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redress.support.TestDatabase;
import org.redress.support.TestServer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Cluster mode, proven: one Redress process serves only the engine ({@code /v2}; its job workers
 * and model deployment off, its Redress API unused), a second Redress process runs in cluster mode
 * ({@code redress.engine.embedded=false}) on a database of its own, reaching the engine only
 * through the Camunda client ({@code camunda.client.rest-address}, HTTP Basic with the engine
 * credential) as it would a Camunda 8 cluster. A whole appeal runs through the second: suspension,
 * notice, appeal through the case link, review by a named person, decision, release of the money.
 */
class ClusterModeIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

  private static AppProcess engine;
  private static AppProcess app;

  @BeforeAll
  static void startEngineAndClusterModeApp() {
    // the app's own database: nothing of the engine's is reachable through it
    String database = "redress_cluster_" + RUN;
    JdbcClient admin =
        JdbcClient.create(
            new SingleConnectionDataSource(
                TestDatabase.jdbcUrl(), TestDatabase.username(), TestDatabase.password(), true));
    admin.sql("CREATE DATABASE " + database).update();
    String appDatabase = TestDatabase.jdbcUrl().replaceAll("/[^/]+$", "/" + database);

    engine =
        AppProcess.start(
            "cluster-engine",
            TestDatabase.jdbcUrl(),
            TestDatabase.username(),
            TestDatabase.password(),
            List.of("--camunda.client.worker.defaults.enabled=false"));
    engine.awaitReady(Duration.ofSeconds(120));
    app =
        AppProcess.start(
            "cluster-app",
            appDatabase,
            TestDatabase.username(),
            TestDatabase.password(),
            List.of(
                "--redress.engine.embedded=false",
                "--camunda.client.rest-address=" + engine.baseUrl(),
                "--camunda.client.auth.method=basic",
                "--camunda.client.auth.username=" + TestServer.ENGINE_CLIENT_ID,
                "--camunda.client.auth.password=" + TestServer.ENGINE_CLIENT_SECRET,
                "--camunda.client.deployment.enabled=true"));
    app.awaitReady(Duration.ofSeconds(120), "/actuator/health/readiness");
  }

  @AfterAll
  static void stopBoth() {
    if (app != null) {
      app.close();
    }
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void shouldRunAWholeAppealThroughTheCamundaClientWhenTheAppRunsInClusterMode() {
    // the cluster-mode app serves no engine API of its own
    assertThat(
            send(app, "GET", "/v2/topology", TestServer.engineAuthorization(), null).statusCode())
        .isIn(401, 404);

    // given the platform reports a suspension with a monetary measure on the demo wallet
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    JsonNode created =
        json(
            send(
                app,
                "POST",
                "/api/suspensions",
                TestServer.basic("moderation-system", "moderation-demo"),
                suspension(now)),
            201);
    String caseId = created.path("caseId").asText();

    // when the user's notice arrives (composed and sent by the app's workers via the engine)
    JsonNode notice =
        await(
            "the suspension notice",
            () -> {
              JsonNode view = caseView(caseId, staff());
              return view.path("suspensionNotice").isObject()
                      && view.path("suspensionNotice").path("body").asText().contains("token=")
                  ? Optional.of(view.path("suspensionNotice"))
                  : Optional.empty();
            });
    Matcher token =
        Pattern.compile("token=([A-Za-z0-9._-]+)").matcher(notice.path("body").asText());
    assertThat(token.find()).isTrue();
    String appellant = "Bearer " + token.group(1);

    // and the user appeals through the case link
    json(
        send(
            app,
            "POST",
            "/api/cases/" + caseId + "/appeals",
            appellant,
            """
            {"statement": "These were refunds to my own customers; I have the receipts.",
             "contactPreference": "IN_APP", "talkToPerson": true}
            """),
        201);

    // and alice claims the review task (a Camunda user task) and upholds with reasons
    long task =
        await(
            "the review task",
            () -> {
              for (JsonNode t : json(send(app, "GET", "/api/review/tasks", alice(), null), 200)) {
                if (caseId.equals(t.path("caseId").asText())
                    && "REVIEW".equals(t.path("kind").asText())) {
                  return Optional.of(t.path("userTaskKey").asLong());
                }
              }
              return Optional.empty();
            });
    json(send(app, "POST", "/api/review/tasks/" + task + "/claim", alice(), null), 200);
    send(
        app,
        "POST",
        "/api/review/tasks/" + task + "/decision",
        alice(),
        """
        {"outcome": "UPHOLD",
         "rationale": "The requests went to strangers, not customers; the receipts do not match.",
         "policyReference": "Terms of service v4.2, section 7.3"}
        """);

    // then the decision is carried out and the money no legal hold covers is released
    JsonNode executed =
        await(
            "the executed decision with the money released",
            () -> {
              JsonNode view = caseView(caseId, staff());
              return "EXECUTED".equals(view.path("status").asText())
                      && view.path("funds").path("released").size() > 0
                  ? Optional.of(view)
                  : Optional.empty();
            });
    assertThat(executed.path("appeals").get(0).path("outcome").asText()).isEqualTo("UPHOLD");
    assertThat(executed.path("funds").path("released").toString()).contains("200.00");
    assertThat(executed.path("notices").toString()).contains("DECISION");

    // and the process ran on the other process's engine: its history names this case
    JsonNode instances =
        json(
            send(
                engine,
                "POST",
                "/v2/process-instances/search",
                TestServer.engineAuthorization(),
                "{\"filter\":{\"processDefinitionId\":\"account-suspension\"},"
                    + "\"page\":{\"limit\":100}}"),
            200);
    assertThat(instances.path("page").path("totalItems").asLong()).isGreaterThanOrEqualTo(1);
  }

  private static String suspension(Instant now) {
    return """
        {"platformDecisionId": "cluster-%s",
         "account": {"accountId": "u-2002", "displayName": "Anna Schmidt", "locale": "en",
                     "walletId": "w-2002"},
         "measures": [
           {"type": "ACCOUNT", "scope": "Sign-in and messaging suspended",
            "territorialScope": "EU", "startsAt": "%s", "indefinite": true},
           {"type": "MONETARY", "scope": "Wallet balance frozen", "territorialScope": "EU",
            "startsAt": "%s", "indefinite": true,
            "frozen": {"minorUnits": 20000, "currency": "EUR"}}
         ],
         "ground": {"type": "CONTRACTUAL", "reference": "Terms of service v4.2, section 7.3",
                    "explanation": "Identical payment requests were sent to 340 strangers."},
         "facts": "Between 14:00 and 15:00 UTC the account sent 340 payment requests.",
         "category": "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
         "automatedDetection": true, "automatedDecision": false,
         "source": "SOURCE_VOLUNTARY", "imposedBy": "bob", "imposedAt": "%s"}
        """
        .formatted(RUN, now, now, now);
  }

  private static JsonNode caseView(String caseId, String authorization) {
    return json(send(app, "GET", "/api/cases/" + caseId, authorization, null), 200);
  }

  private static String staff() {
    return TestServer.basic("dave", "dave-demo");
  }

  private static String alice() {
    return TestServer.basic("alice", "alice-demo");
  }

  private static <T> T await(String what, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (true) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      try {
        Thread.sleep(250); // polling interval, bounded by the deadline
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static JsonNode json(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpResponse<String> send(
      AppProcess target, String method, String path, String authorization, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(target.baseUrl() + path))
            .header("Authorization", authorization);
    if (body != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
