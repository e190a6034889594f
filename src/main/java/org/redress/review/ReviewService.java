package org.redress.review;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.appeal.Appeal;
import org.redress.appeal.AppealService;
import org.redress.audit.ActorType;
import org.redress.audit.AuditEntry;
import org.redress.audit.AuditTrail;
import org.redress.funds.FundsService;
import org.redress.notice.NoticeKind;
import org.redress.notice.NoticeRequest;
import org.redress.notice.NoticeService;
import org.redress.shared.Money;
import org.redress.shared.security.Identities;
import org.redress.shared.security.Role;
import org.redress.shared.security.StaffDirectory;
import org.redress.suspension.CaseStatus;
import org.redress.suspension.SuspensionCase;
import org.redress.suspension.SuspensionService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Human review of appeals: triage, decisions, four eyes, SLA escalation, and carrying the decision
 * out. The review rules themselves live in {@link ReviewRules}; this service gathers the facts they
 * need (the case's {@code imposedBy}, its decisions) and applies their answers for the completing
 * task listeners of the process, which every way of deciding passes (the Redress API, the console,
 * Camunda Tasklist): the decider is a named person (R-EU-6), not the one who imposed the
 * restriction and not the one who decided an earlier appeal of the case; rationale and policy
 * reference are required (R-EU-7); above the threshold a different person approves (R-PAY-5). Names
 * are compared with {@link Identities#same}; the decider and approver are recorded under their
 * account's configured username.
 */
public class ReviewService {

  private final ReviewRepository repository;
  private final AppealService appeals;
  private final SuspensionService suspensions;
  private final FundsService funds;
  private final NoticeService notices;
  private final AuditTrail audit;
  private final StaffDirectory staff;
  private final CamundaClient camunda;
  private final TransactionTemplate transactions;
  private final ReviewProperties properties;
  private final ReviewRules rules;
  private final Clock clock;

  ReviewService(
      ReviewRepository repository,
      AppealService appeals,
      SuspensionService suspensions,
      FundsService funds,
      NoticeService notices,
      AuditTrail audit,
      StaffDirectory staff,
      CamundaClient camunda,
      TransactionTemplate transactions,
      ReviewProperties properties,
      ReviewRules rules,
      Clock clock) {
    this.repository = repository;
    this.appeals = appeals;
    this.suspensions = suspensions;
    this.funds = funds;
    this.notices = notices;
    this.audit = audit;
    this.staff = staff;
    this.camunda = camunda;
    this.transactions = transactions;
    this.properties = properties;
    this.rules = rules;
    this.clock = clock;
  }

  // --- triage ----------------------------------------------------------------------------------

  /**
   * {@code triage-appeal}: distress signals make the appeal urgent with human contact; "talk to a
   * person" raises its priority (R-EU-14); repeated manifestly unfounded appeals are flagged for
   * Art. 23 (R-EU-11), never deprioritised; whether four eyes are needed, and for which outcomes,
   * is {@link ReviewRules#fourEyes}'s answer (R-PAY-5).
   */
  public Triage triage(String appealId) {
    Appeal appeal = appeals.get(appealId);
    SuspensionCase c = suspensions.get(appeal.caseId());
    List<String> signals = new ArrayList<>(TriagePolicy.distressSignals(appeal.statement()));
    boolean urgent = !signals.isEmpty();
    int priority =
        urgent
            ? TriagePolicy.URGENT
            : appeal.talkToPerson() ? TriagePolicy.PERSON : TriagePolicy.NORMAL;
    if (appeal.talkToPerson()) {
      signals.add("asked to talk to a person");
    }
    Instant now = clock.instant();
    Instant due =
        now.plus(
            urgent
                ? properties.sla().urgent()
                : appeal.talkToPerson() ? properties.sla().person() : properties.sla().normal());
    long frozenMinor =
        funds.assessReleasable(c.caseId()).frozen().stream().mapToLong(Money::minorUnits).sum();
    ReviewRules.FourEyes fourEyesRule = rules.fourEyes(frozenMinor, c.category());
    boolean fourEyes = fourEyesRule.required();
    int unfounded = appeals.manifestlyUnfoundedCount(c.accountId());
    boolean misuse = unfounded >= properties.misuseThreshold();
    if (misuse) {
      signals.add(unfounded + " earlier appeals were manifestly unfounded (Art. 23 check)");
    }
    Triage triage =
        new Triage(
            priority,
            due,
            fourEyes,
            urgent,
            unfounded,
            misuse,
            signals,
            fourEyesRule.reasons(),
            rules.fourEyesOutcomes(fourEyes),
            c.locale().toLanguageTag());
    transactions.executeWithoutResult(
        status -> {
          appeals.setPriority(appealId, priority);
          audit.record(
              new AuditEntry(
                  c.caseId(),
                  "APPEAL_TRIAGED",
                  SuspensionService.WORKFLOW_ACTOR,
                  ActorType.SYSTEM,
                  "Priority "
                      + priority
                      + ", decide by "
                      + due
                      + (fourEyes
                          ? ", second reviewer required ("
                              + String.join("; ", fourEyesRule.reasons())
                              + ")"
                          : "")
                      + (signals.isEmpty() ? "" : "; signals: " + String.join(", ", signals)),
                  Map.of(
                      "appealId", appealId,
                      "priority", priority,
                      "fourEyesRequired", fourEyes,
                      "fourEyesReasons", fourEyesRule.reasons(),
                      "misuseFlag", misuse),
                  appealId + ":APPEAL_TRIAGED"));
        });
    return triage;
  }

  // --- review rules (API and task listeners) ---------------------------------------------------

  /** A completion of the review task: who completes it and the decision they send. */
  public record ReviewCompletion(
      long userTaskKey,
      String appealId,
      String assignee,
      String outcome,
      String rationale,
      String policyReference,
      String restrictionEndsAt,
      String question,
      boolean fourEyesRequired) {}

  /**
   * Checks a review task completion against the review rules and, when they hold, records it as the
   * proposed decision of the round. Empty when accepted, else the reason to deny it.
   */
  public Optional<String> checkDecision(ReviewCompletion completion) {
    Appeal appeal = appeals.get(completion.appealId());
    SuspensionCase c = suspensions.get(appeal.caseId());
    Optional<ReviewRules.Refusal> refusal =
        rules.mayDecide(
            completion.assignee(), c.imposedBy(), appeal.appealId(), repository.ofCase(c.caseId()));
    if (refusal.isPresent()) {
      return Optional.of(refusal.get().message());
    }
    Map<String, ReviewRules.FieldError> errors =
        rules.validateDecision(
            new ReviewRules.DecisionInput(
                completion.outcome(),
                completion.rationale(),
                completion.policyReference(),
                completion.restrictionEndsAt(),
                completion.question()));
    if (!errors.isEmpty()) {
      return Optional.of(ReviewRules.summary(errors));
    }
    Outcome outcome = ReviewRules.outcome(completion.outcome()).orElseThrow();
    Instant endsAt =
        outcome == Outcome.MODIFY
            ? ReviewRules.instant(completion.restrictionEndsAt()).orElseThrow()
            : null;
    String question = null;
    Instant replyBy = null;
    if (outcome == Outcome.REQUEST_INFO) {
      question = blank(completion.question()) ? completion.rationale() : completion.question();
      replyBy = clock.instant().plus(properties.informationWindow());
    }
    repository.upsertProposed(
        new Decision(
            0,
            appeal.appealId(),
            c.caseId(),
            0,
            outcome,
            completion.rationale().strip(),
            completion.policyReference().strip(),
            endsAt,
            question,
            replyBy,
            staff.accountName(completion.assignee()),
            clock.instant(),
            completion.userTaskKey(),
            rules.needsApproval(completion.fourEyesRequired(), outcome),
            null,
            null,
            null,
            Decision.Status.PROPOSED));
    return Optional.empty();
  }

  /** A completion of the approval task. */
  public record ApprovalCompletion(
      String appealId, String assignee, Boolean approved, String comment) {}

  /** Checks and records a second reviewer's approval; empty when accepted, else the reason. */
  public Optional<String> checkApproval(ApprovalCompletion completion) {
    Appeal appeal = appeals.get(completion.appealId());
    SuspensionCase c = suspensions.get(appeal.caseId());
    Optional<Decision> proposed = repository.latest(appeal.appealId());
    Optional<ReviewRules.Refusal> refusal =
        rules.mayApprove(completion.assignee(), c.imposedBy(), proposed);
    if (refusal.isPresent()) {
      return Optional.of(refusal.get().message());
    }
    Map<String, ReviewRules.FieldError> errors =
        rules.validateApproval(
            new ReviewRules.ApprovalInput(completion.approved(), completion.comment()));
    if (!errors.isEmpty()) {
      return Optional.of(ReviewRules.summary(errors));
    }
    String approver = staff.accountName(completion.assignee());
    transactions.executeWithoutResult(
        status -> {
          repository.approve(
              proposed.get().id(),
              completion.approved(),
              approver,
              completion.comment().strip(),
              clock.instant());
          audit.record(
              new AuditEntry(
                  c.caseId(),
                  completion.approved() ? "DECISION_APPROVED" : "DECISION_REJECTED",
                  approver,
                  ActorType.PERSON,
                  (completion.approved() ? "Approved " : "Sent back ")
                      + proposed.get().outcome()
                      + " decided by "
                      + proposed.get().decidedBy()
                      + ": "
                      + completion.comment().strip(),
                  Map.of("appealId", appeal.appealId(), "round", proposed.get().round()),
                  appeal.appealId() + ":APPROVAL:" + proposed.get().round()));
        });
    return Optional.empty();
  }

  // --- after the decision ----------------------------------------------------------------------

  /**
   * {@code record-decision}: the accepted (and, above the threshold, approved) decision becomes
   * final; the appeal is decided unless information was requested.
   */
  public Decision recordDecision(String appealId) {
    return transactions.execute(
        status -> {
          Decision d =
              repository
                  .latest(appealId)
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "Expected a decision for appeal " + appealId + ", but none exists"));
          if (d.status() == Decision.Status.REJECTED || rules.awaitsApproval(d)) {
            throw new IllegalStateException(
                "Expected the decision of appeal "
                    + appealId
                    + " round "
                    + d.round()
                    + " to be approved, but it is "
                    + d.status());
          }
          repository.markFinal(d.id());
          if (d.outcome().decidesAppeal()) {
            appeals.markDecided(appealId, d.outcome().name());
            suspensions.changeStatus(
                d.caseId(), CaseStatus.DECIDED, d.decidedBy(), "appeal decided: " + d.outcome());
          }
          audit.record(
              new AuditEntry(
                  d.caseId(),
                  d.outcome().decidesAppeal() ? "APPEAL_DECIDED" : "REVIEW_ROUND_RECORDED",
                  d.decidedBy(),
                  ActorType.PERSON,
                  d.outcome()
                      + " by "
                      + d.decidedBy()
                      + (d.approvedBy() == null ? "" : ", approved by " + d.approvedBy())
                      + ": "
                      + d.rationale()
                      + " ("
                      + d.policyReference()
                      + ")",
                  details(d),
                  appealId + ":DECISION:" + d.round()));
          return repository.latest(appealId).orElseThrow();
        });
  }

  /** {@code restore-account}. */
  public void restoreAccount(String appealId) {
    Decision d = finalDecision(appealId);
    suspensions.restoreAccount(d.caseId(), d.decidedBy());
  }

  /** {@code modify-restriction}. */
  public void modifyRestriction(String appealId) {
    Decision d = finalDecision(appealId);
    suspensions.modifyRestriction(d.caseId(), d.restrictionEndsAt(), d.decidedBy());
  }

  /** {@code request-information}: sends the reviewer's question. */
  public void requestInformation(String appealId) {
    Decision d = finalDecision(appealId);
    appeals.requestInformation(appealId, d.round(), d.question(), d.replyBy(), d.decidedBy());
  }

  /**
   * {@code send-decision-notice}: the reasoned decision with the routes to out-of-court dispute
   * settlement and court (R-EU-9); once per appeal.
   */
  public void sendDecisionNotice(String appealId) {
    transactions.executeWithoutResult(
        status -> {
          Decision d = finalDecision(appealId);
          SuspensionCase c = suspensions.get(d.caseId());
          Map<String, Object> model = new LinkedHashMap<>();
          model.put("caseId", c.caseId());
          model.put("caseLink", suspensions.caseLink(c, c.appealDeadline()));
          model.put("recipientName", c.accountName());
          model.put("appealId", appealId);
          model.put("outcome", d.outcome().name());
          model.put("rationale", d.rationale());
          model.put("policyReference", d.policyReference());
          model.put("decidedBy", staff.displayName(d.decidedBy()));
          model.put("decidedAt", d.decidedAt());
          if (d.restrictionEndsAt() != null) {
            model.put("restrictionEndsAt", d.restrictionEndsAt());
          }
          // Money as the ledger holds it after the fund release, not as the outcome implies.
          model.putAll(funds.summary(c.caseId()).noticeModel());
          notices.send(
              new NoticeRequest(
                  c.caseId(),
                  c.accountId(),
                  NoticeKind.DECISION,
                  c.locale(),
                  appealId + ":DECISION",
                  model));
          if (d.outcome().executesDecision()) {
            suspensions.changeStatus(
                c.caseId(),
                CaseStatus.EXECUTED,
                SuspensionService.WORKFLOW_ACTOR,
                "decision " + d.outcome() + " carried out and notified");
          }
          audit.record(
              new AuditEntry(
                  c.caseId(),
                  "DECISION_NOTICE_SENT",
                  SuspensionService.WORKFLOW_ACTOR,
                  ActorType.SYSTEM,
                  "Decision notice ("
                      + d.outcome()
                      + ") sent with dispute settlement and court routes",
                  Map.of("appealId", appealId),
                  appealId + ":DECISION_NOTICE_SENT"));
        });
  }

  /**
   * Submits a reviewer's decision on a review task: the review rules first (their errors by field
   * come back and nothing is sent), then the engine's completion, whose completing listener checks
   * what needs the case again (a denial reaches the caller as the Camunda client's exception). The
   * review API and the console both decide here, so neither can allow what the other refuses.
   */
  public Map<String, ReviewRules.FieldError> decide(UserTask task, ReviewRules.DecisionInput in) {
    Map<String, ReviewRules.FieldError> errors = rules.validateDecision(in);
    if (errors.isEmpty()) {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put(AppealReviewProcess.VAR_OUTCOME, in.outcome());
      variables.put(AppealReviewProcess.VAR_RATIONALE, in.rationale().strip());
      variables.put(AppealReviewProcess.VAR_POLICY_REFERENCE, in.policyReference().strip());
      variables.put(AppealReviewProcess.VAR_RESTRICTION_ENDS_AT, in.restrictionEndsAt());
      variables.put(AppealReviewProcess.VAR_QUESTION, in.question());
      complete(task, variables, "complete");
    }
    return errors;
  }

  /** The same for the second reviewer's approval on an approval task ({@link #decide}). */
  public Map<String, ReviewRules.FieldError> approve(UserTask task, ReviewRules.ApprovalInput in) {
    Map<String, ReviewRules.FieldError> errors = rules.validateApproval(in);
    if (errors.isEmpty()) {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put(AppealReviewProcess.VAR_APPROVED, in.approved());
      variables.put(AppealReviewProcess.VAR_APPROVAL_COMMENT, in.comment().strip());
      complete(task, variables, "approve");
    }
    return errors;
  }

  private void complete(UserTask task, Map<String, Object> variables, String action) {
    camunda
        .newCompleteUserTaskCommand(task.getUserTaskKey())
        .variables(variables)
        .action(action)
        .send()
        .join();
  }

  /**
   * Why this person may not claim the task now ({@link ReviewRules#mayClaim}: group, four eyes,
   * imposer, someone else holds it), or empty. The API and the console both ask this, each in its
   * own words.
   */
  public Optional<ReviewRules.Refusal> claimRefusal(
      UserTask task, Appeal appeal, String user, java.util.Collection<Role> roles) {
    SuspensionCase c = suspensions.get(appeal.caseId());
    return rules.mayClaim(
        ReviewRules.TaskKind.ofElement(task.getElementId()),
        user,
        roles,
        task.getCandidateGroups(),
        task.getAssignee(),
        c.imposedBy(),
        latestDecision(appeal.appealId()));
  }

  /**
   * Claims a review or approval task for the person: the engine's assignment (which refuses a task
   * someone else got meanwhile), the case status CLAIMED and the audit trail. False when the task
   * is theirs already: a retried claim records nothing again. Ask {@link #claimRefusal} first.
   * Engine failures reach the caller as the Camunda client's exceptions.
   */
  public boolean claim(UserTask task, Appeal appeal, String user) {
    if (user.equals(task.getAssignee())) {
      return false;
    }
    camunda
        .newAssignUserTaskCommand(task.getUserTaskKey())
        .assignee(user)
        .allowOverride(false)
        .action("claim")
        .send()
        .join();
    suspensions.changeStatus(appeal.caseId(), CaseStatus.CLAIMED, user, "review task claimed");
    audit.record(
        new AuditEntry(
            appeal.caseId(),
            "REVIEW_TASK_CLAIMED",
            user,
            ActorType.PERSON,
            user + " claimed " + task.getName(),
            Map.of("appealId", appeal.appealId(), "userTaskKey", task.getUserTaskKey()),
            // concurrent duplicates of one claim record it once
            appeal.caseId() + ":REVIEW_TASK_CLAIMED:" + task.getUserTaskKey() + ":" + user));
    return true;
  }

  /**
   * {@code escalate-review}: the SLA passed; senior reviewers may take the task and its priority
   * rises. Applying it twice changes nothing more.
   */
  public void escalate(long reviewProcessInstanceKey, String appealId) {
    Appeal appeal = appeals.get(appealId);
    List<UserTask> open =
        camunda
            .newUserTaskSearchRequest()
            .filter(
                f ->
                    f.processInstanceKey(reviewProcessInstanceKey)
                        .elementId(AppealReviewProcess.ELEMENT_REVIEW_APPEAL)
                        .state(UserTaskState.CREATED))
            .send()
            .join()
            .items();
    for (UserTask task : open) {
      List<String> groups = new ArrayList<>(task.getCandidateGroups());
      if (!groups.contains(AppealReviewProcess.GROUP_SENIOR_REVIEWERS)) {
        groups.add(AppealReviewProcess.GROUP_SENIOR_REVIEWERS);
      }
      int priority =
          Math.min(100, Math.max(task.getPriority() == null ? 0 : task.getPriority(), 90));
      camunda
          .newUpdateUserTaskCommand(task.getUserTaskKey())
          .candidateGroups(groups)
          .priority(priority)
          .send()
          .join();
    }
    audit.record(
        new AuditEntry(
            appeal.caseId(),
            "REVIEW_ESCALATED",
            SuspensionService.WORKFLOW_ACTOR,
            ActorType.SYSTEM,
            "The review deadline passed without a decision; escalated to senior reviewers",
            Map.of("appealId", appealId),
            appealId + ":REVIEW_ESCALATED:" + reviewProcessInstanceKey));
  }

  public Optional<Decision> latestDecision(String appealId) {
    return repository.latest(appealId);
  }

  public List<Decision> decisionsOfCase(String caseId) {
    return repository.ofCase(caseId);
  }

  private Decision finalDecision(String appealId) {
    return repository
        .latest(appealId)
        .filter(d -> d.status() == Decision.Status.FINAL)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Expected a recorded decision for appeal " + appealId + ", but there is none"));
  }

  private static Map<String, Object> details(Decision d) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("appealId", d.appealId());
    details.put("round", d.round());
    details.put("outcome", d.outcome().name());
    details.put("decidedBy", d.decidedBy());
    details.put("policyReference", d.policyReference());
    if (d.approvedBy() != null) {
      details.put("approvedBy", d.approvedBy());
    }
    return details;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
