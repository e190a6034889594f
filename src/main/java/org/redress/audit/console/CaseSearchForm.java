package org.redress.audit.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.redress.review.Outcome;
import org.redress.suspension.CaseStatus;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search form as typed (kept on the page when a field is refused). Yes/no filters take {@code
 * yes}, {@code no} or nothing.
 */
public class CaseSearchForm {

  private String caseId;
  private String accountId;
  private String platformDecisionId;
  private String status;
  private String from;
  private String to;
  private String outcome;
  private String decider;
  private String sla;
  private String fourEyes;
  private String incident;

  /** A field's message key per field name; empty when the form is valid. */
  public Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    if (blank(status) == null ? false : !names(CaseStatus.values()).contains(status.strip())) {
      errors.put("status", "console.audit.search.error.status");
    }
    if (blank(outcome) == null ? false : !names(Outcome.values()).contains(outcome.strip())) {
      errors.put("outcome", "console.audit.search.error.outcome");
    }
    LocalDate fromDate = null;
    LocalDate toDate = null;
    try {
      fromDate = date(from);
    } catch (DateTimeParseException e) {
      errors.put("from", "console.audit.search.error.date");
    }
    try {
      toDate = date(to);
    } catch (DateTimeParseException e) {
      errors.put("to", "console.audit.search.error.date");
    }
    if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
      errors.put("to", "console.audit.search.error.range");
    }
    for (Map.Entry<String, String> flag :
        Map.of("sla", str(sla), "fourEyes", str(fourEyes), "incident", str(incident)).entrySet()) {
      String v = flag.getValue().strip();
      if (!v.isEmpty() && !v.equals("yes") && !v.equals("no")) {
        errors.put(flag.getKey(), "console.audit.search.error.flag");
      }
    }
    return errors;
  }

  /** The criteria of a valid form (see {@link #errors()}). */
  public CaseSearchCriteria criteria() {
    return new CaseSearchCriteria(
        caseId,
        accountId,
        platformDecisionId,
        status,
        date(from),
        date(to),
        outcome,
        decider,
        flag(sla),
        flag(fourEyes),
        flag(incident));
  }

  /** The form's non-empty fields as a query string (for paging and export links). */
  public String query() {
    UriComponentsBuilder b = UriComponentsBuilder.newInstance();
    add(b, "caseId", caseId);
    add(b, "accountId", accountId);
    add(b, "platformDecisionId", platformDecisionId);
    add(b, "status", status);
    add(b, "from", from);
    add(b, "to", to);
    add(b, "outcome", outcome);
    add(b, "decider", decider);
    add(b, "sla", sla);
    add(b, "fourEyes", fourEyes);
    add(b, "incident", incident);
    String q = b.build().encode().getQuery();
    return q == null ? "" : q;
  }

  /** The criteria as a JSON-friendly map (export header). */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    CaseSearchCriteria c = criteria();
    m.put("caseId", c.caseId());
    m.put("accountId", c.accountId());
    m.put("platformDecisionId", c.platformDecisionId());
    m.put("status", c.status());
    m.put("openedFrom", c.openedFrom() == null ? null : c.openedFrom().toString());
    m.put("openedTo", c.openedTo() == null ? null : c.openedTo().toString());
    m.put("outcome", c.outcome());
    m.put("decider", c.decider());
    m.put("slaBreached", c.slaBreached());
    m.put("fourEyes", c.fourEyes());
    m.put("openIncident", c.openIncident());
    m.values().removeIf(v -> v == null);
    return m;
  }

  private static void add(UriComponentsBuilder b, String name, String value) {
    if (blank(value) != null) {
      b.queryParam(name, value.strip());
    }
  }

  private static java.util.List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  private static LocalDate date(String s) {
    return blank(s) == null ? null : LocalDate.parse(s.strip());
  }

  private static Boolean flag(String s) {
    return blank(s) == null ? null : "yes".equals(s.strip());
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String str(String s) {
    return s == null ? "" : s;
  }

  public String getCaseId() {
    return caseId;
  }

  public void setCaseId(String caseId) {
    this.caseId = caseId;
  }

  public String getAccountId() {
    return accountId;
  }

  public void setAccountId(String accountId) {
    this.accountId = accountId;
  }

  /** {@code ?account=} as a short form of {@code ?accountId=} (links and bookmarks). */
  public void setAccount(String account) {
    if (blank(accountId) == null) {
      this.accountId = account;
    }
  }

  public String getPlatformDecisionId() {
    return platformDecisionId;
  }

  public void setPlatformDecisionId(String platformDecisionId) {
    this.platformDecisionId = platformDecisionId;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  public String getDecider() {
    return decider;
  }

  public void setDecider(String decider) {
    this.decider = decider;
  }

  public String getSla() {
    return sla;
  }

  public void setSla(String sla) {
    this.sla = sla;
  }

  public String getFourEyes() {
    return fourEyes;
  }

  public void setFourEyes(String fourEyes) {
    this.fourEyes = fourEyes;
  }

  public String getIncident() {
    return incident;
  }

  public void setIncident(String incident) {
    this.incident = incident;
  }
}
