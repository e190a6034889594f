package org.redress.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.redress.support.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit trail is append-only, chained per case, and records a re-run step once. */
class AuditTrailIT {

  static DataSource dataSource;

  final JdbcClient jdbc = JdbcClient.create(dataSource());
  final AuditTrail audit = new AuditTrail(jdbc, Clock.systemUTC());

  @Test
  void shouldChainEventsAndRecordARepeatedKeyOnce() {
    String caseId = "case-" + UUID.randomUUID();

    AuditEvent opened = audit.record(entry(caseId, "CASE_OPENED", caseId + ":opened"));
    AuditEvent again = audit.record(entry(caseId, "CASE_OPENED", caseId + ":opened"));
    AuditEvent decided = audit.record(entry(caseId, "APPEAL_DECIDED", null));

    assertThat(again.id()).isEqualTo(opened.id());
    assertThat(audit.ofCase(caseId))
        .extracting(AuditEvent::action)
        .containsExactly("CASE_OPENED", "APPEAL_DECIDED");
    assertThat(decided.previousHash()).isEqualTo(opened.hash());
    assertThat(audit.verify(caseId)).isEqualTo(new ChainVerification(true, 2, null));
  }

  @Test
  void shouldRefuseUpdatesAndDeletes() {
    String caseId = "case-" + UUID.randomUUID();
    audit.record(entry(caseId, "CASE_OPENED", null));

    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE redress.audit_event SET actor = 'mallory' WHERE case_id = :id")
                    .param("id", caseId)
                    .update())
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                jdbc.sql("DELETE FROM redress.audit_event WHERE case_id = :id")
                    .param("id", caseId)
                    .update())
        .rootCause()
        .hasMessageContaining("append-only");
  }

  @Test
  void shouldDetectATamperedEventWhenTheTriggerIsBypassed() {
    // given a chain, and someone with table-owner rights who disables the trigger and edits a row
    String caseId = "case-" + UUID.randomUUID();
    audit.record(entry(caseId, "CASE_OPENED", null));
    AuditEvent decided = audit.record(entry(caseId, "APPEAL_DECIDED", null));
    audit.record(entry(caseId, "DECISION_NOTICE_SENT", null));
    jdbc.sql(
            """
            BEGIN;
            ALTER TABLE redress.audit_event DISABLE TRIGGER audit_event_append_only;
            UPDATE redress.audit_event SET actor = 'mallory' WHERE id = %d;
            ALTER TABLE redress.audit_event ENABLE TRIGGER audit_event_append_only;
            COMMIT;
            """
                .formatted(decided.id()))
        .update();

    // then the chain is broken from that event on
    assertThat(audit.verify(caseId)).isEqualTo(new ChainVerification(false, 3, decided.id()));
  }

  static AuditEntry entry(String caseId, String action, String key) {
    return new AuditEntry(
        caseId,
        action,
        "alice",
        ActorType.PERSON,
        action + " of " + caseId,
        Map.of("round", 1, "outcome", "UPHOLD", "nested", Map.of("b", true, "a", 2L)),
        key);
  }

  static synchronized DataSource dataSource() {
    if (dataSource == null) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(TestDatabase.jdbcUrl());
      config.setUsername(TestDatabase.username());
      config.setPassword(TestDatabase.password());
      config.setMaximumPoolSize(4);
      config.setAutoCommit(true);
      dataSource = new HikariDataSource(config);
      Flyway.configure()
          .dataSource(dataSource)
          .schemas("engine", "redress")
          .defaultSchema("redress")
          .createSchemas(true)
          .load()
          .migrate();
    }
    return dataSource;
  }
}
