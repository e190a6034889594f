package org.redress.audit;

import org.redress.shared.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/cases/{caseId}/history?page=&size=} (AUDITOR, ADMIN; read-only, R-OPS-2). */
@RestController
class CaseHistoryController {

  private final CaseHistoryService history;
  private final CaseProcessLookup cases;

  CaseHistoryController(CaseHistoryService history, CaseProcessLookup cases) {
    this.history = history;
    this.cases = cases;
  }

  @GetMapping("/api/cases/{caseId}/history")
  CaseHistory history(
      @PathVariable String caseId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + CaseHistoryService.DEFAULT_PAGE_SIZE) int size) {
    if (page < 0 || size < 1 || size > CaseHistoryService.MAX_PAGE_SIZE) {
      throw ApiException.badRequest(
          "PAGE_INVALID",
          "page must be 0 or more and size between 1 and " + CaseHistoryService.MAX_PAGE_SIZE);
    }
    if (!cases.exists(caseId)) {
      throw ApiException.notFound("CASE_NOT_FOUND", "No case " + caseId);
    }
    return history.history(caseId, cases.rootProcessInstanceKey(caseId).orElse(null), page, size);
  }
}
