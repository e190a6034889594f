package org.redress.audit.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.support.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case search's filters, paging and exports over rows written straight into Redress's tables
 * (the database is shared by the test JVM, so every case here belongs to one fresh account or
 * decider and each query filters on them).
 */
class CaseSearchQueriesIT {

  static DataSource dataSource;

  final JdbcClient jdbc = JdbcClient.create(dataSource());
  final CaseSearchQueries queries = new CaseSearchQueries(jdbc);

  String account;
  String decider;

  @BeforeEach
  void freshAccount() {
    String id = UUID.randomUUID().toString().substring(0, 8);
    account = "acct-" + id;
    decider = "rev-" + id;
  }

  @Test
  void shouldFindTheCasesOfAnAccountNewestFirstWhenFilteredByAccount() {
    // given three cases of the account, opened on three days, and one of another account
    String first = givenCase(account, "NOTIFIED", day(1));
    String second = givenCase(account, "NOTIFIED", day(2));
    String third = givenCase(account, "NOTIFIED", day(3));
    givenCase("other-" + account, "NOTIFIED", day(2));

    // when searching by account
    CaseSearchPage page = queries.search(byAccount(), Set.of(), 0, 20);

    // then
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.rows()).extracting(CaseSearchRow::caseId).containsExactly(third, second, first);
  }

  @Test
  void shouldCutPagesAndCountAllWhenTheResultIsLargerThanAPage() {
    for (int i = 0; i < 5; i++) {
      givenCase(account, "NOTIFIED", day(1).plusSeconds(i));
    }

    CaseSearchPage first = queries.search(byAccount(), Set.of(), 0, 2);
    CaseSearchPage last = queries.search(byAccount(), Set.of(), 2, 2);

    assertThat(first.total()).isEqualTo(5);
    assertThat(first.totalPages()).isEqualTo(3);
    assertThat(first.rows()).hasSize(2);
    assertThat(first.hasNext()).isTrue();
    assertThat(last.rows()).hasSize(1);
    assertThat(last.hasNext()).isFalse();
    assertThat(last.hasPrevious()).isTrue();
  }

  @Test
  void shouldMatchCaseIdPlatformDecisionIdStatusAndDateRangeWhenGiven() {
    String notified = givenCase(account, "NOTIFIED", day(1));
    String executed = givenCase(account, "EXECUTED", day(5));
    String pdi =
        jdbc.sql("SELECT platform_decision_id FROM redress.suspension_case WHERE case_id = :id")
            .param("id", executed)
            .query(String.class)
            .single();

    assertThat(ids(criteria().caseId(notified).build())).containsExactly(notified);
    assertThat(ids(criteria().platformDecisionId(pdi).build())).containsExactly(executed);
    assertThat(ids(criteria().status("EXECUTED").build())).containsExactly(executed);
    assertThat(ids(criteria().from(date(4)).build())).containsExactly(executed);
    assertThat(ids(criteria().to(date(1)).build())).containsExactly(notified);
    assertThat(ids(criteria().from(date(2)).to(date(4)).build())).isEmpty();
  }

  @Test
  void shouldMatchOutcomeAndDeciderWhenTheLatestDecisionHasThem() {
    // given an overturned case decided by the decider, an upheld one, and one without appeal
    String overturned = givenCase(account, "EXECUTED", day(1));
    givenDecidedAppeal(overturned, "OVERTURN", decider, false);
    String upheld = givenCase(account, "EXECUTED", day(2));
    givenDecidedAppeal(upheld, "UPHOLD", "someone-else", false);
    String open = givenCase(account, "NOTIFIED", day(3));

    assertThat(ids(criteria().outcome("OVERTURN").build())).containsExactly(overturned);
    assertThat(ids(criteria().outcome("UPHOLD").build())).containsExactly(upheld);
    assertThat(ids(criteria().decider(decider).build())).containsExactly(overturned);
    CaseSearchRow row =
        queries.search(criteria().caseId(overturned).build(), Set.of(), 0, 5).rows().get(0);
    assertThat(row.outcome()).isEqualTo("OVERTURN");
    assertThat(row.decidedBy()).isEqualTo(decider);
    assertThat(row.decidedAt()).isNotNull();
    assertThat(ids(criteria().build())).contains(open);
  }

  @Test
  void shouldMatchSlaBreachedFourEyesAndOpenIncidentBothWays() {
    // given a case whose review was escalated, one that needed four eyes, one with an incident
    String breached = givenCase(account, "APPEAL_OPEN", day(1));
    givenAuditEvent(breached, "REVIEW_ESCALATED", "{}");
    String fourEyes = givenCase(account, "EXECUTED", day(2));
    givenAuditEvent(fourEyes, "APPEAL_TRIAGED", "{\"fourEyesRequired\": true}");
    String incident = givenCase(account, "RESTRICTED", day(3));
    String plain = givenCase(account, "NOTIFIED", day(4));
    givenAuditEvent(plain, "APPEAL_TRIAGED", "{\"fourEyesRequired\": false}");
    Set<String> incidents = Set.of(incident, "a-case-of-someone-else");

    assertThat(ids(criteria().sla(true).build(), incidents)).containsExactly(breached);
    assertThat(ids(criteria().sla(false).build(), incidents))
        .containsExactlyInAnyOrder(fourEyes, incident, plain);
    assertThat(ids(criteria().fourEyes(true).build(), incidents)).containsExactly(fourEyes);
    assertThat(ids(criteria().fourEyes(false).build(), incidents))
        .doesNotContain(fourEyes)
        .hasSize(3);
    assertThat(ids(criteria().incident(true).build(), incidents)).containsExactly(incident);
    assertThat(ids(criteria().incident(false).build(), incidents))
        .doesNotContain(incident)
        .hasSize(3);
    assertThat(ids(criteria().incident(true).build(), Set.of())).isEmpty();
    CaseSearchRow flagged =
        queries.search(criteria().caseId(incident).build(), incidents, 0, 5).rows().get(0);
    assertThat(flagged.openIncident()).isTrue();
  }

  @Test
  void shouldWriteTheSameRowsAsCsvAndJsonWhenExporting() {
    String decided = givenCase(account, "EXECUTED", day(1));
    givenDecidedAppeal(decided, "OVERTURN", decider, true);
    givenCase(account, "NOTIFIED", day(2));

    List<CaseSearchRow> rows = queries.all(byAccount(), Set.of());
    String csv = CaseExport.csv(rows);

    String[] lines = csv.split("\r\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).isEqualTo(String.join(",", CaseExport.COLUMNS));
    assertThat(lines[2])
        .startsWith(decided + "," + account + ",")
        .contains(",OVERTURN,")
        .contains("," + decider + ",");
    assertThat(lines[2]).endsWith(",false,true,false,false");
    assertThat(CaseExport.record(rows.get(1)))
        .containsEntry("caseId", decided)
        .containsEntry("fourEyes", true);
  }

  @Test
  void shouldQuoteAndDefuseCellsWhenTheyCouldBreakTheCsvOrRunAsFormula() {
    assertThat(CaseExport.cell("plain")).isEqualTo("plain");
    assertThat(CaseExport.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(CaseExport.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CaseExport.cell("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
    assertThat(CaseExport.cell("-1,2")).isEqualTo("\"'-1,2\"");
  }

  // --- given ------------------------------------------------------------------------------------

  private CaseSearchCriteria byAccount() {
    return criteria().build();
  }

  private List<String> ids(CaseSearchCriteria c) {
    return ids(c, Set.of());
  }

  private List<String> ids(CaseSearchCriteria c, Set<String> incidents) {
    return queries.search(c, incidents, 0, 50).rows().stream().map(CaseSearchRow::caseId).toList();
  }

  /** Criteria restricted to this test's account. */
  private Criteria criteria() {
    return new Criteria(account);
  }

  static Instant day(int n) {
    return LocalDate.of(2026, 3, n).atTime(12, 0).toInstant(ZoneOffset.UTC);
  }

  static LocalDate date(int n) {
    return LocalDate.of(2026, 3, n);
  }

  /** A case of a fresh account, for other tests of this package. */
  String givenCaseIn(JdbcClient db, Instant openedAt) {
    return givenCase(db, "acct-" + UUID.randomUUID(), "APPEAL_OPEN", openedAt);
  }

  String givenCase(String accountId, String status, Instant openedAt) {
    return givenCase(jdbc, accountId, status, openedAt);
  }

  static String givenCase(JdbcClient jdbc, String accountId, String status, Instant openedAt) {
    String caseId = "case-" + UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO redress.suspension_case (case_id, platform_decision_id, account_id,
                account_name, locale, category, ground_type, ground_reference, ground_explanation,
                facts, automated_detection, automated_decision, source, imposed_by, imposed_at,
                appeal_deadline, status, created_at)
            VALUES (:id, :pdi, :account, 'Test User', 'en', 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
                'CONTRACTUAL', 'ToS 7.3', 'bulk payment requests', 'facts', true, false,
                'SOURCE_VOLUNTARY', 'bob', :at, :deadline, :status, :at)
            """)
        .param("id", caseId)
        .param("pdi", "mod-" + UUID.randomUUID())
        .param("account", accountId)
        .param("at", Timestamp.from(openedAt))
        .param("deadline", Timestamp.from(openedAt.plusSeconds(200 * 86400L)))
        .param("status", status)
        .update();
    return caseId;
  }

  void givenDecidedAppeal(String caseId, String outcome, String decidedBy, boolean fourEyes) {
    String appealId = "appeal-" + UUID.randomUUID();
    Timestamp filed = Timestamp.from(day(10));
    Timestamp decided = Timestamp.from(day(11));
    jdbc.sql(
            """
            INSERT INTO redress.appeal (appeal_id, case_id, statement, contact_preference,
                talk_to_person, status, filed_at, decided_at, outcome)
            VALUES (:appeal, :case, 'not me', 'IN_APP', false, 'DECIDED', :filed, :decided, :outcome)
            """)
        .param("appeal", appealId)
        .param("case", caseId)
        .param("filed", filed)
        .param("decided", decided)
        .param("outcome", outcome)
        .update();
    jdbc.sql(
            """
            INSERT INTO redress.review_decision (appeal_id, case_id, round, outcome, rationale,
                policy_reference, decided_by, decided_at, user_task_key, four_eyes_required, status)
            VALUES (:appeal, :case, 1, :outcome, 'read the log', 'ToS 7.3', :by, :decided,
                :task, :fourEyes, 'FINAL')
            """)
        .param("appeal", appealId)
        .param("case", caseId)
        .param("outcome", outcome)
        .param("by", decidedBy)
        .param("decided", decided)
        .param("task", Math.abs(UUID.randomUUID().getMostSignificantBits()))
        .param("fourEyes", fourEyes)
        .update();
  }

  void givenAuditEvent(String caseId, String action, String details) {
    jdbc.sql(
            """
            INSERT INTO redress.audit_event (case_id, occurred_at, actor, actor_type, action,
                summary, details, hash)
            VALUES (:case, now(), 'redress-workflow', 'SYSTEM', :action, :action,
                CAST(:details AS jsonb), 'test')
            """)
        .param("case", caseId)
        .param("action", action)
        .param("details", details)
        .update();
  }

  /** A small builder, so that each assertion names only the filter it tests. */
  static final class Criteria {
    private final String account;
    private String caseId;
    private String pdi;
    private String status;
    private LocalDate from;
    private LocalDate to;
    private String outcome;
    private String decider;
    private Boolean sla;
    private Boolean fourEyes;
    private Boolean incident;

    Criteria(String account) {
      this.account = account;
    }

    Criteria caseId(String v) {
      caseId = v;
      return this;
    }

    Criteria platformDecisionId(String v) {
      pdi = v;
      return this;
    }

    Criteria status(String v) {
      status = v;
      return this;
    }

    Criteria from(LocalDate v) {
      from = v;
      return this;
    }

    Criteria to(LocalDate v) {
      to = v;
      return this;
    }

    Criteria outcome(String v) {
      outcome = v;
      return this;
    }

    Criteria decider(String v) {
      decider = v;
      return this;
    }

    Criteria sla(boolean v) {
      sla = v;
      return this;
    }

    Criteria fourEyes(boolean v) {
      fourEyes = v;
      return this;
    }

    Criteria incident(boolean v) {
      incident = v;
      return this;
    }

    CaseSearchCriteria build() {
      return new CaseSearchCriteria(
          caseId, account, pdi, status, from, to, outcome, decider, sla, fourEyes, incident);
    }
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
