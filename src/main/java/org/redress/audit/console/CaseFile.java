package org.redress.audit.console;

import java.util.List;
import org.redress.appeal.Appeal;
import org.redress.audit.HistoryEntry;
import org.redress.notice.Notice;
import org.redress.review.Decision;
import org.redress.suspension.SuspensionCase;

/**
 * Everything the case page shows, assembled for one request.
 *
 * @param timeline the true timeline, oldest first (each step at its own time, with its actor)
 * @param timelineTruncated the case has more steps than the page shows
 * @param engineAvailable false when the engine could not be asked (the Redress part is complete)
 * @param instances the case's process instances (call hierarchy, depth first); empty before the
 *     process started or when the engine is unavailable
 * @param selected the instance shown in detail, or null
 */
public record CaseFile(
    SuspensionCase summary,
    List<Appeal> appeals,
    List<Decision> decisions,
    List<HistoryEntry> timeline,
    boolean timelineTruncated,
    boolean engineAvailable,
    List<CaseInstances.Node> instances,
    CaseInstances.Detail selected,
    List<Notice> notices,
    List<LedgerEntry> ledger,
    Chain chain) {

  /** The decision rounds of one appeal, oldest first. */
  public List<Decision> decisionsOf(String appealId) {
    return decisions.stream().filter(d -> d.appealId().equals(appealId)).toList();
  }

  /**
   * The audit chain's verification.
   *
   * @param brokenAt 1-based position of the first event whose hash or link does not match, or null
   * @param brokenEventId that event's id, or null
   */
  public record Chain(boolean verified, int events, Integer brokenAt, Long brokenEventId) {}
}
