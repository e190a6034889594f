package org.redress.audit.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The funds journal of one case, read for auditors (R-PAY-2: holds are ledger entries). */
public class CaseLedgerQueries {

  private final JdbcClient jdbc;

  public CaseLedgerQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The case's journal entries, oldest first, each with its lines in order. */
  public List<LedgerEntry> entries(String caseId) {
    Map<Long, LedgerEntry> entries = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT e.id, e.kind, e.description, e.created_at, a.kind AS account, a.wallet_id,
                   l.currency, l.amount_minor
              FROM redress.funds_entry e
              JOIN redress.funds_entry_line l ON l.entry_id = e.id
              JOIN redress.funds_account a ON a.id = l.account_id
             WHERE e.case_id = :caseId
             ORDER BY e.id, l.line_no
            """)
        .param("caseId", caseId)
        .query(
            rs -> {
              long id = rs.getLong("id");
              LedgerEntry entry =
                  entries.computeIfAbsent(
                      id,
                      k -> {
                        try {
                          return new LedgerEntry(
                              k,
                              rs.getString("kind"),
                              rs.getString("description"),
                              rs.getTimestamp("created_at").toInstant(),
                              new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                          throw new IllegalStateException(e);
                        }
                      });
              entry
                  .lines()
                  .add(
                      new LedgerEntry.Line(
                          rs.getString("account"),
                          rs.getString("wallet_id"),
                          rs.getString("currency"),
                          rs.getLong("amount_minor")));
            });
    return List.copyOf(entries.values());
  }
}
