package org.redress.audit.console;

import org.redress.console.ConsolePage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /console/cases/{caseId}}: the whole case for auditors and admins (R-OPS-2), with one of
 * its process instances in detail ({@code ?instance=<processInstanceKey>}, the root by default),
 * and that instance's BPMN XML for the diagram widget. Read-only.
 */
@Controller
@ConsolePage
@PreAuthorize(CasePageController.CASE_READERS)
class CasePageController {

  /**
   * Who reads a case file: the roles of {@code CaseAccess.CASE_READERS}, as {@code GET
   * /api/cases/{id}}; the task forms in Tasklist link reviewers here.
   */
  static final String CASE_READERS =
      "hasAnyRole('REVIEWER', 'SENIOR_REVIEWER', 'FINANCE', 'AUDITOR', 'ADMIN')";

  private final CaseFileService cases;

  CasePageController(CaseFileService cases) {
    this.cases = cases;
  }

  /** Marks this section in the console's navigation. */
  @ModelAttribute("section")
  String section() {
    return "cases";
  }

  @GetMapping("/console/cases/{caseId}")
  @PreAuthorize(CasePageController.CASE_READERS)
  String casePage(
      @PathVariable String caseId,
      @RequestParam(name = "instance", required = false) Long instance,
      Model model) {
    CaseFile file;
    try {
      file =
          cases
              .caseFile(caseId, instance)
              .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    } catch (CaseFileService.InstanceNotInCaseException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
    }
    model.addAttribute("file", file);
    model.addAttribute("c", file.summary());
    return "console/audit/case";
  }

  @GetMapping("/console/cases/{caseId}/instances/{instanceKey}/diagram.xml")
  @PreAuthorize(CasePageController.CASE_READERS)
  ResponseEntity<String> diagram(@PathVariable String caseId, @PathVariable long instanceKey) {
    return cases
        .diagramXml(caseId, instanceKey)
        .map(xml -> ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(xml))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
