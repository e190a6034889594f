package org.redress.notice;

import java.time.Instant;
import java.util.Locale;

/**
 * A notice as stored in the outbox: exactly the text the user receives.
 *
 * @param status PENDING until a channel accepted it, then DELIVERED
 */
public record Notice(
    long id,
    String caseId,
    String accountId,
    NoticeKind kind,
    Locale locale,
    String subject,
    String body,
    String status,
    int attempts,
    String lastError,
    Instant createdAt,
    Instant deliveredAt) {}
