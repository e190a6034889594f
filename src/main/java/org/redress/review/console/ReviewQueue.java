package org.redress.review.console;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.review.AppealReviewProcess;

/**
 * The review queue: the open {@code appeal-review} tasks of the caller's candidate groups, and
 * nothing else (a reviewer never sees another group's task), by priority (highest first) then due
 * date (earliest first) like the review API, with the case facts a reviewer needs at a glance.
 * Engine data comes through the Camunda client (user tasks, process variables), Redress data from
 * {@link QueueFacts}.
 */
public class ReviewQueue {

  /** The most tasks one queue page shows; the rest follow once these are done. */
  static final int LIMIT = 200;

  static final Comparator<QueueRow> ORDER =
      Comparator.comparingInt(QueueRow::priority)
          .reversed()
          .thenComparing(r -> r.due() == null ? Instant.MAX : r.due())
          .thenComparingLong(QueueRow::userTaskKey);

  private final CamundaClient camunda;
  private final QueueFacts facts;
  private final Clock clock;

  ReviewQueue(CamundaClient camunda, QueueFacts facts, Clock clock) {
    this.camunda = camunda;
    this.facts = facts;
    this.clock = clock;
  }

  /** The caller's queue, filtered. */
  public List<QueueRow> rows(String me, List<String> groups, QueueFilter filter) {
    if (groups.isEmpty()) {
      return List.of();
    }
    List<UserTask> tasks =
        camunda
            .newUserTaskSearchRequest()
            .filter(
                f ->
                    f.state(UserTaskState.CREATED)
                        .bpmnProcessId(AppealReviewProcess.PROCESS_ID)
                        .candidateGroup(g -> g.in(groups)))
            .sort(s -> s.priority().desc().dueDate().asc())
            .page(p -> p.limit(LIMIT))
            .send()
            .join()
            .items();
    Map<Long, QueueFacts.Facts> caseFacts =
        facts.of(tasks.stream().map(UserTask::getProcessInstanceKey).distinct().toList());
    Map<Long, Map<String, String>> flags =
        variables(
            tasks.stream().map(UserTask::getProcessInstanceKey).distinct().toList(),
            List.of(
                AppealReviewProcess.VAR_FOUR_EYES_REQUIRED,
                AppealReviewProcess.VAR_URGENT_HUMAN_CONTACT));
    Instant now = clock.instant();
    List<QueueRow> rows = new ArrayList<>();
    for (UserTask task : tasks) {
      QueueRow row =
          row(
              task,
              caseFacts.get(task.getProcessInstanceKey()),
              flags.getOrDefault(task.getProcessInstanceKey(), Map.of()));
      if (filter.matches(row, me, now)) {
        rows.add(row);
      }
    }
    rows.sort(ORDER);
    return rows;
  }

  static QueueRow row(UserTask task, QueueFacts.Facts facts, Map<String, String> variables) {
    boolean approval = AppealReviewProcess.ELEMENT_APPROVE_DECISION.equals(task.getElementId());
    List<String> groups = task.getCandidateGroups() == null ? List.of() : task.getCandidateGroups();
    return new QueueRow(
        task.getUserTaskKey(),
        approval ? QueueRow.APPROVAL : QueueRow.REVIEW,
        facts == null ? null : facts.caseId(),
        facts == null ? null : facts.appealId(),
        task.getPriority() == null ? 0 : task.getPriority(),
        task.getDueDate() == null ? null : task.getDueDate().toInstant(),
        task.getAssignee(),
        groups,
        "true".equals(variables.get(AppealReviewProcess.VAR_FOUR_EYES_REQUIRED)),
        // escalate-review adds the senior group to the first-level review task
        !approval && groups.contains(AppealReviewProcess.GROUP_SENIOR_REVIEWERS),
        "true".equals(variables.get(AppealReviewProcess.VAR_URGENT_HUMAN_CONTACT)),
        facts != null && facts.talkToPerson(),
        facts == null ? List.of() : facts.frozen(),
        facts == null ? null : facts.language());
  }

  /** Process-level variables (JSON text) of the instances, by instance key and name. */
  Map<Long, Map<String, String>> variables(List<Long> processInstanceKeys, List<String> names) {
    Map<Long, Map<String, String>> values = new HashMap<>();
    if (processInstanceKeys.isEmpty()) {
      return values;
    }
    List<Variable> found =
        camunda
            .newVariableSearchRequest()
            .filter(
                f -> f.processInstanceKey(k -> k.in(processInstanceKeys)).name(n -> n.in(names)))
            .page(p -> p.limit(processInstanceKeys.size() * names.size() + 10))
            .send()
            .join()
            .items();
    for (Variable v : found) {
      // process-level variables only: a local variable of the same name must not decide a flag
      if (v.getScopeKey() != null && v.getScopeKey().equals(v.getProcessInstanceKey())) {
        values
            .computeIfAbsent(v.getProcessInstanceKey(), k -> new LinkedHashMap<>())
            .put(v.getName(), v.getValue());
      }
    }
    return values;
  }
}
