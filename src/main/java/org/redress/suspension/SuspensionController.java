package org.redress.suspension;

import java.net.URI;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/suspensions} (role INTEGRATION): the platform reports a restriction decision
 * with its statement of reasons. 201 with the new case, 200 with the existing one when the platform
 * decision id was seen before, 422 listing every missing element of an incomplete statement
 * (R-EU-1..4).
 */
@RestController
@RequestMapping("/api/suspensions")
class SuspensionController {

  private final SuspensionService suspensions;

  SuspensionController(SuspensionService suspensions) {
    this.suspensions = suspensions;
  }

  /** What the platform gets back: the case id to refer to it, and where it stands. */
  record CaseCreated(
      String caseId,
      String platformDecisionId,
      CaseStatus status,
      Long processInstanceKey,
      java.time.Instant appealDeadline) {}

  @PostMapping
  ResponseEntity<CaseCreated> open(@RequestBody SuspensionRequest request, Principal principal) {
    SuspensionService.Intake intake =
        suspensions.open(request, principal == null ? "integration" : principal.getName());
    SuspensionCase c = intake.suspensionCase();
    CaseCreated body =
        new CaseCreated(
            c.caseId(),
            c.platformDecisionId(),
            c.status(),
            c.processInstanceKey(),
            c.appealDeadline());
    return intake.created()
        ? ResponseEntity.created(URI.create("/api/cases/" + c.caseId())).body(body)
        : ResponseEntity.ok(body);
  }
}
