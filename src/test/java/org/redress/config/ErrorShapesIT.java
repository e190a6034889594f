package org.redress.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.redress.shared.security.CaseLinks;
import org.redress.support.TestDatabase;
import org.redress.support.TestServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every error of {@code /api/**} and {@code /v2/**} is an RFC 9457 problem detail with a {@code
 * code}, whichever layer raised it: Spring MVC before a controller is chosen (404, 405, 415), the
 * multipart limits, Spring Security's firewall, Tomcat itself; and no detail names a Java class.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      "redress.test.error-probes=true",
      // small limits, so that the test need not upload megabytes
      "spring.servlet.multipart.max-file-size=64KB",
      "spring.servlet.multipart.max-request-size=128KB"
    })
@Import(ErrorShapesIT.ClosingProbe.class)
class ErrorShapesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** Java package-qualified names such as org.redress.suspension.Measure or java.util.List. */
  private static final Pattern JAVA_NAME =
      Pattern.compile("\\b(org|java|javax|jakarta|com|io)\\.[a-z]+\\.");

  private static final String PLATFORM = TestServer.basic("moderation-system", "moderation-demo");
  private static final String ALICE = TestServer.basic("alice", "alice-demo");
  private static final String ENGINE = TestServer.engineAuthorization();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
    TestServer.register(registry);
  }

  @LocalServerPort int port;
  @Autowired CaseLinks caseLinks;

  @Test
  void shouldAnswer415ProblemWhenContentTypeIsWrong() throws Exception {
    // when
    HttpResponse<String> api =
        send("POST", "/api/suspensions", PLATFORM, "text/plain", bytes("hello"));
    HttpResponse<String> engine =
        send("POST", "/v2/process-instances", ENGINE, "text/plain", bytes("hello"));

    // then
    assertProblem(api, 415, "UNSUPPORTED_MEDIA_TYPE");
    assertProblem(engine, 415, "INVALID_ARGUMENT");
  }

  @Test
  void shouldAnswer404ProblemWhenPathIsUnknown() throws Exception {
    assertProblem(send("GET", "/api/no-such-thing", ALICE, null, null), 404, "NOT_FOUND");
    assertProblem(send("GET", "/v2/no-such-thing", ENGINE, null, null), 404, "NOT_FOUND");
  }

  @Test
  void shouldAnswer404ProblemWhenHtmlIsAcceptedOnApiPath() throws Exception {
    // given a browser's Accept header
    HttpRequest request =
        HttpRequest.newBuilder(uri("/api/no-such-thing"))
            .header("Authorization", ALICE)
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
            .GET()
            .build();

    // when
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

    // then
    assertProblem(response, 404, "NOT_FOUND");
  }

  @Test
  void shouldAnswer405ProblemWhenMethodIsNotAllowed() throws Exception {
    assertProblem(
        send("PUT", "/api/suspensions", PLATFORM, "application/json", bytes("{}")),
        405,
        "METHOD_NOT_ALLOWED");
    assertProblem(send("DELETE", "/v2/topology", ENGINE, null, null), 405, "INVALID_ARGUMENT");
  }

  @Test
  void shouldAnswer400ProblemWhenFirewallRejectsPath() throws Exception {
    for (String path :
        new String[] {"/api//suspensions", "/api/cases;x=1/abc", "/api/a%2F..%2Fb"}) {
      // when
      HttpResponse<String> response = send("GET", path, ALICE, null, null);

      // then
      assertProblem(response, 400, "REQUEST_REJECTED");
    }
    // the engine API titles and codes its refusals with Zeebe's rejection type
    assertProblem(send("GET", "/v2//topology", ENGINE, null, null), 400, "INVALID_ARGUMENT");
  }

  @Test
  void shouldAnswer413ProblemWhenMultipartUploadExceedsServletLimit() throws Exception {
    // given an appellant's upload and an engine deployment over the 128 KB limit
    String token = caseLinks.issueToken("case-x", "account-x", Instant.now().plusSeconds(600));
    String boundary = "redress-boundary";
    byte[] body = multipart(boundary, 200 * 1024);

    // when
    HttpResponse<String> api =
        send(
            "POST",
            "/api/cases/case-x/appeals",
            "Bearer " + token,
            "multipart/form-data; boundary=" + boundary,
            body);
    HttpResponse<String> engine =
        send("POST", "/v2/deployments", ENGINE, "multipart/form-data; boundary=" + boundary, body);

    // then
    assertProblem(api, 413, "UPLOAD_TOO_LARGE");
    assertProblem(engine, 413, "INVALID_ARGUMENT");
  }

  @Test
  void shouldAnswer400ProblemWithoutJavaNamesWhenJsonIsMalformed() throws Exception {
    for (String json :
        new String[] {"{\"measures\": 5}", "{\"platformDecisionId\": ", "[1, 2]", "{\"a\":1} x"}) {
      // when
      HttpResponse<String> response =
          send("POST", "/api/suspensions", PLATFORM, "application/json", bytes(json));

      // then
      assertThat(response.statusCode()).as(json).isIn(400, 422);
      JsonNode problem = assertProblem(response, response.statusCode(), null);
      assertThat(problem.path("detail").asText()).as(json).doesNotContainPattern(JAVA_NAME);
    }
    HttpResponse<String> engine =
        send(
            "POST",
            "/v2/process-instances",
            ENGINE,
            "application/json",
            bytes("{\"variables\": 5}"));
    JsonNode problem = assertProblem(engine, 400, "INVALID_ARGUMENT");
    assertThat(problem.path("detail").asText()).doesNotContainPattern(JAVA_NAME);
  }

  @Test
  void shouldAnswer400ProblemWithoutJavaNamesWhenPathVariableHasWrongType() throws Exception {
    JsonNode api =
        assertProblem(
            send("GET", "/api/review/tasks/not-a-number", ALICE, null, null),
            400,
            "INVALID_REQUEST");
    assertThat(api.path("detail").asText()).doesNotContainPattern(JAVA_NAME);
    JsonNode engine =
        assertProblem(
            send("GET", "/v2/user-tasks/not-a-number", ENGINE, null, null),
            400,
            "INVALID_ARGUMENT");
    assertThat(engine.path("detail").asText()).doesNotContainPattern(JAVA_NAME);
  }

  @Test
  void shouldAnswerProblemWhenRequestHeaderIsTooLarge() throws Exception {
    // given a header over Tomcat's limit (8 KB by default)
    HttpRequest request =
        HttpRequest.newBuilder(uri("/api/cases/abc"))
            .header("Authorization", ALICE)
            .header("X-Padding", "x".repeat(20_000))
            .GET()
            .build();

    // when
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

    // then
    assertProblem(response, 400, "REQUEST_HEADER_TOO_LARGE");
  }

  @Test
  void shouldAnswer503WithRetryAfterWhenARequestMeetsTheClosedPoolOfAClosingApp() throws Exception {
    // when a request outside the features' advice runs into a closed connection pool
    HttpResponse<String> response = send("GET", "/api/test-probes/closed-pool", ALICE, null, null);

    // then it is a retryable 503, not a 500
    assertProblem(response, 503, "UNAVAILABLE");
    assertThat(response.headers().firstValue("Retry-After")).contains("5");
  }

  @Test
  void shouldKeepDefaultErrorPageWhenPathIsNotAnApi() throws Exception {
    // when an unknown page outside the APIs is requested by a signed-in browser
    HttpRequest request =
        HttpRequest.newBuilder(uri("/no-such-page"))
            .header("Authorization", ALICE)
            .header("Accept", "text/html")
            .GET()
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

    // then Spring Boot's error page answers, not the API's problem detail
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
  }

  /**
   * A request that fails as during a shut-down. Only registered here: other apps started from the
   * test classpath scan it, but lack the property.
   */
  @RestController
  @ConditionalOnProperty(name = "redress.test.error-probes", havingValue = "true")
  static class ClosingProbe {

    @GetMapping("/api/test-probes/closed-pool")
    String closedPool() {
      throw new CannotGetJdbcConnectionException(
          "Failed to obtain JDBC Connection",
          new SQLException("HikariDataSource HikariDataSource (HikariPool-1) has been closed."));
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private HttpResponse<String> send(
      String method, String path, String authorization, String contentType, byte[] body)
      throws Exception {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "application/json")
            .method(
                method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] multipart(String boundary, int size) {
    byte[] filler = new byte[size];
    Arrays.fill(filler, (byte) 'a');
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"resources\"; filename=\"big.bpmn\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n";
    String tail = "\r\n--" + boundary + "--\r\n";
    byte[] result = new byte[head.length() + size + tail.length()];
    System.arraycopy(bytes(head), 0, result, 0, head.length());
    System.arraycopy(filler, 0, result, head.length(), size);
    System.arraycopy(bytes(tail), 0, result, head.length() + size, tail.length());
    return result;
  }

  /** Asserts the status, the problem+json content type and the code (any code when null). */
  private static JsonNode assertProblem(HttpResponse<String> response, int status, String code)
      throws Exception {
    assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .as(response.uri().toString())
        .startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("code").asText()).as(response.body()).isNotBlank();
    if (code != null) {
      assertThat(problem.path("code").asText()).as(response.body()).isEqualTo(code);
    }
    assertThat(problem.path("detail").asText()).as(response.body()).isNotBlank();
    return problem;
  }
}
