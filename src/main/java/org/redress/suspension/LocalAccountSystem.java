package org.redress.suspension;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The account system as tables in Redress's own database ({@code redress.account}, {@code
 * redress.account_restriction}): for the embedded demo and for platforms that read restrictions
 * from Redress. One restriction row per case and measure type makes every call idempotent.
 */
class LocalAccountSystem implements AccountSystem {

  private final JdbcClient jdbc;
  private final Clock clock;

  LocalAccountSystem(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void restrict(SuspensionCase c) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            INSERT INTO redress.account (account_id, display_name, created_at)
            VALUES (:accountId, :name, :now) ON CONFLICT (account_id) DO NOTHING
            """)
        .param("accountId", c.accountId())
        .param("name", c.accountName())
        .param("now", now)
        .update();
    for (Measure m : c.measures()) {
      jdbc.sql(
              """
              INSERT INTO redress.account_restriction
                  (account_id, case_id, measure_type, scope, ends_at, applied_at)
              VALUES (:accountId, :caseId, :type, :scope, :endsAt, :now)
              ON CONFLICT (case_id, measure_type) DO NOTHING
              """)
          .param("accountId", c.accountId())
          .param("caseId", c.caseId())
          .param("type", m.type().name())
          .param("scope", m.scope())
          .param("endsAt", m.endsAt() == null ? null : Timestamp.from(m.endsAt()))
          .param("now", now)
          .update();
    }
  }

  @Override
  public void restore(SuspensionCase c, String reason) {
    jdbc.sql(
            """
            UPDATE redress.account_restriction SET lifted_at = :now, lift_reason = :reason
             WHERE case_id = :caseId AND lifted_at IS NULL
            """)
        .param("now", Timestamp.from(clock.instant()))
        .param("reason", reason)
        .param("caseId", c.caseId())
        .update();
  }

  @Override
  public void limit(SuspensionCase c, Instant endsAt, String reason) {
    jdbc.sql(
            """
            UPDATE redress.account_restriction SET ends_at = :endsAt, lift_reason = :reason
             WHERE case_id = :caseId AND lifted_at IS NULL
            """)
        .param("endsAt", Timestamp.from(endsAt))
        .param("reason", reason)
        .param("caseId", c.caseId())
        .update();
  }

  @Override
  public boolean isRestricted(String accountId, String caseId) {
    return jdbc.sql(
                """
            SELECT count(*) FROM redress.account_restriction
             WHERE account_id = :accountId AND case_id = :caseId AND lifted_at IS NULL
               AND (ends_at IS NULL OR ends_at > :now)
            """)
            .param("accountId", accountId)
            .param("caseId", caseId)
            .param("now", Timestamp.from(clock.instant()))
            .query(Long.class)
            .single()
        > 0;
  }
}
