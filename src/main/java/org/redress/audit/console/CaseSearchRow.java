package org.redress.audit.console;

import java.time.Instant;

/**
 * One case in the search result.
 *
 * @param outcome the outcome of the latest decided appeal, or null
 * @param decidedBy who decided the latest decisive round, or null
 * @param openAppeal an appeal of the case is not decided yet
 */
public record CaseSearchRow(
    String caseId,
    String accountId,
    String platformDecisionId,
    String status,
    String category,
    Instant openedAt,
    String outcome,
    Instant decidedAt,
    String decidedBy,
    boolean slaBreached,
    boolean fourEyes,
    boolean openIncident,
    boolean openAppeal) {}
