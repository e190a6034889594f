package org.redress.review;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A review queue entry: the Camunda user task and the appeal behind it.
 *
 * @param kind REVIEW (decide the appeal) or APPROVAL (second reviewer, four eyes)
 */
public record ReviewTaskView(
    long userTaskKey,
    String kind,
    String name,
    String state,
    String assignee,
    List<String> candidateGroups,
    int priority,
    OffsetDateTime dueDate,
    OffsetDateTime createdAt,
    String caseId,
    String appealId,
    boolean talkToPerson,
    String statement,
    Decision proposedDecision) {}
