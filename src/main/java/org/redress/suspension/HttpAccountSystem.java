package org.redress.suspension;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The platform's account system over HTTP ({@code redress.suspension.account-system=http}). Each
 * call carries an {@code Idempotency-Key} made of the case id and the action, so the platform
 * applies a re-sent call once. A non-2xx answer throws, and the job is retried.
 *
 * <p>Endpoints, relative to {@code redress.suspension.http.base-url}: {@code POST
 * /accounts/{accountId}/restrictions}, {@code POST
 * /accounts/{accountId}/restrictions/{caseId}/lift}, {@code POST
 * /accounts/{accountId}/restrictions/{caseId}/limit}, {@code GET
 * /accounts/{accountId}/restrictions/{caseId}} (200 with {@code {"active": true|false}}).
 */
class HttpAccountSystem implements AccountSystem {

  private final RestClient client;

  HttpAccountSystem(RestClient client) {
    this.client = client;
  }

  @Override
  public void restrict(SuspensionCase c) {
    List<Map<String, Object>> measures =
        c.measures().stream()
            .map(
                m -> {
                  Map<String, Object> measure = new java.util.LinkedHashMap<>();
                  measure.put("type", m.type().name());
                  measure.put("scope", m.scope());
                  measure.put("territorialScope", m.territorialScope());
                  measure.put("startsAt", m.startsAt().toString());
                  measure.put("endsAt", m.endsAt() == null ? null : m.endsAt().toString());
                  return measure;
                })
            .toList();
    post(
        "/accounts/{accountId}/restrictions",
        c.caseId() + ":restrict",
        Map.of("caseId", c.caseId(), "measures", measures),
        c.accountId());
  }

  @Override
  public void restore(SuspensionCase c, String reason) {
    post(
        "/accounts/{accountId}/restrictions/{caseId}/lift",
        c.caseId() + ":lift",
        Map.of("reason", reason),
        c.accountId(),
        c.caseId());
  }

  @Override
  public void limit(SuspensionCase c, Instant endsAt, String reason) {
    post(
        "/accounts/{accountId}/restrictions/{caseId}/limit",
        c.caseId() + ":limit:" + endsAt,
        Map.of("endsAt", endsAt.toString(), "reason", reason),
        c.accountId(),
        c.caseId());
  }

  @Override
  public boolean isRestricted(String accountId, String caseId) {
    Map<?, ?> body =
        client
            .get()
            .uri("/accounts/{accountId}/restrictions/{caseId}", accountId, caseId)
            .retrieve()
            .body(Map.class);
    return body != null && Boolean.TRUE.equals(body.get("active"));
  }

  private void post(String uri, String idempotencyKey, Object body, Object... variables) {
    client
        .post()
        .uri(uri, variables)
        .header("Idempotency-Key", idempotencyKey)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toBodilessEntity();
  }
}
