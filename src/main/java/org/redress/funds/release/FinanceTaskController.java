package org.redress.funds.release;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redress.shared.security.Identities;
import org.redress.shared.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finance operations (role FINANCE): rejected payouts wait in the {@code finance-ops} user task of
 * {@code fund-release} until a person resolves them (in Tasklist on a cluster, or here).
 */
@RestController
@RequestMapping("/api/finance/tasks")
class FinanceTaskController {

  static final Set<String> RESOLUTIONS =
      Set.of("RETRIED_MANUALLY", "DESTINATION_UPDATED", "FUNDS_LEFT_IN_WALLET");

  private final CamundaClient camunda;

  FinanceTaskController(CamundaClient camunda) {
    this.camunda = camunda;
  }

  record FinanceTask(
      long userTaskKey,
      String name,
      String assignee,
      long processInstanceKey,
      OffsetDateTime createdAt) {}

  record Resolution(String resolution, String note) {}

  @GetMapping
  List<FinanceTask> open() {
    return camunda
        .newUserTaskSearchRequest()
        .filter(
            f ->
                f.state(UserTaskState.CREATED)
                    .candidateGroup(FundReleaseProcess.GROUP_FINANCE)
                    .elementId(FundReleaseProcess.ELEMENT_RESOLVE_PAYOUT))
        .send()
        .join()
        .items()
        .stream()
        .map(
            t ->
                new FinanceTask(
                    t.getUserTaskKey(),
                    t.getName(),
                    t.getAssignee(),
                    t.getProcessInstanceKey(),
                    t.getCreationDate()))
        .toList();
  }

  /** Records how a rejected payout was resolved; claims the task for the caller first. */
  @PostMapping("/{userTaskKey}/resolution")
  FinanceTask resolve(
      @PathVariable long userTaskKey, @RequestBody Resolution body, Principal principal) {
    if (body == null || body.resolution() == null || !RESOLUTIONS.contains(body.resolution())) {
      throw new ApiException(
          422,
          "RESOLUTION_INVALID",
          "Invalid resolution",
          "resolution must be one of " + RESOLUTIONS + " and a note is required");
    }
    if (body.note() == null || body.note().isBlank()) {
      throw new ApiException(422, "RESOLUTION_INVALID", "Invalid resolution", "a note is required");
    }
    UserTask task;
    try {
      task = camunda.newUserTaskGetRequest(userTaskKey).send().join();
      if (!FundReleaseProcess.ELEMENT_RESOLVE_PAYOUT.equals(task.getElementId())) {
        throw ApiException.notFound("TASK_NOT_FOUND", "No finance task " + userTaskKey);
      }
      if (task.getAssignee() != null && !Identities.same(task.getAssignee(), principal.getName())) {
        // Someone else holds it: their work is not taken over silently (as in the review API).
        throw ApiException.conflict(
            "TASK_ALREADY_CLAIMED",
            "This finance task is claimed by " + task.getAssignee() + "; it stays theirs");
      }
      if (task.getAssignee() == null) {
        camunda
            .newAssignUserTaskCommand(userTaskKey)
            .assignee(principal.getName())
            .allowOverride(false)
            .action("claim")
            .send()
            .join();
      }
      camunda
          .newCompleteUserTaskCommand(userTaskKey)
          .variables(Map.of("resolution", body.resolution(), "note", body.note().strip()))
          .send()
          .join();
    } catch (ProblemException e) {
      if (e.code() == 404) {
        throw ApiException.notFound("TASK_NOT_FOUND", "No finance task " + userTaskKey);
      }
      if (e.code() >= 500) {
        throw e; // the engine is unavailable (e.g. shutting down): 503, not a refusal
      }
      throw ApiException.conflict(
          "TASK_COMMAND_REFUSED", e.details() == null ? e.getMessage() : e.details().getDetail());
    }
    return new FinanceTask(
        userTaskKey,
        task.getName(),
        principal.getName(),
        task.getProcessInstanceKey(),
        task.getCreationDate());
  }
}
