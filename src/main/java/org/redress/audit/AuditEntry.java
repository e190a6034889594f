package org.redress.audit;

// STUB
public record AuditEntry(
    String caseId,
    String action,
    String actor,
    ActorType actorType,
    String summary,
    java.util.Map<String, Object> details,
    String idempotencyKey) {}
