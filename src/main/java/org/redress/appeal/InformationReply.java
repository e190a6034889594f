package org.redress.appeal;

import java.time.Instant;

/** The appellant's answer to a reviewer's request for information. */
public record InformationReply(int round, String text, Instant providedAt) {}
