package org.redress.funds.release;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redress.shared.security.Identities;

/**
 * Rejected payouts waiting in the {@code finance-ops} user task of {@code fund-release} (role
 * FINANCE), and their resolution: the one place the finance API and the finance console page both
 * go through, so both refuse the same things. Engine access only through the Camunda client.
 */
public class PayoutResolutions {

  /** The resolutions of {@code resolve-payout.form}. */
  public static final Set<String> RESOLUTIONS =
      Set.of("RETRIED_MANUALLY", "DESTINATION_UPDATED", "FUNDS_LEFT_IN_WALLET");

  private final CamundaClient camunda;

  PayoutResolutions(CamundaClient camunda) {
    this.camunda = camunda;
  }

  /** An open finance task. */
  public record OpenTask(
      long userTaskKey,
      String name,
      String assignee,
      long processInstanceKey,
      OffsetDateTime createdAt) {}

  /**
   * Why a resolution was refused.
   *
   * @param code RESOLUTION_INVALID (field {@code resolution} or {@code note}), TASK_NOT_FOUND,
   *     TASK_ALREADY_CLAIMED (argument: who holds it) or TASK_COMMAND_REFUSED (the engine's reason)
   */
  public static class Refused extends RuntimeException {
    private final String code;
    private final String field;

    Refused(String code, String field, String message) {
      super(message);
      this.code = code;
      this.field = field;
    }

    public String code() {
      return code;
    }

    /** The form field at fault, or null. */
    public String field() {
      return field;
    }
  }

  public List<OpenTask> open() {
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
        .map(PayoutResolutions::open)
        .toList();
  }

  /** The open finance task with that key. */
  public OpenTask get(long userTaskKey) {
    return open(task(userTaskKey));
  }

  /** Records how a rejected payout was resolved; claims the task for the caller first. */
  public OpenTask resolve(long userTaskKey, String resolution, String note, String user) {
    if (resolution == null || !RESOLUTIONS.contains(resolution)) {
      throw new Refused(
          "RESOLUTION_INVALID",
          "resolution",
          "resolution must be one of " + RESOLUTIONS + " and a note is required");
    }
    if (note == null || note.isBlank()) {
      throw new Refused("RESOLUTION_INVALID", "note", "a note is required");
    }
    UserTask task;
    try {
      task = task(userTaskKey);
      if (task.getAssignee() != null && !Identities.same(task.getAssignee(), user)) {
        // Someone else holds it: their work is not taken over silently (as in the review API).
        throw new Refused(
            "TASK_ALREADY_CLAIMED",
            null,
            "This finance task is claimed by " + task.getAssignee() + "; it stays theirs");
      }
      if (task.getAssignee() == null) {
        camunda
            .newAssignUserTaskCommand(userTaskKey)
            .assignee(user)
            .allowOverride(false)
            .action("claim")
            .send()
            .join();
      }
      camunda
          .newCompleteUserTaskCommand(userTaskKey)
          .variables(Map.of("resolution", resolution, "note", note.strip()))
          .send()
          .join();
    } catch (ProblemException e) {
      if (e.code() == 404) {
        throw notFound(userTaskKey);
      }
      if (e.code() >= 500) {
        throw e; // the engine is unavailable (e.g. shutting down): 503, not a refusal
      }
      throw new Refused(
          "TASK_COMMAND_REFUSED",
          null,
          e.details() == null ? e.getMessage() : e.details().getDetail());
    }
    return new OpenTask(
        userTaskKey, task.getName(), user, task.getProcessInstanceKey(), task.getCreationDate());
  }

  private UserTask task(long userTaskKey) {
    try {
      UserTask task = camunda.newUserTaskGetRequest(userTaskKey).send().join();
      if (!FundReleaseProcess.ELEMENT_RESOLVE_PAYOUT.equals(task.getElementId())) {
        throw notFound(userTaskKey);
      }
      return task;
    } catch (ProblemException e) {
      if (e.code() == 404) {
        throw notFound(userTaskKey);
      }
      throw e;
    }
  }

  private static Refused notFound(long userTaskKey) {
    return new Refused("TASK_NOT_FOUND", null, "No finance task " + userTaskKey);
  }

  private static OpenTask open(UserTask t) {
    return new OpenTask(
        t.getUserTaskKey(),
        t.getName(),
        t.getAssignee(),
        t.getProcessInstanceKey(),
        t.getCreationDate());
  }
}
