package org.redress.config.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redress.support.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Cluster mode with a cluster that does not answer yet (a stand-in that refuses with 503): the app
 * starts anyway and is not ready, refuses writes with 503 and Retry-After, keeps trying to deploy,
 * and becomes ready as soon as the cluster takes the deployment.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"redress.engine.embedded=false", "camunda.client.auth.method=none"})
@DirtiesContext
class ClusterReadinessIT {

  static final AtomicBoolean CLUSTER_UP = new AtomicBoolean(false);
  static final AtomicInteger DEPLOY_ATTEMPTS = new AtomicInteger();
  static final HttpServer CLUSTER = startCluster();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
    registry.add(
        "camunda.client.rest-address", () -> "http://localhost:" + CLUSTER.getAddress().getPort());
  }

  @LocalServerPort int port;

  @AfterAll
  static void stopCluster() {
    CLUSTER.stop(0);
  }

  @Test
  void shouldBecomeReadyOnlyWhenTheClusterTakesTheModels() throws Exception {
    // given the app started against a cluster that refuses the deployment
    await().atMost(Duration.ofSeconds(30)).until(() -> DEPLOY_ATTEMPTS.get() >= 1);

    // when a write arrives, then it is refused with 503 and Retry-After; the probe says DOWN
    ReadinessIT.assertUnavailable(
        ReadinessIT.send(
            port, "POST", "/api/suspensions", ReadinessIT.PLATFORM, "{\"platformDecisionId\":1}"));
    HttpResponse<String> probe =
        ReadinessIT.send(port, "GET", "/actuator/health/readiness", null, null);
    assertThat(probe.statusCode()).as(probe.body()).isEqualTo(503);

    // when the cluster comes up
    CLUSTER_UP.set(true);

    // then the deployment is retried, the app becomes ready and takes writes
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                ReadinessIT.send(port, "GET", "/actuator/health/readiness", null, null).statusCode()
                    == 200);
    HttpResponse<String> write =
        ReadinessIT.send(port, "POST", "/api/suspensions", ReadinessIT.PLATFORM, "{}");
    assertThat(write.statusCode()).as(write.body()).isNotEqualTo(503);
  }

  /** A stand-in for the cluster's REST gateway: 503 until CLUSTER_UP, then takes deployments. */
  private static HttpServer startCluster() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
      server.createContext(
          "/",
          exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean deployment = exchange.getRequestURI().getPath().equals("/v2/deployments");
            if (deployment) {
              DEPLOY_ATTEMPTS.incrementAndGet();
            }
            int status;
            String body;
            if (!CLUSTER_UP.get()) {
              status = 503;
              body =
                  "{\"type\":\"about:blank\",\"title\":\"UNAVAILABLE\",\"status\":503,"
                      + "\"detail\":\"starting\"}";
            } else if (deployment) {
              status = 200;
              body = "{\"deploymentKey\":\"1\",\"tenantId\":\"<default>\",\"deployments\":[]}";
            } else {
              status = 404;
              body =
                  "{\"type\":\"about:blank\",\"title\":\"NOT_FOUND\",\"status\":404,"
                      + "\"detail\":\"stand-in\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange
                .getResponseHeaders()
                .add(
                    "Content-Type",
                    status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
