package org.redress.review.console;

import java.time.Instant;
import java.util.List;

/**
 * One line of the review queue: the open user task and what the reviewer must know at a glance.
 *
 * @param kind REVIEW (decide the appeal) or APPROVAL (second reviewer, four eyes)
 * @param due the task's due date, or null
 * @param escalated the review deadline passed and senior reviewers were added to the task
 * @param urgent triage found distress signals (urgent human contact, R-EU-14)
 * @param talkToPerson the appellant asked to talk to a person
 * @param frozen what the case holds frozen now, one amount per currency ("500.00 EUR")
 * @param language the appellant's language tag ({@code en}, {@code zh-CN})
 */
public record QueueRow(
    long userTaskKey,
    String kind,
    String caseId,
    String appealId,
    int priority,
    Instant due,
    String assignee,
    List<String> candidateGroups,
    boolean fourEyes,
    boolean escalated,
    boolean urgent,
    boolean talkToPerson,
    List<String> frozen,
    String language) {

  public static final String REVIEW = "REVIEW";
  public static final String APPROVAL = "APPROVAL";

  public QueueRow {
    candidateGroups = List.copyOf(candidateGroups);
    frozen = List.copyOf(frozen);
  }

  public boolean overdue(Instant now) {
    return due != null && due.isBefore(now);
  }
}
