package org.redress.funds.release;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import org.redress.shared.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finance operations (role FINANCE): rejected payouts wait in the {@code finance-ops} user task of
 * {@code fund-release} until a person resolves them (in Tasklist on a cluster, here, or on the
 * console's finance page), all through {@link PayoutResolutions}.
 */
@RestController
@RequestMapping("/api/finance/tasks")
class FinanceTaskController {

  private final PayoutResolutions resolutions;

  FinanceTaskController(PayoutResolutions resolutions) {
    this.resolutions = resolutions;
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
    return resolutions.open().stream().map(FinanceTaskController::view).toList();
  }

  /** Records how a rejected payout was resolved; claims the task for the caller first. */
  @PostMapping("/{userTaskKey}/resolution")
  FinanceTask resolve(
      @PathVariable long userTaskKey, @RequestBody Resolution body, Principal principal) {
    try {
      return view(
          resolutions.resolve(
              userTaskKey,
              body == null ? null : body.resolution(),
              body == null ? null : body.note(),
              principal.getName()));
    } catch (PayoutResolutions.Refused e) {
      throw switch (e.code()) {
        case "RESOLUTION_INVALID" ->
            new ApiException(422, e.code(), "Invalid resolution", e.getMessage());
        case "TASK_NOT_FOUND" -> ApiException.notFound(e.code(), e.getMessage());
        default -> ApiException.conflict(e.code(), e.getMessage());
      };
    }
  }

  private static FinanceTask view(PayoutResolutions.OpenTask t) {
    return new FinanceTask(
        t.userTaskKey(), t.name(), t.assignee(), t.processInstanceKey(), t.createdAt());
  }
}
