package org.redress.audit.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's figures at a pinned instant years after anything else the test JVM writes, so the
 * weeks shown hold only this test's appeals (older open appeals of other tests land in the oldest
 * age bucket, which is checked as "at least").
 */
class DashboardQueriesIT {

  /** A Wednesday; its week starts on Monday 2031-06-09. */
  static final Instant NOW = Instant.parse("2031-06-11T12:00:00Z");

  final JdbcClient jdbc = JdbcClient.create(CaseSearchQueriesIT.dataSource());
  final CaseSearchQueriesIT cases = new CaseSearchQueriesIT();
  final DashboardQueries dashboard = new DashboardQueries(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void shouldCountOpenAppealsByAgeDecisionsPerWeekMediansAndReversalsWhenAppealsExist() {
    // given open appeals 2 hours, 2 days and 10 days old, one of them escalated
    String open1 = appeal(NOW.minus(Duration.ofHours(2)), null, null);
    appeal(NOW.minus(Duration.ofDays(2)), null, null);
    String escalated = appeal(NOW.minus(Duration.ofDays(10)), null, null);
    escalate(escalated, NOW.minus(Duration.ofDays(8)));
    // and decided appeals: this week an overturn after 10 h and an uphold after 30 h, last week an
    // uphold after 4 h
    appeal(NOW.minus(Duration.ofHours(20)), NOW.minus(Duration.ofHours(10)), "OVERTURN");
    appeal(NOW.minus(Duration.ofHours(31)), NOW.minus(Duration.ofHours(1)), "UPHOLD");
    appeal(
        NOW.minus(Duration.ofDays(7)),
        NOW.minus(Duration.ofDays(7)).plus(Duration.ofHours(4)),
        "UPHOLD");

    // when
    DashboardFigures f = dashboard.figures();

    // then
    assertThat(f.weeks()).hasSize(DashboardQueries.WEEKS);
    assertThat(f.weeks().get(DashboardQueries.WEEKS - 1)).isEqualTo(LocalDate.of(2031, 6, 9));
    assertThat(f.openAppealsByAge().subList(0, 4)).containsExactly(1L, 1L, 0L, 1L);
    assertThat(f.openAppealsByAge().get(4)).isGreaterThanOrEqualTo(0L);
    int thisWeek = DashboardQueries.WEEKS - 1;
    assertThat(f.decisionsPerWeek().get("OVERTURN").get(thisWeek)).isEqualTo(1L);
    assertThat(f.decisionsPerWeek().get("UPHOLD").get(thisWeek)).isEqualTo(1L);
    assertThat(f.decisionsPerWeek().get("UPHOLD").get(thisWeek - 1)).isEqualTo(1L);
    assertThat(f.decisions()).isEqualTo(3);
    assertThat(f.medianHoursPerWeek().get(thisWeek)).isCloseTo(20.0, within(0.01));
    assertThat(f.medianHoursPerWeek().get(thisWeek - 1)).isCloseTo(4.0, within(0.01));
    assertThat(f.medianHoursPerWeek().get(0)).isNull();
    assertThat(f.medianHours()).isCloseTo(10.0, within(0.01));
    assertThat(f.reversedSharePerWeek().get(thisWeek)).isCloseTo(0.5, within(0.001));
    assertThat(f.reversedShare()).isCloseTo(1.0 / 3, within(0.001));
    assertThat(f.slaBreachesPerWeek().get(thisWeek - 1)).isEqualTo(1L);
    assertThat(f.openSlaBreaches()).isGreaterThanOrEqualTo(1L);
    assertThat(open1).isNotNull();
  }

  private String appeal(Instant filed, Instant decided, String outcome) {
    String caseId = cases.givenCaseIn(jdbc, filed);
    String appealId = "appeal-" + UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO redress.appeal (appeal_id, case_id, statement, contact_preference,
                talk_to_person, status, filed_at, decided_at, outcome)
            VALUES (:appeal, :case, 'not me', 'IN_APP', false, :status, :filed, :decided, :outcome)
            """)
        .param("appeal", appealId)
        .param("case", caseId)
        .param("status", decided == null ? "REGISTERED" : "DECIDED")
        .param("filed", Timestamp.from(filed))
        .param("decided", decided == null ? null : Timestamp.from(decided))
        .param("outcome", outcome)
        .update();
    return appealId;
  }

  private void escalate(String appealId, Instant at) {
    String caseId =
        jdbc.sql("SELECT case_id FROM redress.appeal WHERE appeal_id = :id")
            .param("id", appealId)
            .query(String.class)
            .single();
    jdbc.sql(
            """
            INSERT INTO redress.audit_event (case_id, occurred_at, actor, actor_type, action,
                summary, details, hash)
            VALUES (:case, :at, 'redress-workflow', 'SYSTEM', 'REVIEW_ESCALATED', 'escalated',
                CAST(:details AS jsonb), 'test')
            """)
        .param("case", caseId)
        .param("at", Timestamp.from(at))
        .param("details", "{\"appealId\": \"" + appealId + "\"}")
        .update();
  }
}
