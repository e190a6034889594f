package org.redress.notice;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A notice to send: to whom, which kind, in which language, and the values its template shows.
 *
 * @param idempotencyKey one notice per key, ever (docs/workflow.md lists the keys per kind)
 * @param model template values: strings, booleans, numbers, {@link java.time.Instant}s and lists of
 *     them or of maps; see the templates in {@code src/main/resources/notice}
 */
public record NoticeRequest(
    String caseId,
    String accountId,
    NoticeKind kind,
    Locale locale,
    String idempotencyKey,
    Map<String, Object> model) {

  public NoticeRequest {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    model = Map.copyOf(model);
  }
}
