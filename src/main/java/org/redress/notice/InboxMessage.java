package org.redress.notice;

import java.time.Instant;

/** A notice in the user's in-app inbox (channel "local"). */
public record InboxMessage(long noticeId, String subject, String body, Instant createdAt) {}
