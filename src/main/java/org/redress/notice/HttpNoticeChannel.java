package org.redress.notice;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Delivers to the platform's messaging API: {@code POST <base-url>/notices} with the notice as JSON
 * and {@code Idempotency-Key: notice-<id>}, so a re-delivery is recognised; 2xx = delivered.
 */
class HttpNoticeChannel implements NoticeChannel {

  private final RestClient client;

  HttpNoticeChannel(RestClient client) {
    this.client = client;
  }

  @Override
  public void deliver(Notice notice) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("noticeId", notice.id());
    body.put("accountId", notice.accountId());
    body.put("caseId", notice.caseId());
    body.put("kind", notice.kind().name());
    body.put("locale", notice.locale().toLanguageTag());
    body.put("subject", notice.subject());
    body.put("body", notice.body());
    client
        .post()
        .uri("/notices")
        .header("Idempotency-Key", "notice-" + notice.id())
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toBodilessEntity();
  }
}
