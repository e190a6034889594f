package org.redress.review.console;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.redress.funds.FundsService;
import org.redress.notice.NoticeKind;
import org.redress.notice.NoticeTemplates;
import org.redress.review.Outcome;
import org.redress.review.ReviewProperties;
import org.redress.shared.security.StaffDirectory;
import org.redress.suspension.SuspensionCase;

/**
 * The notice a decision would send, rendered by the notice module's own templates in the
 * appellant's language: the decision notice, or for REQUEST_INFO the request for information. The
 * case link is a placeholder (a preview must not mint a signed link), and the money is as the
 * ledger holds it now; the notice sent states it as it stands after the decision is carried out.
 */
public class NoticePreview {

  /** Shown where the real notice has the appellant's signed case link. */
  static final String LINK_PLACEHOLDER = "[…]";

  private static final String MISSING = "…";

  private final NoticeTemplates templates;
  private final FundsService funds;
  private final StaffDirectory staff;
  private final ReviewProperties properties;
  private final Clock clock;

  NoticePreview(
      NoticeTemplates templates,
      FundsService funds,
      StaffDirectory staff,
      ReviewProperties properties,
      Clock clock) {
    this.templates = templates;
    this.funds = funds;
    this.staff = staff;
    this.properties = properties;
    this.clock = clock;
  }

  /** The values of a decision as the form holds them (any may be blank while being written). */
  public record Draft(
      String outcome,
      String rationale,
      String policyReference,
      String restrictionEndsAt,
      String question,
      String decidedBy) {}

  /** The rendered notice, or null when the draft names no outcome yet. */
  public NoticeTemplates.Rendered render(SuspensionCase c, String appealId, Draft draft) {
    Outcome outcome;
    try {
      outcome = Outcome.valueOf(String.valueOf(draft.outcome()));
    } catch (IllegalArgumentException e) {
      return null;
    }
    Instant now = clock.instant();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("caseId", c.caseId());
    model.put("caseLink", LINK_PLACEHOLDER);
    model.put("recipientName", c.accountName());
    model.put("appealId", appealId);
    if (outcome == Outcome.REQUEST_INFO) {
      model.put("question", or(blank(draft.question()) ? draft.rationale() : draft.question()));
      model.put("replyBy", now.plus(properties.informationWindow()));
      return templates.render(NoticeKind.INFORMATION_REQUESTED, c.locale(), model);
    }
    model.put("outcome", outcome.name());
    model.put("rationale", or(draft.rationale()));
    model.put("policyReference", or(draft.policyReference()));
    model.put("decidedBy", staff.displayName(draft.decidedBy()));
    model.put("decidedAt", now);
    if (outcome == Outcome.MODIFY) {
      Object endsAt = MISSING;
      try {
        endsAt = Instant.parse(String.valueOf(draft.restrictionEndsAt()));
      } catch (RuntimeException e) {
        // not (yet) a valid instant: the placeholder stays
      }
      model.put("restrictionEndsAt", endsAt);
    }
    if (c.hasMonetaryMeasure()) {
      model.putAll(funds.summary(c.caseId()).noticeModel());
    }
    return templates.render(NoticeKind.DECISION, c.locale(), model);
  }

  private static String or(String s) {
    return blank(s) ? MISSING : s.strip();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
