package org.redress.notice;

// STUB
public record NoticeRequest(
    String caseId,
    String accountId,
    NoticeKind kind,
    java.util.Locale locale,
    String idempotencyKey,
    java.util.Map<String, Object> model) {}
