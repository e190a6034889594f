package org.redress.audit;

import org.redress.shared.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/cases/{caseId}/history} (AUDITOR, ADMIN; read-only, R-OPS-2). */
@RestController
class CaseHistoryController {

  private final CaseHistoryService history;
  private final CaseProcessLookup cases;

  CaseHistoryController(CaseHistoryService history, CaseProcessLookup cases) {
    this.history = history;
    this.cases = cases;
  }

  @GetMapping("/api/cases/{caseId}/history")
  CaseHistory history(@PathVariable String caseId) {
    if (!cases.exists(caseId)) {
      throw ApiException.notFound("CASE_NOT_FOUND", "No case " + caseId);
    }
    return history.history(caseId, cases.rootProcessInstanceKey(caseId).orElse(null));
  }
}
