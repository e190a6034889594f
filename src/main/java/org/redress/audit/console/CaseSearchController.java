package org.redress.audit.console;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redress.console.ConsolePage;
import org.redress.review.Outcome;
import org.redress.suspension.CaseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /console/cases}: the case search for auditors and admins (R-OPS-2), paged, and its result
 * as CSV and JSON with the same filters. Read-only.
 */
@Controller
@ConsolePage
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class CaseSearchController {

  static final int DEFAULT_SIZE = 25;
  static final int MAX_SIZE = 100;

  private static final Logger log = LoggerFactory.getLogger(CaseSearchController.class);

  private final CaseSearchQueries queries;
  private final OpenIncidents incidents;

  CaseSearchController(CaseSearchQueries queries, OpenIncidents incidents) {
    this.queries = queries;
    this.incidents = incidents;
  }

  /** Marks this section in the console's navigation. */
  @ModelAttribute("section")
  String section() {
    return "cases";
  }

  @GetMapping("/console/cases")
  @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
  String search(
      @ModelAttribute("form") CaseSearchForm form,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + DEFAULT_SIZE) int size,
      Model model) {
    int safeSize = Math.max(1, Math.min(MAX_SIZE, size));
    int safePage = Math.max(0, page);
    Map<String, String> errors = form.errors();
    model.addAttribute("errors", errors);
    model.addAttribute("statuses", List.of(CaseStatus.values()));
    model.addAttribute("outcomes", List.of(Outcome.values()));
    model.addAttribute("query", form.query());
    if (errors.isEmpty()) {
      IncidentCases known = incidentCases();
      model.addAttribute("incidentsUnavailable", !known.available());
      model.addAttribute(
          "result", queries.search(form.criteria(), known.caseIds(), safePage, safeSize));
    }
    return "console/audit/cases";
  }

  @GetMapping(value = "/console/cases/export.csv", produces = "text/csv")
  @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
  ResponseEntity<byte[]> csv(@ModelAttribute CaseSearchForm form) {
    if (!form.errors().isEmpty()) {
      return ResponseEntity.badRequest().build();
    }
    String csv = CaseExport.csv(queries.all(form.criteria(), incidentCases().caseIds()));
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("cases.csv").build().toString())
        .body(csv.getBytes(StandardCharsets.UTF_8));
  }

  @GetMapping(value = "/console/cases/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
  ResponseEntity<Map<String, Object>> json(@ModelAttribute CaseSearchForm form) {
    if (!form.errors().isEmpty()) {
      return ResponseEntity.badRequest().body(Map.of("errors", form.errors().keySet()));
    }
    IncidentCases known = incidentCases();
    List<CaseSearchRow> rows = queries.all(form.criteria(), known.caseIds());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("criteria", form.asMap());
    body.put("total", rows.size());
    body.put("openIncidentsKnown", known.available());
    body.put("cases", rows.stream().map(CaseExport::record).toList());
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("cases.json").build().toString())
        .body(body);
  }

  private record IncidentCases(Set<String> caseIds, boolean available) {}

  /** The cases with an open incident; none (flagged unavailable) when the engine cannot answer. */
  private IncidentCases incidentCases() {
    try {
      return new IncidentCases(incidents.caseIds(), true);
    } catch (RuntimeException e) {
      log.warn("Open incidents unavailable for the case search: {}", e.getMessage());
      return new IncidentCases(Set.of(), false);
    }
  }
}
