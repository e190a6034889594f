package org.redress.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redress.notice.NoticeKind;
import org.redress.shared.Money;
import org.redress.shared.security.CaseLinks;
import org.redress.suspension.CaseStatus;
import org.redress.workflow.WorkflowApi.Caller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Bad input gets a clear 4xx problem and stores nothing. */
class WorkflowBadInputIT extends WorkflowTestBase {

  @Autowired CaseLinks caseLinks;

  @Test
  void shouldListEveryMissingElementAndStoreNothingWhenStatementIsIncomplete() {
    // when
    ResponseEntity<Map<String, Object>> response =
        api.post(
            PLATFORM,
            "/api/suspensions",
            Map.of("platformDecisionId", "mod-incomplete-1", "facts", "spam"));

    // then
    assertThat(response.getStatusCode().value()).isEqualTo(422);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).containsEntry("code", "STATEMENT_OF_REASONS_INCOMPLETE");
    @SuppressWarnings("unchecked")
    List<Map<String, String>> errors = (List<Map<String, String>>) response.getBody().get("errors");
    assertThat(errors)
        .extracting(e -> e.get("field"))
        .contains("account", "measures", "ground", "facts", "category", "source", "imposedBy");
    assertThat(jdbcCount("mod-incomplete-1")).isZero();
  }

  @Test
  void shouldAnswer400WhenSuspensionIsMalformedJson() {
    ResponseEntity<Map<String, Object>> response =
        api.postRaw(PLATFORM, "/api/suspensions", "{\"platformDecisionId\": ");

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody()).containsEntry("code", "MALFORMED_REQUEST");
  }

  @Test
  void shouldReturnTheSameCaseWhenThePlatformRepeatsItsDecisionId() {
    Account user = account(Money.of(1_000, "EUR"));
    String caseId = suspend(user, 1_000, null, "bob");

    ResponseEntity<Map<String, Object>> repeated =
        api.post(PLATFORM, "/api/suspensions", lastSuspension);

    assertThat(repeated.getStatusCode().value()).isEqualTo(200);
    assertThat(repeated.getBody()).containsEntry("caseId", caseId);
  }

  @Test
  void shouldRefuseOversizedWrongTypeAndTooManyAttachmentsAndStoreNoAppeal() {
    // given
    Account user = account(Money.of(1_000, "EUR"));
    String caseId = suspend(user, 1_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    Caller appellant = appellantOf(caseId);
    String path = "/api/cases/" + caseId + "/appeals";

    // when / then: 6 MB > 5 MB
    byte[] big = new byte[6 * 1024 * 1024];
    big[0] = '%';
    big[1] = 'P';
    big[2] = 'D';
    big[3] = 'F';
    big[4] = '-';
    assertThat(
            api.postMultipart(appellant, path, parts(file("big.pdf", "application/pdf", big)))
                .getStatusCode()
                .value())
        .isEqualTo(413);
    // an executable declared as an image
    ResponseEntity<Map<String, Object>> exe =
        api.postMultipart(
            appellant, path, parts(file("photo.png", "image/png", new byte[] {'M', 'Z', 0, 1})));
    assertThat(exe.getStatusCode().value()).isEqualTo(415);
    assertThat(exe.getBody()).containsEntry("code", "ATTACHMENT_TYPE_NOT_ALLOWED");
    // six files, five allowed
    HttpEntity<?>[] six = new HttpEntity<?>[6];
    for (int i = 0; i < 6; i++) {
      six[i] = file("note" + i + ".txt", "text/plain", ("receipt " + i).getBytes());
    }
    ResponseEntity<Map<String, Object>> many = api.postMultipart(appellant, path, parts(six));
    assertThat(many.getStatusCode().value()).isEqualTo(400);
    assertThat(many.getBody()).containsEntry("code", "TOO_MANY_ATTACHMENTS");
    assertThat(appeals(appellant, caseId)).isEmpty();

    // and a valid one with a PDF is accepted, then a second open appeal is refused
    ResponseEntity<Map<String, Object>> ok =
        api.postMultipart(
            appellant,
            path,
            parts(file("receipt.pdf", "application/pdf", "%PDF-1.7 x".getBytes())));
    assertThat(ok.getStatusCode().value()).as("%s", ok.getBody()).isEqualTo(201);
    ResponseEntity<Map<String, Object>> second =
        api.post(appellant, path, Map.of("statement", "And again"));
    assertThat(second.getStatusCode().value()).isEqualTo(409);
    assertThat(second.getBody()).containsEntry("code", "APPEAL_ALREADY_OPEN");
    assertThat(appeals(appellant, caseId)).hasSize(1);
  }

  @Test
  void shouldHideOtherCasesAndRefuseExpiredOrTamperedLinks() {
    // given two users' cases
    Account first = account(Money.of(1_000, "EUR"));
    Account second = account(Money.of(1_000, "EUR"));
    String firstCase = suspend(first, 1_000, null, "bob");
    String secondCase = suspend(second, 1_000, null, "bob");
    awaitStatus(firstCase, CaseStatus.NOTIFIED);
    Caller firstAppellant = appellantOf(firstCase);

    // then the first user sees their case and nothing of the second one
    assertThat(api.get(firstAppellant, "/api/cases/" + firstCase).getStatusCode().value())
        .isEqualTo(200);
    assertThat(api.get(firstAppellant, "/api/cases/" + secondCase).getStatusCode().value())
        .isEqualTo(404);
    assertThat(
            api.post(
                    firstAppellant,
                    "/api/cases/" + secondCase + "/appeals",
                    Map.of("statement", "x"))
                .getStatusCode()
                .value())
        .isEqualTo(404);
    // an unknown case is 404 for staff too
    assertThat(api.get(ALICE, "/api/cases/case-does-not-exist").getStatusCode().value())
        .isEqualTo(404);

    // an expired link
    String expired =
        caseLinks.issueToken(firstCase, first.accountId(), Instant.now().minusSeconds(60));
    ResponseEntity<Map<String, Object>> late =
        api.get(Caller.appellant(expired), "/api/cases/" + firstCase);
    assertThat(late.getStatusCode().value()).isEqualTo(401);
    assertThat(late.getBody()).containsEntry("code", "CASE_LINK_EXPIRED");

    // a tampered link: the signature of another case's token
    String token = WorkflowApi.tokenIn(notice(firstCase, NoticeKind.SUSPENSION).body());
    String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
    assertThat(
            api.get(Caller.appellant(tampered), "/api/cases/" + firstCase).getStatusCode().value())
        .isEqualTo(401);

    // no credentials at all
    assertThat(api.get(new Caller(""), "/api/cases/" + firstCase).getStatusCode().value())
        .isEqualTo(401);
  }

  @Test
  void shouldRefuseADecisionWithoutRationaleAndKeepTheTaskOpen() {
    Account user = account(Money.of(1_000, "EUR"));
    String caseId = suspend(user, 1_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    api.post(appellantOf(caseId), "/api/cases/" + caseId + "/appeals", Map.of("statement", "Why"));
    long task = awaitReviewTask(caseId);
    api.post(ALICE, "/api/review/tasks/" + task + "/claim", Map.of());

    ResponseEntity<Map<String, Object>> decision =
        api.post(
            ALICE,
            "/api/review/tasks/" + task + "/decision",
            Map.of("outcome", "UPHOLD", "rationale", " "));

    assertThat(decision.getStatusCode().value()).isEqualTo(422);
    assertThat(decision.getBody()).containsEntry("code", "DECISION_INCOMPLETE");
    assertThat(api.get(ALICE, "/api/review/tasks/" + task).getBody())
        .containsEntry("state", "CREATED")
        .containsEntry("assignee", "alice");
  }

  // --- helpers ---------------------------------------------------------------------------------

  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  long jdbcCount(String platformDecisionId) {
    return jdbc.sql("SELECT count(*) FROM redress.suspension_case WHERE platform_decision_id = :id")
        .param("id", platformDecisionId)
        .query(Long.class)
        .single();
  }

  @SuppressWarnings("unchecked")
  List<Object> appeals(Caller appellant, String caseId) {
    return (List<Object>) api.get(appellant, "/api/cases/" + caseId).getBody().get("appeals");
  }

  static HttpEntity<?> file(String name, String type, byte[] content) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(type));
    headers.setContentDispositionFormData("attachments", name);
    return new HttpEntity<>(
        new ByteArrayResource(content) {
          @Override
          public String getFilename() {
            return name;
          }
        },
        headers);
  }

  static MultiValueMap<String, Object> parts(HttpEntity<?>... files) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    parts.add("appeal", new HttpEntity<>(Map.of("statement", "See the attached receipts"), json));
    for (HttpEntity<?> file : files) {
      parts.add("attachments", file);
    }
    return parts;
  }
}
