package org.redress.audit;

import java.util.List;

/**
 * {@code GET /api/cases/{caseId}/history?page=&size=}: one page of the whole timeline, ordered by
 * {@link HistoryEntry#at} (ties: engine steps in the engine's order, then the audit trail, then
 * notices).
 *
 * @param page zero-based page number
 * @param size entries per page (default {@value CaseHistoryService#DEFAULT_PAGE_SIZE}, at most
 *     {@value CaseHistoryService#MAX_PAGE_SIZE})
 * @param totalEntries entries of the whole timeline
 * @param totalPages pages of {@code size} entries
 * @param chainVerified the audit events' hash chain re-computed intact
 * @param engineHistoryAvailable false when the engine could not be asked (the Redress part is still
 *     complete)
 * @param userTaskTransitionsRecorded true when every user task transition (assigned, unassigned,
 *     updated, denied) comes from the engine's record; false in cluster mode, where Camunda 8.8
 *     tells only when a task was created and when it ended
 */
public record CaseHistory(
    String caseId,
    List<HistoryEntry> entries,
    int page,
    int size,
    long totalEntries,
    int totalPages,
    boolean chainVerified,
    boolean engineHistoryAvailable,
    boolean userTaskTransitionsRecorded) {}
