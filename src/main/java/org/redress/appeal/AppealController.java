package org.redress.appeal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.redress.shared.security.CaseAccess;
import org.redress.shared.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The appellant's API, reached through the signed case link (the user is locked out of the
 * platform), and the staff's read access to a case. An appellant sees only their own case; another
 * case answers 404 as if it did not exist.
 */
@RestController
class AppealController {

  private final AppealService appeals;
  private final CaseViewService views;
  private final CaseAccess access;

  AppealController(AppealService appeals, CaseViewService views, CaseAccess access) {
    this.appeals = appeals;
    this.views = views;
    this.access = access;
  }

  @GetMapping("/api/cases/{caseId}")
  CaseView view(@PathVariable String caseId, Authentication principal) {
    access.check(principal, caseId);
    return views.view(caseId, CaseAccess.appellant(principal).isEmpty());
  }

  /** An appeal without files, as JSON. */
  @PostMapping(path = "/api/cases/{caseId}/appeals", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Appeal> file(
      @PathVariable String caseId,
      @RequestBody AppealService.FileAppeal appeal,
      Authentication principal) {
    access.check(principal, caseId);
    return created(appeals.file(caseId, appeal, List.of()));
  }

  /** An appeal with evidence: part {@code appeal} (JSON) and parts {@code attachments}. */
  @PostMapping(path = "/api/cases/{caseId}/appeals", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Appeal> fileWithAttachments(
      @PathVariable String caseId,
      @RequestPart("appeal") AppealService.FileAppeal appeal,
      @RequestPart(name = "attachments", required = false) List<MultipartFile> attachments,
      Authentication principal) {
    access.check(principal, caseId);
    List<Attachment> files = new ArrayList<>();
    for (MultipartFile file : attachments == null ? List.<MultipartFile>of() : attachments) {
      try {
        files.add(
            new Attachment(
                file.getOriginalFilename() == null ? "attachment" : file.getOriginalFilename(),
                file.getContentType(),
                file.getBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return created(appeals.file(caseId, appeal, files));
  }

  record InformationRequest(String text) {}

  @PostMapping("/api/cases/{caseId}/appeals/{appealId}/information")
  InformationReply provideInformation(
      @PathVariable String caseId,
      @PathVariable String appealId,
      @RequestBody InformationRequest body,
      Authentication principal) {
    access.check(principal, caseId);
    return appeals.provideInformation(caseId, appealId, body == null ? null : body.text());
  }

  @GetMapping("/api/cases/{caseId}/appeals/{appealId}/attachments/{number}")
  ResponseEntity<byte[]> attachment(
      @PathVariable String caseId,
      @PathVariable String appealId,
      @PathVariable int number,
      Authentication principal) {
    access.check(principal, caseId);
    Appeal appeal = appeals.get(appealId);
    if (!appeal.caseId().equals(caseId)) {
      throw ApiException.notFound("APPEAL_NOT_FOUND", "No appeal " + appealId);
    }
    Attachment file =
        appeals
            .attachment(appealId, number)
            .orElseThrow(
                () -> ApiException.notFound("ATTACHMENT_NOT_FOUND", "No attachment " + number));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + file.fileName().replace("\"", "") + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .body(file.content());
  }

  private static ResponseEntity<Appeal> created(Appeal appeal) {
    return ResponseEntity.created(
            URI.create("/api/cases/" + appeal.caseId() + "/appeals/" + appeal.appealId()))
        .body(appeal);
  }
}
