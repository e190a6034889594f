package org.redress.suspension;

import java.time.Instant;

/** One status change of a case with who made it and why (R-OPS-1). */
public record CaseTransition(
    CaseStatus from, CaseStatus to, String actor, String reason, Instant occurredAt) {}
