package org.redress.review;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.redress.shared.security.Identities;
import org.redress.shared.security.Role;
import org.redress.shared.security.StaffDirectory;

/**
 * The review rules, in one place: what a reviewer may decide on which task, what a complete
 * decision and approval are, when a second reviewer must approve (four eyes), and who may claim,
 * decide and approve. Every way of working a review task asks these rules and nothing else: the
 * review API ({@code ReviewController}), the completing task listeners ({@code
 * check-review-decision}, {@code check-review-approval}, so the rules hold in Camunda Tasklist
 * too), triage (which computes the four-eyes variables the process branches on) and the staff
 * console's pages (which render forms and errors from them). So a page can never allow what the API
 * or Tasklist refuses.
 *
 * <p>Pure: it reads no database and calls no engine; the caller hands it the facts (the case's
 * {@code imposedBy}, the case's decisions, the proposed decision). Names of people are compared
 * with {@link Identities#same}.
 *
 * <p>Field-keyed results use the process variable names, which are also the keys of the Camunda
 * Forms in {@code bpmn/forms} ({@code outcome}, {@code rationale}, {@code policyReference}, {@code
 * restrictionEndsAt}, {@code approved}, {@code approvalComment}).
 */
public final class ReviewRules {

  /** A rationale has at least one character that is not white space (R-EU-7). */
  public static final int RATIONALE_MIN_LENGTH = 1;

  /**
   * The longest rationale accepted, in characters after stripping: it goes into the decision notice
   * the user reads (R-EU-9), so it must stay readable there. The review form declares the same
   * limit.
   */
  public static final int RATIONALE_MAX_LENGTH = 10_000;

  /** Field error codes of {@link FieldError#code()}. */
  public static final String REQUIRED = "REQUIRED";

  public static final String NOT_ALLOWED = "NOT_ALLOWED";
  public static final String TOO_LONG = "TOO_LONG";
  public static final String NOT_AN_INSTANT = "NOT_AN_INSTANT";
  public static final String NOT_IN_FUTURE = "NOT_IN_FUTURE";

  /** Refusal codes of {@link Refusal#code()} (the API's problem codes where it has them). */
  public static final String NOT_CLAIMED = "NOT_CLAIMED";

  public static final String NOT_A_CANDIDATE = "NOT_A_CANDIDATE";
  public static final String TASK_ALREADY_CLAIMED = "TASK_ALREADY_CLAIMED";

  public static final String NOT_A_PERSON = "NOT_A_PERSON";
  public static final String REVIEWER_IMPOSED_RESTRICTION = "REVIEWER_IMPOSED_RESTRICTION";
  public static final String EARLIER_DECIDER = "EARLIER_DECIDER";
  public static final String FOUR_EYES = "FOUR_EYES";
  public static final String NO_PROPOSED_DECISION = "NO_PROPOSED_DECISION";

  /** The two kinds of review task. */
  public enum TaskKind {
    /** {@code UserTask_ReviewAppeal}: decide the appeal. */
    REVIEW,
    /** {@code UserTask_ApproveDecision}: a second reviewer approves or sends back (four eyes). */
    APPROVAL;

    /** The kind of the task with this BPMN element id. */
    public static TaskKind ofElement(String elementId) {
      return AppealReviewProcess.ELEMENT_APPROVE_DECISION.equals(elementId) ? APPROVAL : REVIEW;
    }
  }

  /** What is wrong with one field: a stable code (for translations) and an English message. */
  public record FieldError(String code, String message) {}

  /** Why a person may not act on a task: a code, a short title and the full reason. */
  public record Refusal(String code, String title, String message) {}

  /** A decision as a reviewer proposes it on the review task (values as sent, unparsed). */
  public record DecisionInput(
      String outcome,
      String rationale,
      String policyReference,
      String restrictionEndsAt,
      String question) {}

  /** An approval as the second reviewer sends it on the approval task. */
  public record ApprovalInput(Boolean approved, String comment) {}

  /**
   * Whether a second reviewer must approve the decisions of an appeal, and why (R-PAY-5).
   *
   * @param reasons in words, for the audit trail and the reviewer; empty when not required
   */
  public record FourEyes(boolean required, List<String> reasons) {
    public FourEyes {
      reasons = List.copyOf(reasons);
    }
  }

  private final ReviewProperties properties;
  private final StaffDirectory staff;
  private final Clock clock;

  public ReviewRules(ReviewProperties properties, StaffDirectory staff, Clock clock) {
    this.properties = properties;
    this.staff = staff;
    this.clock = clock;
  }

  // --- what may be decided -----------------------------------------------------------------------

  /**
   * The outcomes a reviewer may choose on a task of this kind, in the order a form lists them. An
   * approval has none: it answers {@code approved} true or false.
   */
  public List<Outcome> allowedOutcomes(TaskKind kind) {
    return kind == TaskKind.REVIEW ? List.of(Outcome.values()) : List.of();
  }

  public int rationaleMinLength() {
    return RATIONALE_MIN_LENGTH;
  }

  public int rationaleMaxLength() {
    return RATIONALE_MAX_LENGTH;
  }

  /**
   * Checks a proposed decision field by field: an allowed outcome, a plain-language rationale and a
   * policy reference (R-EU-7), and for MODIFY a new end in the future. Empty when complete; else
   * the errors by field, in form order.
   */
  public Map<String, FieldError> validateDecision(DecisionInput input) {
    Map<String, FieldError> errors = new LinkedHashMap<>();
    Optional<Outcome> outcome = outcome(input.outcome());
    if (outcome.isEmpty()) {
      errors.put(
          AppealReviewProcess.VAR_OUTCOME,
          new FieldError(
              blank(input.outcome()) ? REQUIRED : NOT_ALLOWED,
              "outcome must be one of "
                  + allowedOutcomes(TaskKind.REVIEW).stream()
                      .map(Outcome::name)
                      .collect(Collectors.joining(", "))));
    }
    if (outcome.isPresent() && outcome.get() == Outcome.MODIFY) {
      restrictionEnd(input.restrictionEndsAt())
          .ifPresent(e -> errors.put(AppealReviewProcess.VAR_RESTRICTION_ENDS_AT, e));
    }
    if (blank(input.rationale()) || input.rationale().strip().length() < RATIONALE_MIN_LENGTH) {
      errors.put(
          AppealReviewProcess.VAR_RATIONALE,
          new FieldError(REQUIRED, "a plain-language rationale is required"));
    } else if (input.rationale().strip().length() > RATIONALE_MAX_LENGTH) {
      errors.put(
          AppealReviewProcess.VAR_RATIONALE,
          new FieldError(
              TOO_LONG,
              "the rationale must not be longer than " + RATIONALE_MAX_LENGTH + " characters"));
    }
    if (blank(input.policyReference())) {
      errors.put(
          AppealReviewProcess.VAR_POLICY_REFERENCE,
          new FieldError(REQUIRED, "a policy reference is required"));
    }
    return Collections.unmodifiableMap(errors);
  }

  /** Checks an approval: {@code approved} true or false and a comment. */
  public Map<String, FieldError> validateApproval(ApprovalInput input) {
    Map<String, FieldError> errors = new LinkedHashMap<>();
    if (input.approved() == null) {
      errors.put(
          AppealReviewProcess.VAR_APPROVED,
          new FieldError(REQUIRED, "approved (true or false) is required"));
    }
    if (blank(input.comment())) {
      errors.put(
          AppealReviewProcess.VAR_APPROVAL_COMMENT,
          new FieldError(REQUIRED, "a comment is required"));
    }
    return Collections.unmodifiableMap(errors);
  }

  /** The outcome a valid decision names (call after {@link #validateDecision}). */
  public static Optional<Outcome> outcome(String value) {
    if (blank(value)) {
      return Optional.empty();
    }
    return Arrays.stream(Outcome.values()).filter(o -> o.name().equals(value)).findFirst();
  }

  /**
   * An ISO 8601 instant with an offset, seconds optional (Tasklist's date-time field sends {@code
   * 2031-01-31T00:00Z}); empty if the text is none.
   */
  public static Optional<Instant> instant(String value) {
    if (blank(value)) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The errors as {@code {field: message}}, the shape the console's form widget shows under each
   * field ({@code data-form-errors}).
   */
  public static Map<String, String> messages(Map<String, FieldError> errors) {
    Map<String, String> messages = new LinkedHashMap<>();
    errors.forEach((field, error) -> messages.put(field, error.message()));
    return Collections.unmodifiableMap(messages);
  }

  /** The errors in one sentence, e.g. for a task listener's denial. */
  public static String summary(Map<String, FieldError> errors) {
    return errors.values().stream().map(FieldError::message).collect(Collectors.joining("; "));
  }

  private Optional<FieldError> restrictionEnd(String value) {
    if (blank(value)) {
      return Optional.of(
          new FieldError(
              REQUIRED, "MODIFY needs restrictionEndsAt, the new end (an ISO 8601 instant)"));
    }
    Optional<Instant> endsAt = instant(value);
    if (endsAt.isEmpty()) {
      return Optional.of(
          new FieldError(
              NOT_AN_INSTANT,
              "restrictionEndsAt must be an ISO 8601 instant such as 2031-01-31T00:00:00Z"));
    }
    if (!endsAt.get().isAfter(clock.instant())) {
      return Optional.of(new FieldError(NOT_IN_FUTURE, "restrictionEndsAt must be in the future"));
    }
    return Optional.empty();
  }

  // --- four eyes (R-PAY-5) -----------------------------------------------------------------------

  /**
   * Whether the appeal of a case needs a second reviewer: frozen money at or above {@code
   * redress.review.four-eyes-min-frozen-minor} (summed over currencies, in minor units), or a
   * statement category listed in {@code redress.review.four-eyes-categories}.
   */
  public FourEyes fourEyes(long frozenMinor, String category) {
    List<String> reasons = new ArrayList<>();
    if (frozenMinor >= properties.fourEyesMinFrozenMinor()) {
      reasons.add(
          "frozen money ("
              + frozenMinor
              + " minor units) reaches the threshold of "
              + properties.fourEyesMinFrozenMinor());
    }
    if (category != null && properties.fourEyesCategories().contains(category)) {
      reasons.add("category " + category + " always needs a second reviewer");
    }
    return new FourEyes(!reasons.isEmpty(), reasons);
  }

  /**
   * Whether this outcome, on an appeal that needs four eyes or not, waits for a second reviewer's
   * approval: only outcomes that decide the appeal do; a request for information does not.
   */
  public boolean needsApproval(boolean fourEyesRequired, Outcome outcome) {
    return fourEyesRequired && outcome.decidesAppeal();
  }

  /**
   * The outcomes that need approval on such an appeal, as the process variable {@code
   * fourEyesOutcomes} on which {@code Gateway_FourEyes} branches ({@code list contains(...)}), so
   * the model does not restate the rule.
   */
  public List<String> fourEyesOutcomes(boolean fourEyesRequired) {
    return Arrays.stream(Outcome.values())
        .filter(o -> needsApproval(fourEyesRequired, o))
        .map(Outcome::name)
        .toList();
  }

  /** True while a decision that needs four eyes is not yet approved: it must not be recorded. */
  public boolean awaitsApproval(Decision decision) {
    return decision.fourEyesRequired() && decision.status() == Decision.Status.PROPOSED;
  }

  // --- who may act -------------------------------------------------------------------------------

  /**
   * The candidate groups whose review tasks a person with these roles works: reviewers and senior
   * reviewers {@code appeal-reviewers}, senior reviewers also {@code senior-reviewers} (approvals,
   * escalations).
   */
  public List<String> taskGroups(Collection<Role> roles) {
    List<String> groups = new ArrayList<>();
    if (roles.contains(Role.REVIEWER) || roles.contains(Role.SENIOR_REVIEWER)) {
      groups.add(AppealReviewProcess.GROUP_REVIEWERS);
    }
    if (roles.contains(Role.SENIOR_REVIEWER)) {
      groups.add(AppealReviewProcess.GROUP_SENIOR_REVIEWERS);
    }
    return List.copyOf(groups);
  }

  /**
   * The whole check before a claim, in the order the API answers it: the task is for one of the
   * caller's groups ({@code NOT_A_CANDIDATE}), then {@link #mayClaim(TaskKind, String, String,
   * Optional)}, then nobody else holds it ({@code TASK_ALREADY_CLAIMED}; a claim of one's own task
   * again passes).
   *
   * @param assignee the task's current assignee, or null
   */
  public Optional<Refusal> mayClaim(
      TaskKind kind,
      String user,
      Collection<Role> roles,
      List<String> candidateGroups,
      String assignee,
      String imposedBy,
      Optional<Decision> latest) {
    List<String> mine = taskGroups(roles);
    if (candidateGroups.stream().noneMatch(mine::contains)) {
      return Optional.of(
          new Refusal(
              NOT_A_CANDIDATE,
              "Not your queue",
              "This task is for " + String.join(", ", candidateGroups)));
    }
    Optional<Refusal> refusal = mayClaim(kind, user, imposedBy, latest);
    if (refusal.isPresent()) {
      return refusal;
    }
    if (assignee != null && !Identities.same(assignee, user)) {
      return Optional.of(
          new Refusal(
              TASK_ALREADY_CLAIMED,
              "Already claimed",
              "The task is already claimed by " + assignee));
    }
    return Optional.empty();
  }

  /**
   * The check before a claim (the API answers it with 403): nobody claims the approval of their own
   * decision, and the person who imposed the restriction claims no task of the appeal against it.
   * The other rules wait for the completion ({@link #mayDecide}, {@link #mayApprove}).
   *
   * @param latest the appeal's latest decision round, if any
   */
  public Optional<Refusal> mayClaim(
      TaskKind kind, String user, String imposedBy, Optional<Decision> latest) {
    if (kind == TaskKind.APPROVAL
        && latest.map(d -> Identities.same(d.decidedBy(), user)).orElse(false)) {
      return Optional.of(
          new Refusal(
              FOUR_EYES,
              "You decided this appeal",
              "A second reviewer must approve your decision; you cannot approve it yourself"));
    }
    if (Identities.same(user, imposedBy)) {
      return Optional.of(
          new Refusal(
              REVIEWER_IMPOSED_RESTRICTION,
              "You imposed this restriction",
              "You imposed this restriction, so another reviewer must handle the appeal against"
                  + " it"));
    }
    return Optional.empty();
  }

  /**
   * Whether the assignee of a review task may decide it: a named person (R-EU-6), not the person
   * who imposed the restriction, not the decider of an earlier appeal of the case.
   *
   * @param decisionsOfCase every decision round of the case, of every appeal
   */
  public Optional<Refusal> mayDecide(
      String user, String imposedBy, String appealId, List<Decision> decisionsOfCase) {
    Optional<Refusal> person = person(user, imposedBy, "decide");
    if (person.isPresent()) {
      return person;
    }
    for (Decision earlier : decisionsOfCase) {
      if (!earlier.appealId().equals(appealId)
          && earlier.outcome().decidesAppeal()
          && Identities.same(earlier.decidedBy(), user)) {
        return Optional.of(
            new Refusal(
                EARLIER_DECIDER,
                "You decided an earlier appeal",
                user
                    + " decided an earlier appeal of this case; another reviewer must decide this"
                    + " one"));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the assignee of an approval task may approve: a named person, not the imposer, and not
   * the decider of the proposed decision (four eyes, R-PAY-5).
   *
   * @param latest the appeal's latest decision round, which must be the proposed one
   */
  public Optional<Refusal> mayApprove(String user, String imposedBy, Optional<Decision> latest) {
    Optional<Refusal> person = person(user, imposedBy, "approve");
    if (person.isPresent()) {
      return person;
    }
    if (latest.isEmpty() || latest.get().status() != Decision.Status.PROPOSED) {
      return Optional.of(
          new Refusal(
              NO_PROPOSED_DECISION,
              "Nothing to approve",
              "there is no proposed decision to approve"));
    }
    if (Identities.same(latest.get().decidedBy(), user)) {
      return Optional.of(
          new Refusal(
              FOUR_EYES,
              "You decided this appeal",
              "four eyes: the approver must be another person than the decider "
                  + latest.get().decidedBy()));
    }
    return Optional.empty();
  }

  private Optional<Refusal> person(String user, String imposedBy, String verb) {
    if (blank(user)) {
      return Optional.of(
          new Refusal(
              NOT_CLAIMED,
              "Claim the task first",
              "the task must be claimed by the reviewer who " + verb + "s it"));
    }
    if (!staff.isPerson(user) && !properties.acceptUnknownReviewers()) {
      return Optional.of(
          new Refusal(
              NOT_A_PERSON,
              "Not a known reviewer",
              user
                  + " is not a known human reviewer; only a named person may "
                  + verb
                  + " (R-EU-6)"));
    }
    if (Identities.same(user, imposedBy)) {
      return Optional.of(
          new Refusal(
              REVIEWER_IMPOSED_RESTRICTION,
              "You imposed this restriction",
              user + " imposed this restriction and may not " + verb + " the appeal against it"));
    }
    return Optional.empty();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
