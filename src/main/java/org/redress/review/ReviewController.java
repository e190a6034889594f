package org.redress.review;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redress.appeal.Appeal;
import org.redress.appeal.AppealService;
import org.redress.audit.AuditTrail;
import org.redress.shared.security.Identities;
import org.redress.shared.security.Role;
import org.redress.shared.web.ApiException;
import org.redress.suspension.SuspensionService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reviewer console's API (roles REVIEWER, SENIOR_REVIEWER), backed by the Camunda user tasks of
 * {@code appeal-review}: what it does here a reviewer could do in Tasklist, and the same rules hold
 * because the process's completing listeners enforce them. This API asks the same {@link
 * ReviewRules} first only to answer with a precise problem (403 on a claim, 422 with the errors by
 * field on a decision); what only the listener can judge (e.g. an earlier decider) comes back as
 * its denial (409). Names are compared with {@link Identities#same}, as the rules compare them.
 */
@RestController
@RequestMapping("/api/review/tasks")
class ReviewController {

  private final CamundaClient camunda;
  private final AppealService appeals;
  private final SuspensionService suspensions;
  private final ReviewService reviews;
  private final ReviewRules rules;
  private final AuditTrail audit;

  ReviewController(
      CamundaClient camunda,
      AppealService appeals,
      SuspensionService suspensions,
      ReviewService reviews,
      ReviewRules rules,
      AuditTrail audit) {
    this.camunda = camunda;
    this.appeals = appeals;
    this.suspensions = suspensions;
    this.reviews = reviews;
    this.rules = rules;
    this.audit = audit;
  }

  /**
   * The queue: open tasks of the caller's groups and tasks assigned to them, by priority (highest
   * first) then due date (earliest first). The same order for every user (R-EU-7).
   */
  @GetMapping
  List<ReviewTaskView> queue(Principal principal, HttpServletRequest request) {
    List<String> groups = groupsOf(request);
    Map<Long, UserTask> tasks = new LinkedHashMap<>();
    for (String group : groups) {
      search(f -> f.candidateGroup(group)).forEach(t -> tasks.put(t.getUserTaskKey(), t));
    }
    // The engine compares assignees exactly: ask for the configured and the canonical spelling.
    String me = principal.getName();
    search(f -> f.assignee(a -> a.in(me, Identities.canonical(me)))).stream()
        .filter(t -> Identities.same(t.getAssignee(), me))
        .forEach(t -> tasks.put(t.getUserTaskKey(), t));
    return tasks.values().stream()
        .filter(t -> t.getBpmnProcessId().equals(AppealReviewProcess.PROCESS_ID))
        .sorted(
            Comparator.comparing((UserTask t) -> t.getPriority() == null ? 0 : t.getPriority())
                .reversed()
                .thenComparing(
                    t -> t.getDueDate() == null ? Instant.MAX : t.getDueDate().toInstant()))
        .map(this::view)
        .toList();
  }

  @GetMapping("/{userTaskKey}")
  ReviewTaskView task(@PathVariable long userTaskKey) {
    return view(userTask(userTaskKey));
  }

  /** Claims the task for the caller; refused for the person who imposed the restriction. */
  @PostMapping("/{userTaskKey}/claim")
  ReviewTaskView claim(
      @PathVariable long userTaskKey, Principal principal, HttpServletRequest request) {
    UserTask task = userTask(userTaskKey);
    Appeal appeal = appealOf(task);
    String user = principal.getName();
    reviews
        .claimRefusal(task, appeal, user, rolesOf(request))
        .ifPresent(
            refusal -> {
              throw ReviewRules.TASK_ALREADY_CLAIMED.equals(refusal.code())
                  ? ApiException.conflict(refusal.code(), refusal.message())
                  : new ApiException(403, refusal.code(), refusal.title(), refusal.message());
            });
    // A retried claim (e.g. after a lost answer) finds the task the caller's already: nothing is
    // recorded again.
    engine(() -> reviews.claim(task, appeal, user));
    return view(userTask(userTaskKey));
  }

  /**
   * The decision on a review task, or the approval on an approval task. The caller must have
   * claimed the task.
   */
  record DecisionRequest(
      String outcome,
      String rationale,
      String policyReference,
      String restrictionEndsAt,
      String question,
      Boolean approved,
      String comment) {}

  @PostMapping("/{userTaskKey}/decision")
  ReviewTaskView decide(
      @PathVariable long userTaskKey, @RequestBody DecisionRequest body, Principal principal) {
    UserTask task = userTask(userTaskKey);
    if (task.getState() != UserTaskState.CREATED) {
      throw ApiException.conflict(
          "TASK_NOT_OPEN", "The task is " + task.getState() + ", not open for a decision");
    }
    if (!Identities.same(principal.getName(), task.getAssignee())) {
      throw ApiException.conflict(
          "TASK_NOT_CLAIMED_BY_YOU",
          task.getAssignee() == null
              ? "Claim the task before deciding it"
              : "The task is claimed by " + task.getAssignee());
    }
    boolean approval =
        ReviewRules.TaskKind.ofElement(task.getElementId()) == ReviewRules.TaskKind.APPROVAL;
    Map<String, ReviewRules.FieldError> errors = new LinkedHashMap<>();
    engine(
        () ->
            errors.putAll(
                approval
                    ? reviews.approve(
                        task, new ReviewRules.ApprovalInput(body.approved(), body.comment()))
                    : reviews.decide(
                        task,
                        new ReviewRules.DecisionInput(
                            body.outcome(),
                            body.rationale(),
                            body.policyReference(),
                            body.restrictionEndsAt(),
                            body.question()))));
    incomplete(errors);
    return view(userTask(userTaskKey));
  }

  /** The task groups a caller's roles give ({@link ReviewRules#taskGroups}). */
  private List<String> groupsOf(HttpServletRequest request) {
    return rules.taskGroups(rolesOf(request));
  }

  private static Set<Role> rolesOf(HttpServletRequest request) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Role role : Role.values()) {
      if (request.isUserInRole(role.name())) {
        roles.add(role);
      }
    }
    return roles;
  }

  /**
   * The rules' field errors as this API's problem: code {@code DECISION_INCOMPLETE}, {@code errors}
   * as {@code [{field, code, message}]} with the request's field names (the approval's {@code
   * approvalComment} is this API's {@code comment}).
   */
  private static void incomplete(Map<String, ReviewRules.FieldError> errors) {
    if (errors.isEmpty()) {
      return;
    }
    List<Map<String, String>> list = new ArrayList<>();
    errors.forEach(
        (field, error) ->
            list.add(
                Map.of(
                    "field",
                    AppealReviewProcess.VAR_APPROVAL_COMMENT.equals(field) ? "comment" : field,
                    "code",
                    error.code(),
                    "message",
                    error.message())));
    throw new ApiException(
        422,
        "DECISION_INCOMPLETE",
        "Incomplete decision",
        "The decision lacks or breaks " + list.size() + " required element(s); see errors",
        Map.of("errors", list));
  }

  private List<UserTask> search(
      java.util.function.Consumer<io.camunda.client.api.search.filter.UserTaskFilter> filter) {
    return camunda
        .newUserTaskSearchRequest()
        .filter(
            f -> {
              f.state(UserTaskState.CREATED);
              filter.accept(f);
            })
        .page(p -> p.limit(200))
        .send()
        .join()
        .items();
  }

  private UserTask userTask(long key) {
    try {
      UserTask task = camunda.newUserTaskGetRequest(key).send().join();
      if (!AppealReviewProcess.PROCESS_ID.equals(task.getBpmnProcessId())) {
        throw notFound(key);
      }
      return task;
    } catch (ProblemException e) {
      if (e.code() == 404) {
        throw notFound(key);
      }
      throw e;
    }
  }

  private Appeal appealOf(UserTask task) {
    return appeals
        .ofReviewProcess(task.getProcessInstanceKey())
        .orElseThrow(() -> notFound(task.getUserTaskKey()));
  }

  private ReviewTaskView view(UserTask task) {
    Optional<Appeal> appeal = appeals.ofReviewProcess(task.getProcessInstanceKey());
    boolean approval =
        ReviewRules.TaskKind.ofElement(task.getElementId()) == ReviewRules.TaskKind.APPROVAL;
    return new ReviewTaskView(
        task.getUserTaskKey(),
        approval ? "APPROVAL" : "REVIEW",
        task.getName(),
        task.getState() == null ? null : task.getState().name(),
        task.getAssignee(),
        task.getCandidateGroups(),
        task.getPriority() == null ? 0 : task.getPriority(),
        task.getDueDate(),
        task.getCreationDate(),
        appeal.map(Appeal::caseId).orElse(null),
        appeal.map(Appeal::appealId).orElse(null),
        appeal.map(Appeal::talkToPerson).orElse(false),
        appeal.map(Appeal::statement).orElse(null),
        approval ? appeal.flatMap(a -> reviews.latestDecision(a.appealId())).orElse(null) : null);
  }

  /** Runs an engine command; a refusal (e.g. a listener's denial) becomes a 409 problem. */
  private static void engine(Runnable command) {
    try {
      command.run();
    } catch (ProblemException e) {
      String detail =
          e.details() != null && e.details().getDetail() != null
              ? e.details().getDetail()
              : e.getMessage();
      if (e.code() == 404) {
        throw ApiException.notFound("TASK_NOT_FOUND", detail);
      }
      if (e.code() >= 500) {
        throw e; // the engine is unavailable (e.g. shutting down): 503, not a refusal
      }
      throw ApiException.conflict("TASK_COMMAND_REFUSED", detail);
    }
  }

  private static ApiException notFound(long key) {
    return ApiException.notFound("TASK_NOT_FOUND", "No review task " + key);
  }
}
