package org.redress.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a case's history.
 *
 * @param source AUDIT (Redress's audit trail), NOTICE (what was sent to the user) or PROCESS (the
 *     engine's history of the case's process instances and user tasks)
 */
public record HistoryEntry(
    Instant at,
    String source,
    String actor,
    String action,
    String summary,
    Map<String, Object> details) {}
