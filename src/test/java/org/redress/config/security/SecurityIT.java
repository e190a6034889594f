package org.redress.config.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redress.shared.security.CaseAccess;
import org.redress.shared.security.CaseLinks;
import org.redress.shared.security.Role;
import org.redress.shared.security.StaffDirectory;
import org.redress.support.TestDatabase;
import org.redress.support.TestServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The security of the running app over real HTTP: who may call which path of the Redress API,
 * appellants' case links, the engine API's internal credential, and that every refusal is a problem
 * detail with a code. The feature controllers do not exist yet, so {@link Probes} stands in for
 * them on the secured paths.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = "redress.test.security-probes=true")
@Import(SecurityIT.Probes.class)
class SecurityIT {

  private static final String PROBLEM_JSON = "application/problem+json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
    TestServer.register(registry);
  }

  @LocalServerPort int port;
  @Autowired CaseLinks caseLinks;
  @Autowired StaffDirectory staffDirectory;
  @Autowired CamundaClient client;

  private final String caseId = "case-" + UUID.randomUUID();

  // ---- staff and integrations: HTTP Basic
  // --------------------------------------------------------

  @Test
  void shouldAnswer401ProblemWhenApiIsCalledAnonymously() throws Exception {
    for (String path : new String[] {"/api/cases/" + caseId, "/api/review/queue", "/api/nothing"}) {
      // when
      HttpResponse<String> response = send("GET", path, null);

      // then
      JsonNode problem = assertProblem(response, 401, "UNAUTHENTICATED");
      assertThat(problem.path("instance").asText()).isEqualTo(path);
      assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
          .startsWith("Basic realm=\"Redress\"");
    }
  }

  @Test
  void shouldAnswer401ProblemWhenPasswordIsWrong() throws Exception {
    assertProblem(
        send("GET", "/api/review/queue", TestServer.basic("alice", "wrong")),
        401,
        "BAD_CREDENTIALS");
    assertProblem(
        send("GET", "/api/review/queue", TestServer.basic("nobody", "alice-demo")),
        401,
        "BAD_CREDENTIALS");
  }

  @Test
  void shouldAnswer403ProblemWhenRoleDoesNotAllowThePath() throws Exception {
    assertProblem(send("POST", "/api/suspensions", staff("alice")), 403, "FORBIDDEN");
    assertProblem(send("GET", "/api/finance/holds", staff("alice")), 403, "FORBIDDEN");
    assertProblem(send("GET", "/api/review/queue", staff("erin")), 403, "FORBIDDEN");
    assertProblem(
        send("GET", "/api/cases/" + caseId + "/history", staff("alice")), 403, "FORBIDDEN");
    assertProblem(
        send("POST", "/api/cases/" + caseId + "/appeals", staff("alice")), 403, "FORBIDDEN");
    assertProblem(
        send("GET", "/api/cases/" + caseId, staff("moderation-system")), 403, "FORBIDDEN");
  }

  @Test
  void shouldLetEachRoleThroughWhenPathIsItsOwn() throws Exception {
    // the feature controllers answer (here: no such case, no body), security let them through
    assertPassedSecurity(send("POST", "/api/suspensions", staff("moderation-system")));
    assertOk(send("GET", "/api/review/queue", staff("alice")));
    assertOk(send("GET", "/api/review/queue", staff("carol")));
    assertOk(send("GET", "/api/finance/holds", staff("erin")));
    assertPassedSecurity(send("GET", "/api/cases/" + caseId + "/history", staff("dave")));
    assertPassedSecurity(send("GET", "/api/cases/" + caseId + "/history", staff("admin")));
    for (String reader : new String[] {"alice", "carol", "dave", "erin", "admin"}) {
      assertPassedSecurity(send("GET", "/api/cases/" + caseId, staff(reader)));
    }
  }

  @Test
  void shouldRefuseEveryWriteWhenCallerIsAnAuditor() throws Exception {
    assertOk(send("GET", "/api/whoami", staff("dave")));
    assertProblem(send("POST", "/api/whoami", staff("dave")), 403, "FORBIDDEN");
    assertOk(send("POST", "/api/whoami", staff("alice")));
  }

  @Test
  void shouldKnowPeopleFromMachinesWhenDemoUsersAreOn() throws Exception {
    assertThat(staffDirectory.isPerson("alice")).isTrue();
    assertThat(staffDirectory.isPerson("moderation-system")).isFalse();
    JsonNode carol = assertOk(send("GET", "/api/whoami", staff("carol")));
    assertThat(carol.path("roles").toString()).contains("SENIOR_REVIEWER", "REVIEWER");
    assertThat(carol.path("person").asBoolean()).isTrue();
  }

  // ---- appellants: case links -----------------------------------------------------------------

  @Test
  void shouldShowTheCaseWhenCaseLinkIsValid() throws Exception {
    // given
    String token = caseLinks.issueToken(caseId, "account-1", Instant.now().plusSeconds(3600));

    // when / then: as a bearer token and as the link's query parameter
    // (the case does not exist: the case controller, past security, answers 404)
    assertPassedSecurity(send("GET", "/api/cases/" + caseId, "Bearer " + token));
    JsonNode related =
        assertOk(send("GET", "/api/cases/" + caseId + "/related/" + caseId, "Bearer " + token));
    assertThat(related.path("caseId").asText()).isEqualTo(caseId);
    String link = caseLinks.link(caseId, "account-1", Instant.now().plusSeconds(3600));
    assertThat(link).startsWith("http://localhost:" + port + "/case/" + caseId + "?token=");
    // the notice's link opens the portal; the API takes the same token as a query parameter
    assertPassedSecurity(send("GET", "/api/cases/" + caseId + "?token=" + token, null));
    assertPassedSecurity(send("POST", "/api/cases/" + caseId + "/appeals", "Bearer " + token));
  }

  @Test
  void shouldAnswer401ExpiredWhenCaseLinkHasExpired() throws Exception {
    String token = caseLinks.issueToken(caseId, "account-1", Instant.now().minusSeconds(1));

    JsonNode problem =
        assertProblem(
            send("GET", "/api/cases/" + caseId, "Bearer " + token), 401, "CASE_LINK_EXPIRED");
    assertThat(problem.path("detail").asText()).contains("expired");
    assertProblem(
        send("GET", "/api/cases/" + caseId + "?token=" + token, null), 401, "CASE_LINK_EXPIRED");
  }

  @Test
  void shouldAnswer401InvalidWhenCaseLinkWasTamperedWith() throws Exception {
    String token = caseLinks.issueToken(caseId, "account-1", Instant.now().plusSeconds(3600));
    String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

    HttpResponse<String> response = send("GET", "/api/cases/" + caseId, "Bearer " + tampered);

    assertProblem(response, 401, "CASE_LINK_INVALID");
    assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    assertProblem(
        send("GET", "/api/cases/" + caseId + "?token=garbage", null), 401, "CASE_LINK_INVALID");
  }

  @Test
  void shouldAnswer404WhenCaseLinkIsForAnotherCase() throws Exception {
    // given a genuine link to another case
    String token = caseLinks.issueToken(caseId, "account-1", Instant.now().plusSeconds(3600));
    String other = "case-" + UUID.randomUUID();

    // then: exactly as if the case did not exist
    JsonNode problem =
        assertProblem(send("GET", "/api/cases/" + other, "Bearer " + token), 404, "CASE_NOT_FOUND");
    assertThat(problem.path("detail").asText()).contains(other);
    assertProblem(
        send("POST", "/api/cases/" + other + "/appeals", "Bearer " + token), 404, "CASE_NOT_FOUND");
    // and where a handler checks a case id that is not in the path (CaseAccess.check)
    assertProblem(
        send("GET", "/api/cases/" + caseId + "/related/" + other, "Bearer " + token),
        404,
        "CASE_NOT_FOUND");
  }

  @Test
  void shouldKeepAppellantOnTheirCaseWhenCaseLinkIsUsedElsewhere() throws Exception {
    String token = caseLinks.issueToken(caseId, "account-1", Instant.now().plusSeconds(3600));

    assertProblem(
        send("GET", "/api/cases/" + caseId + "/history", "Bearer " + token), 403, "FORBIDDEN");
    // outside /api/cases a case link signs in nobody
    assertProblem(send("GET", "/api/review/queue", "Bearer " + token), 401, "UNAUTHENTICATED");
    assertProblem(send("GET", "/api/whoami?token=" + token, null), 401, "UNAUTHENTICATED");
  }

  // ---- engine API: internal credential ----------------------------------------------------------

  @Test
  void shouldAnswer401WhenEngineApiIsCalledWithoutTheClientCredential() throws Exception {
    for (String path : new String[] {"/v2/topology", "/actuator/clock"}) {
      assertProblem(send("GET", path, null), 401, "UNAUTHENTICATED");
      assertProblem(send("GET", path, staff("admin")), 401, "BAD_CREDENTIALS");
    }
    assertProblem(send("POST", "/actuator/cluster/purge", null), 401, "UNAUTHENTICATED");
    assertProblem(
        send("GET", "/v2/topology", TestServer.basic(TestServer.ENGINE_CLIENT_ID, "wrong")),
        401,
        "BAD_CREDENTIALS");
  }

  @Test
  void shouldServeEngineApiWhenClientCredentialIsSent() throws Exception {
    HttpResponse<String> topology = send("GET", "/v2/topology", TestServer.engineAuthorization());
    assertThat(topology.statusCode()).as(topology.body()).isEqualTo(200);
    HttpResponse<String> clock = send("GET", "/actuator/clock", TestServer.engineAuthorization());
    assertThat(clock.statusCode()).as(clock.body()).isEqualTo(200);
    // the app's own Camunda client (its @JobWorkers poll through it) sends the credential
    assertThat(client.newTopologyRequest().send().join().getBrokers()).isNotEmpty();
  }

  @Test
  void shouldNotAcceptTheEngineCredentialWhenRedressApiIsCalled() throws Exception {
    assertProblem(
        send("GET", "/api/whoami", TestServer.engineAuthorization()), 401, "BAD_CREDENTIALS");
  }

  // ---- public endpoints -----------------------------------------------------------------------

  @Test
  void shouldServeHealthAndApiDocumentationWithoutSignIn() throws Exception {
    HttpResponse<String> health = send("GET", "/actuator/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");

    JsonNode document = assertOk(send("GET", "/v3/api-docs/redress", null));
    assertThat(document.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    assertThat(document.at("/components/securitySchemes/caseLink/scheme").asText())
        .isEqualTo("bearer");
    assertThat(document.path("paths").has("/api/cases/{caseId}")).isTrue();
    assertThat(new TreeSet<>(iterableNames(document.path("paths"))))
        .allMatch(path -> path.startsWith("/api/"));

    JsonNode all = assertOk(send("GET", "/v3/api-docs", null));
    assertThat(iterableNames(all.path("paths"))).noneMatch(path -> path.startsWith("/v2"));

    HttpResponse<String> ui = send("GET", "/swagger-ui/index.html", null);
    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(send("GET", "/swagger-ui.html", null).statusCode()).isIn(200, 302);
  }

  @Test
  void shouldCreateNoSessionWhenRequestsAreAuthenticated() throws Exception {
    HttpResponse<String> response = send("GET", "/api/whoami", staff("alice"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static String staff(String username) {
    return TestServer.basic(
        username, username.equals("moderation-system") ? "moderation-demo" : username + "-demo");
  }

  private HttpResponse<String> send(String method, String path, String authorization)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json, application/problem+json")
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Not refused by security: the request reached a controller (which may still refuse it). */
  private static void assertPassedSecurity(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isNotIn(401, 403);
    assertThat(response.body()).doesNotContain("UNAUTHENTICATED", "FORBIDDEN", "CASE_LINK_");
  }

  private static JsonNode assertOk(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static JsonNode assertProblem(HttpResponse<String> response, int status, String code)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .as(response.body())
        .startsWith(PROBLEM_JSON);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("code").asText()).isEqualTo(code);
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(problem.path("detail").asText()).isNotBlank();
    assertThat(response.body()).doesNotContain("Exception", "at org.");
    return problem;
  }

  private static java.util.List<String> iterableNames(JsonNode node) {
    java.util.List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * Stand-ins for the feature controllers on the secured paths. Only registered here: other apps
   * started from the test classpath (Camunda Process Test's) scan it, but lack the property.
   */
  @RestController
  @ConditionalOnProperty(name = "redress.test.security-probes", havingValue = "true")
  static class Probes {

    private final CaseAccess caseAccess;
    private final StaffDirectory staff;

    Probes(CaseAccess caseAccess, StaffDirectory staff) {
      this.caseAccess = caseAccess;
      this.staff = staff;
    }

    @GetMapping("/api/cases/{caseId}/related/{otherCaseId}")
    Map<String, Object> related(
        @PathVariable String caseId, @PathVariable String otherCaseId, Authentication caller) {
      caseAccess.check(caller, caseId);
      caseAccess.check(caller, otherCaseId);
      return Map.of("caseId", otherCaseId);
    }

    @GetMapping("/api/review/queue")
    Map<String, Object> reviewQueue() {
      return Map.of("tasks", 0);
    }

    @GetMapping("/api/finance/holds")
    Map<String, Object> holds() {
      return Map.of("holds", 0);
    }

    @GetMapping("/api/whoami")
    Map<String, Object> whoami(Authentication caller) {
      return Map.of(
          "name",
          caller.getName(),
          "roles",
          Role.of(caller).toString(),
          "person",
          staff.isPerson(caller.getName()));
    }

    @PostMapping("/api/whoami")
    Map<String, Object> touch(Authentication caller) {
      return Map.of("name", caller.getName());
    }
  }
}
