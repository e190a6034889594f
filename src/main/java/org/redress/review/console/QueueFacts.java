package org.redress.review.console;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redress.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case facts of queue rows in one read: appeal, case, language, "talk to a person" and the
 * money frozen now, keyed by the {@code appeal-review} process instance of the task. Reads the
 * appeal, suspension and funds tables (V8, V11, V7) and writes nothing.
 */
class QueueFacts {

  /** What the queue shows of a task's appeal and case. */
  record Facts(
      long reviewProcessInstanceKey,
      String appealId,
      String caseId,
      boolean talkToPerson,
      String language,
      List<String> frozen) {}

  private final JdbcClient jdbc;

  QueueFacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Map<Long, Facts> of(Collection<Long> reviewProcessInstanceKeys) {
    Map<Long, Facts> facts = new HashMap<>();
    if (reviewProcessInstanceKeys.isEmpty()) {
      return facts;
    }
    Long[] keys = reviewProcessInstanceKeys.toArray(Long[]::new);
    // frozen = pending workflow and legal holds, the same sum the case view calls "frozen"
    jdbc.sql(
            """
            SELECT a.review_process_instance_key AS pi, a.appeal_id, a.case_id, a.talk_to_person,
                   c.locale,
                   (SELECT string_agg(h.currency || ':' || h.total, ',' ORDER BY h.currency)
                      FROM (SELECT currency, sum(amount_minor) AS total
                              FROM redress.funds_hold
                             WHERE case_id = a.case_id AND state = 'PENDING'
                               AND kind IN ('WORKFLOW', 'LEGAL')
                             GROUP BY currency) h) AS frozen
              FROM redress.appeal a
              JOIN redress.suspension_case c ON c.case_id = a.case_id
             WHERE a.review_process_instance_key = ANY (:keys)
            """)
        .param("keys", keys)
        .query(
            (rs, n) ->
                new Facts(
                    rs.getLong("pi"),
                    rs.getString("appeal_id"),
                    rs.getString("case_id"),
                    rs.getBoolean("talk_to_person"),
                    rs.getString("locale"),
                    money(rs.getString("frozen"))))
        .list()
        .forEach(f -> facts.put(f.reviewProcessInstanceKey(), f));
    return facts;
  }

  private static List<String> money(String sums) {
    List<String> amounts = new ArrayList<>();
    if (sums == null || sums.isBlank()) {
      return amounts;
    }
    for (String sum : sums.split(",")) {
      String[] parts = sum.split(":");
      long minor = Long.parseLong(parts[1]);
      if (minor != 0) {
        amounts.add(Money.of(minor, parts[0]).toString());
      }
    }
    return amounts;
  }
}
