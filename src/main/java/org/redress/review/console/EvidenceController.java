package org.redress.review.console;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.redress.appeal.Appeal;
import org.redress.appeal.AppealService;
import org.redress.appeal.Attachment;
import org.redress.shared.web.ApiException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An appeal's evidence for staff with a console session (reviewers, senior reviewers, auditors,
 * admins): images and PDFs inline so the task page can show them (images blurred until clicked,
 * PDFs in a frame of the same origin), anything else as a download. Never sniffed, never cached.
 */
@Controller
@PreAuthorize("hasAnyRole('REVIEWER', 'SENIOR_REVIEWER', 'AUDITOR', 'ADMIN')")
class EvidenceController {

  /** Types shown in the page; the appeal intake accepts only these and plain text. */
  static final Set<String> INLINE = Set.of("image/jpeg", "image/png", "application/pdf");

  private final AppealService appeals;

  EvidenceController(AppealService appeals) {
    this.appeals = appeals;
  }

  @GetMapping("/console/cases/{caseId}/appeals/{appealId}/attachments/{number}")
  ResponseEntity<byte[]> attachment(
      @PathVariable String caseId, @PathVariable String appealId, @PathVariable int number) {
    Appeal appeal;
    try {
      appeal = appeals.get(appealId);
    } catch (ApiException e) { // no such appeal
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    if (!appeal.caseId().equals(caseId)) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    Attachment file = appeals.attachment(appealId, number).orElse(null);
    if (file == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    boolean inline = INLINE.contains(file.contentType());
    return ResponseEntity.ok()
        .contentType(
            inline
                ? MediaType.parseMediaType(file.contentType())
                : MediaType.APPLICATION_OCTET_STREAM)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        // the task page shows PDFs in a frame of the same origin
        .header("X-Frame-Options", "SAMEORIGIN")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(file.content());
  }
}
