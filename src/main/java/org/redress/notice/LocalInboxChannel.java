package org.redress.notice;

import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Delivers into {@code redress.notice_inbox}, once per notice id. */
class LocalInboxChannel implements NoticeChannel {

  private final JdbcClient jdbc;

  LocalInboxChannel(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void deliver(Notice notice) {
    jdbc.sql(
            """
            INSERT INTO redress.notice_inbox (notice_id, account_id, subject, body, created_at)
            VALUES (:id, :accountId, :subject, :body, :createdAt)
            ON CONFLICT (notice_id) DO NOTHING
            """)
        .param("id", notice.id())
        .param("accountId", notice.accountId())
        .param("subject", notice.subject())
        .param("body", notice.body())
        .param("createdAt", Timestamp.from(notice.createdAt()))
        .update();
  }
}
