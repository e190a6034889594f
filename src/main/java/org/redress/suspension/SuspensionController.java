package org.redress.suspension;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.redress.shared.web.StrictJson;
import org.redress.suspension.StatementOfReasonsValidator.Violation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/suspensions} (role INTEGRATION): the platform reports a restriction decision
 * with its statement of reasons. 201 with the new case, 200 with the existing one when the platform
 * decision id was seen before, 422 listing every missing or invalid element of the statement
 * (R-EU-1..4), 413 for a body over {@link #MAX_BODY_BYTES}, 400 for a body that is not exactly one
 * JSON object.
 */
@RestController
@RequestMapping("/api/suspensions")
class SuspensionController {

  /**
   * The largest statement body accepted: every statement within the field limits fits, even with
   * every character written as a JSON escape (about 14,000 characters, at most 12 bytes each).
   */
  static final int MAX_BODY_BYTES = 256 * 1024;

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

  /**
   * Read strictly (issue 8): at most {@link #MAX_BODY_BYTES} (413), exactly one JSON object without
   * duplicate keys or trailing content (400); then wrong types, unknown constants and unknown
   * fields are listed in the same 422 as every other problem of the statement.
   */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = SuspensionRequest.class)))
  ResponseEntity<CaseCreated> open(HttpServletRequest http, Principal principal) {
    StrictJson.Bound<SuspensionRequest> read =
        StrictJson.bind(
            StrictJson.parse(StrictJson.body(http, MAX_BODY_BYTES)),
            SuspensionRequest.class,
            "the statement of reasons");
    List<Violation> problems =
        read.problems().stream().map(p -> new Violation(p.field(), p.message())).toList();
    SuspensionService.Intake intake =
        suspensions.open(
            read.value(), problems, principal == null ? "integration" : principal.getName());
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
