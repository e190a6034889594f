package org.redress.audit;

import java.util.List;

/**
 * {@code GET /api/cases/{caseId}/history}: the whole timeline, oldest first.
 *
 * @param chainVerified the audit events' hash chain re-computed intact
 * @param engineHistoryAvailable false when the engine could not be asked (the Redress part is still
 *     complete)
 */
public record CaseHistory(
    String caseId,
    List<HistoryEntry> entries,
    boolean chainVerified,
    boolean engineHistoryAvailable) {}
