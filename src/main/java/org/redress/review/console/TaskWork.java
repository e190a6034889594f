package org.redress.review.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redress.appeal.Appeal;
import org.redress.appeal.AppealService;
import org.redress.audit.ActorType;
import org.redress.audit.AuditEntry;
import org.redress.audit.AuditTrail;
import org.redress.review.AppealReviewProcess;
import org.redress.review.ReviewRules;
import org.redress.review.ReviewService;
import org.redress.shared.security.Identities;
import org.redress.shared.security.Role;
import org.redress.suspension.CaseStatus;
import org.redress.suspension.SuspensionService;

/**
 * What a reviewer does to a task from the console: claim, unclaim, complete. Completion goes to the
 * engine through the Camunda client with the form's values, exactly as the review API and Tasklist
 * complete it, so the process's completing listeners ({@code check-review-decision}, {@code
 * check-review-approval}, i.e. {@link ReviewService}) apply the review rules and their denial
 * reaches the page verbatim ({@link TaskRefusal.Code#DENIED}). The claim refusals mirror the review
 * API's claim ({@code ReviewController.claim}) so the console refuses what it refuses.
 */
public class TaskWork {

  /** The values of each task's form the console passes on to the engine (bpmn/forms). */
  static final Map<String, List<String>> FORM_KEYS =
      Map.of(
          AppealReviewProcess.ELEMENT_REVIEW_APPEAL,
          List.of(
              AppealReviewProcess.VAR_OUTCOME,
              AppealReviewProcess.VAR_RATIONALE,
              AppealReviewProcess.VAR_POLICY_REFERENCE,
              AppealReviewProcess.VAR_RESTRICTION_ENDS_AT,
              AppealReviewProcess.VAR_QUESTION),
          AppealReviewProcess.ELEMENT_APPROVE_DECISION,
          List.of(AppealReviewProcess.VAR_APPROVED, AppealReviewProcess.VAR_APPROVAL_COMMENT));

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Pattern DENIAL =
      Pattern.compile("Reason to deny: '(.*)'\\s*$", Pattern.DOTALL);

  private final CamundaClient camunda;
  private final AppealService appeals;
  private final SuspensionService suspensions;
  private final ReviewService reviews;
  private final ReviewRules rules;
  private final AuditTrail audit;
  private final Clock clock;

  TaskWork(
      CamundaClient camunda,
      AppealService appeals,
      SuspensionService suspensions,
      ReviewService reviews,
      ReviewRules rules,
      AuditTrail audit,
      Clock clock) {
    this.camunda = camunda;
    this.appeals = appeals;
    this.suspensions = suspensions;
    this.reviews = reviews;
    this.rules = rules;
    this.audit = audit;
    this.clock = clock;
  }

  /** The candidate groups whose tasks a person with these roles works ({@link ReviewRules}). */
  public List<String> groups(Collection<Role> roles) {
    return rules.taskGroups(roles);
  }

  /** An open review or approval task with its appeal. */
  public record OpenTask(UserTask task, Appeal appeal) {
    public boolean approval() {
      return AppealReviewProcess.ELEMENT_APPROVE_DECISION.equals(task.getElementId());
    }
  }

  /**
   * The task if the caller may see it: an {@code appeal-review} task of one of their groups (open,
   * or just completed by them, so the page can say what happened).
   */
  public OpenTask visible(long userTaskKey, List<String> groups) {
    UserTask task = get(userTaskKey);
    if (task.getCandidateGroups() == null
        || task.getCandidateGroups().stream().noneMatch(groups::contains)) {
      throw new TaskRefusal(TaskRefusal.Code.NOT_YOUR_GROUP, null);
    }
    Appeal appeal =
        appeals
            .ofReviewProcess(task.getProcessInstanceKey())
            .orElseThrow(() -> new TaskRefusal(TaskRefusal.Code.NOT_FOUND, null));
    return new OpenTask(task, appeal);
  }

  /**
   * Why the caller could not claim the task now, or empty when they could ({@link
   * ReviewRules#mayClaim}).
   */
  public Optional<TaskRefusal> claimRefusal(OpenTask open, String me, Collection<Role> roles) {
    UserTask task = open.task();
    if (task.getState() != UserTaskState.CREATED) {
      return Optional.of(new TaskRefusal(TaskRefusal.Code.NOT_FOUND, null));
    }
    return reviews
        .claimRefusal(task, open.appeal(), me, roles)
        .map(refusal -> refusal(refusal, task.getAssignee()));
  }

  /** The page's words for a refusal of the rules (codes of {@link ReviewRules}). */
  static TaskRefusal refusal(ReviewRules.Refusal refusal, String assignee) {
    return switch (refusal.code()) {
      case ReviewRules.NOT_A_CANDIDATE -> new TaskRefusal(TaskRefusal.Code.NOT_YOUR_GROUP, null);
      case ReviewRules.REVIEWER_IMPOSED_RESTRICTION ->
          new TaskRefusal(TaskRefusal.Code.IMPOSED, null);
      case ReviewRules.FOUR_EYES -> new TaskRefusal(TaskRefusal.Code.OWN_DECISION, null);
      case ReviewRules.TASK_ALREADY_CLAIMED ->
          new TaskRefusal(TaskRefusal.Code.ALREADY_CLAIMED, assignee);
      default -> new TaskRefusal(TaskRefusal.Code.DENIED, refusal.message());
    };
  }

  /** Claims the task for the caller, as the review API does (case status, audit trail). */
  public void claim(long userTaskKey, String me, Collection<Role> roles) {
    OpenTask open = visible(userTaskKey, groups(roles));
    Optional<TaskRefusal> refusal = claimRefusal(open, me, roles);
    if (refusal.isPresent()) {
      throw refusal.get();
    }
    engine(() -> reviews.claim(open.task(), open.appeal(), me)); // a repeat records nothing
  }

  /** Gives the caller's task back to its groups. */
  public void unclaim(long userTaskKey, String me, Collection<Role> roles) {
    OpenTask open = visible(userTaskKey, groups(roles));
    requireMine(open, me);
    engine(() -> camunda.newUnassignUserTaskCommand(userTaskKey).send().join());
    String caseId = open.appeal().caseId();
    suspensions.changeStatus(caseId, CaseStatus.APPEAL_OPEN, me, "review task given back");
    audit.record(
        new AuditEntry(
            caseId,
            "REVIEW_TASK_UNCLAIMED",
            me,
            ActorType.PERSON,
            me + " gave back " + open.task().getName(),
            Map.of("appealId", open.appeal().appealId(), "userTaskKey", userTaskKey),
            caseId
                + ":REVIEW_TASK_UNCLAIMED:"
                + userTaskKey
                + ":"
                + me
                + ":"
                + clock.instant().toEpochMilli()));
  }

  /**
   * Completes the caller's task with the values of its form (other keys are dropped). The review
   * rules run in the task's completing listener; a denial becomes {@link TaskRefusal.Code#DENIED}.
   */
  public void complete(long userTaskKey, String me, Collection<Role> roles, Map<String, ?> values) {
    OpenTask open = visible(userTaskKey, groups(roles));
    requireMine(open, me);
    Map<String, ReviewRules.FieldError> errors = new LinkedHashMap<>();
    engine(
        () ->
            errors.putAll(
                open.approval()
                    ? reviews.approve(
                        open.task(),
                        new ReviewRules.ApprovalInput(
                            values.get(AppealReviewProcess.VAR_APPROVED) instanceof Boolean b
                                ? b
                                : null,
                            text(values.get(AppealReviewProcess.VAR_APPROVAL_COMMENT))))
                    : reviews.decide(
                        open.task(),
                        new ReviewRules.DecisionInput(
                            text(values.get(AppealReviewProcess.VAR_OUTCOME)),
                            text(values.get(AppealReviewProcess.VAR_RATIONALE)),
                            text(values.get(AppealReviewProcess.VAR_POLICY_REFERENCE)),
                            text(values.get(AppealReviewProcess.VAR_RESTRICTION_ENDS_AT)),
                            text(values.get(AppealReviewProcess.VAR_QUESTION))))));
    if (!errors.isEmpty()) {
      throw new TaskRefusal(
          TaskRefusal.Code.INCOMPLETE, ReviewRules.summary(errors), ReviewRules.messages(errors));
    }
  }

  /**
   * The process-level variables of a process instance, their JSON values parsed (what a task's form
   * may show, e.g. the case, the appellant's language, the priority and the four-eyes flag).
   */
  public Map<String, Object> variables(long processInstanceKey) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<Variable> found =
        camunda
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(processInstanceKey).scopeKey(processInstanceKey))
            .page(p -> p.limit(200))
            .send()
            .join()
            .items();
    for (Variable v : found) {
      try {
        values.put(
            v.getName(), v.getValue() == null ? null : JSON.readValue(v.getValue(), Object.class));
      } catch (JsonProcessingException e) {
        values.put(v.getName(), v.getValue());
      }
    }
    return values;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static void requireMine(OpenTask open, String me) {
    if (open.task().getState() != UserTaskState.CREATED) {
      throw new TaskRefusal(TaskRefusal.Code.NOT_FOUND, null);
    }
    if (!Identities.same(open.task().getAssignee(), me)) {
      throw new TaskRefusal(TaskRefusal.Code.NOT_CLAIMED_BY_YOU, open.task().getAssignee());
    }
  }

  private UserTask get(long userTaskKey) {
    try {
      UserTask task = camunda.newUserTaskGetRequest(userTaskKey).send().join();
      if (!AppealReviewProcess.PROCESS_ID.equals(task.getBpmnProcessId())) {
        throw new TaskRefusal(TaskRefusal.Code.NOT_FOUND, null);
      }
      return task;
    } catch (ProblemException e) {
      if (e.code() == 404) {
        throw new TaskRefusal(TaskRefusal.Code.NOT_FOUND, null);
      }
      throw e;
    }
  }

  /** Runs an engine command; a refusal by the engine (e.g. a listener's denial) is explained. */
  static void engine(Runnable command) {
    try {
      command.run();
    } catch (ProblemException e) {
      if (e.code() == 404) {
        throw new TaskRefusal(TaskRefusal.Code.NOT_FOUND, null);
      }
      if (e.code() >= 500) {
        throw e; // the engine is unavailable: an error page, not a refusal
      }
      throw new TaskRefusal(TaskRefusal.Code.DENIED, denialReason(detail(e)));
    }
  }

  static String detail(ProblemException e) {
    return e.details() != null && e.details().getDetail() != null
        ? e.details().getDetail()
        : e.getMessage();
  }

  /** The listener's own reason out of the engine's rejection text, else the text itself. */
  static String denialReason(String detail) {
    if (detail == null) {
      return "";
    }
    Matcher m = DENIAL.matcher(detail);
    return m.find() ? m.group(1) : detail;
  }
}
