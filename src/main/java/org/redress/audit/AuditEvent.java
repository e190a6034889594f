package org.redress.audit;

import java.time.Instant;
import java.util.Map;

/** A recorded step with its place in the case's hash chain. */
public record AuditEvent(
    long id,
    String caseId,
    Instant occurredAt,
    String actor,
    ActorType actorType,
    String action,
    String summary,
    Map<String, Object> details,
    String previousHash,
    String hash) {}
