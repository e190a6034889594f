package org.redress.review.console;

import java.time.Instant;
import java.util.Locale;
import org.redress.shared.security.Identities;

/**
 * The queue's filters; each one set narrows the list (they combine with AND).
 *
 * @param mine only tasks assigned to the caller
 * @param unassigned only unassigned tasks (of the caller's groups: the queue holds no others)
 * @param kind {@code review}, {@code approval}, or null for both
 */
public record QueueFilter(
    boolean mine,
    boolean unassigned,
    String kind,
    boolean overdue,
    boolean escalated,
    boolean urgent,
    boolean person) {

  public static final QueueFilter ALL =
      new QueueFilter(false, false, null, false, false, false, false);

  public QueueFilter {
    kind =
        kind == null || kind.isBlank()
            ? null
            : switch (kind.toLowerCase(Locale.ROOT)) {
              case "review" -> "review";
              case "approval" -> "approval";
              default -> null;
            };
  }

  public boolean matches(QueueRow row, String me, Instant now) {
    return (!mine || Identities.same(row.assignee(), me))
        && (!unassigned || row.assignee() == null)
        && (kind == null || kind.equalsIgnoreCase(row.kind()))
        && (!overdue || row.overdue(now))
        && (!escalated || row.escalated())
        && (!urgent || row.urgent())
        && (!person || row.talkToPerson());
  }

  /** True when any filter is set. */
  public boolean active() {
    return !equals(ALL);
  }
}
