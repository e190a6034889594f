package org.redress.audit.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search result as CSV (RFC 4180, UTF-8, a header line, CRLF) and as JSON records. A CSV cell
 * that a spreadsheet would run as a formula (it starts with {@code = + - @}, tab or CR) is prefixed
 * with an apostrophe (OWASP "CSV injection").
 */
public final class CaseExport {

  /** The columns, in order; also the JSON field names. */
  public static final List<String> COLUMNS =
      List.of(
          "caseId",
          "accountId",
          "platformDecisionId",
          "status",
          "category",
          "openedAt",
          "outcome",
          "decidedAt",
          "decidedBy",
          "slaBreached",
          "fourEyes",
          "openIncident",
          "openAppeal");

  private CaseExport() {}

  public static String csv(List<CaseSearchRow> rows) {
    StringBuilder out = new StringBuilder();
    out.append(String.join(",", COLUMNS)).append("\r\n");
    for (CaseSearchRow row : rows) {
      List<String> cells = new ArrayList<>();
      for (Object value : record(row).values()) {
        cells.add(cell(value == null ? "" : value.toString()));
      }
      out.append(String.join(",", cells)).append("\r\n");
    }
    return out.toString();
  }

  /** One case as a JSON object (ordered like {@link #COLUMNS}; times ISO-8601 UTC). */
  public static Map<String, Object> record(CaseSearchRow r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("caseId", r.caseId());
    m.put("accountId", r.accountId());
    m.put("platformDecisionId", r.platformDecisionId());
    m.put("status", r.status());
    m.put("category", r.category());
    m.put("openedAt", text(r.openedAt()));
    m.put("outcome", r.outcome());
    m.put("decidedAt", text(r.decidedAt()));
    m.put("decidedBy", r.decidedBy());
    m.put("slaBreached", r.slaBreached());
    m.put("fourEyes", r.fourEyes());
    m.put("openIncident", r.openIncident());
    m.put("openAppeal", r.openAppeal());
    return m;
  }

  static String cell(String value) {
    String safe = value;
    if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
      safe = "'" + safe;
    }
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }
}
