package org.redress.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One step of a case's history: what happened, when it happened and who did it.
 *
 * @param id stable within the case (e.g. {@code audit:17}, {@code
 *     element:2251799813685262:completed}, {@code task-event:2251799813685301}, {@code notice:4});
 *     each appears on exactly one page
 * @param at when this step happened: an element's activation, completion or termination at its own
 *     time, each user task transition at its own time
 * @param source AUDIT (Redress's audit trail), NOTICE (what was sent to the user) or PROCESS (the
 *     engine's history of the case's process instances and user tasks)
 * @param actor who took the step: a person's username, {@code engine} for what the engine did by
 *     itself, {@code engine client} for a task command the engine cannot attribute (an assignment
 *     by someone else than the assignee, an update), {@code task listener} for a denial
 */
public record HistoryEntry(
    String id,
    Instant at,
    String source,
    String actor,
    String action,
    String summary,
    Map<String, Object> details) {}
