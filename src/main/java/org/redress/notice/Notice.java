package org.redress.notice;

// STUB
public record Notice(
    long id,
    String caseId,
    String accountId,
    NoticeKind kind,
    java.util.Locale locale,
    String subject,
    String body,
    String status,
    java.time.Instant createdAt,
    java.time.Instant deliveredAt) {}
