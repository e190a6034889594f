package org.redress.appeal;

import java.time.Instant;
import java.util.List;

/**
 * An appeal against a case's restriction (R-EU-5): free text, evidence, and how the appellant wants
 * to be contacted, including "I want to talk to a person" (R-EU-14, R-CN-4).
 */
public record Appeal(
    String appealId,
    String caseId,
    String statement,
    ContactPreference contactPreference,
    boolean talkToPerson,
    String contactDetail,
    AppealStatus status,
    Integer priority,
    Instant filedAt,
    Instant registeredAt,
    Instant decidedAt,
    String outcome,
    List<AttachmentInfo> attachments) {

  public Appeal {
    attachments = List.copyOf(attachments);
  }

  /** An evidence file's metadata (the content is fetched separately). */
  public record AttachmentInfo(
      int number, String fileName, String contentType, int sizeBytes, String sha256) {}
}
