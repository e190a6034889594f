package org.redress.audit;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.UserTask;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.redress.engine.UserTaskHistory;

/**
 * The engine part of a case's timeline, read for one request: the case's process instances (the
 * root and every called one), their element instances and user tasks through the Camunda client's
 * searches, each page by page to the end ({@value #ENGINE_PAGE} items a request), and the user task
 * transitions from the embedded engine's record ({@link UserTaskHistory}), or, without it (cluster
 * mode), each task's creation and end from the user task search. One instance serves one read.
 */
final class EngineTimeline {

  /** Page size of each engine search. */
  static final int ENGINE_PAGE = 1000;

  static final String ENGINE = "engine";
  static final String ENGINE_CLIENT = "engine client";
  static final String TASK_LISTENER = "task listener";

  private final CamundaClient camunda;
  private final UserTaskHistory userTaskHistory;

  // what one read has found so far (an instance serves one read)
  private final List<TimelineEntry> entries = new ArrayList<>();
  private final Map<Long, Integer> depthOf = new HashMap<>();
  private final Map<Long, Long> childOfCallActivity = new HashMap<>();
  private final Map<Long, Long> parentOf = new HashMap<>();
  private final Map<Long, Long> maxKeyOf = new HashMap<>();
  private final Map<Long, Long> lastTaskEventOfElement = new HashMap<>();

  /**
   * @param userTaskHistory the embedded engine's user task record; null in cluster mode
   */
  EngineTimeline(CamundaClient camunda, UserTaskHistory userTaskHistory) {
    this.camunda = camunda;
    this.userTaskHistory = userTaskHistory;
  }

  /** The engine entries of the process instance {@code root} and every instance it called. */
  List<TimelineEntry> read(long root) {
    List<Long> instances = new ArrayList<>();
    Map<Long, ProcessInstance> processes = new HashMap<>();
    processes.put(root, camunda.newProcessInstanceGetRequest(root).send().join());
    Deque<Long> queue = new ArrayDeque<>();
    queue.add(root);
    depthOf.put(root, 0);
    while (!queue.isEmpty()) {
      long key = queue.poll();
      instances.add(key);
      for (ProcessInstance child :
          EnginePages.all(
              cursor ->
                  camunda
                      .newProcessInstanceSearchRequest()
                      .filter(f -> f.parentProcessInstanceKey(key))
                      .sort(s -> s.processInstanceKey().asc())
                      .page(p -> EnginePages.page(p, cursor))
                      .send()
                      .join())) {
        long childKey = child.getProcessInstanceKey();
        processes.put(childKey, child);
        depthOf.put(childKey, depthOf.get(key) + 1);
        parentOf.put(childKey, key);
        if (child.getParentElementInstanceKey() != null) {
          childOfCallActivity.put(child.getParentElementInstanceKey(), childKey);
        }
        queue.add(childKey);
      }
    }
    Map<Long, List<ElementInstance>> elements = new LinkedHashMap<>();
    for (long key : instances) {
      List<ElementInstance> found = EnginePages.elementInstances(camunda, key);
      elements.put(key, found);
      found.forEach(e -> raiseMax(key, e.getElementInstanceKey()));
      userTasks(key);
    }
    // a scope's largest key includes its called instances', deepest first
    instances.stream()
        .sorted(Comparator.comparing((Long k) -> depthOf.get(k)).reversed())
        .forEach(
            k -> {
              Long parent = parentOf.get(k);
              if (parent != null && maxKeyOf.containsKey(k)) {
                raiseMax(parent, maxKeyOf.get(k));
              }
            });
    elements.forEach((key, list) -> list.forEach(e -> element(e, depthOf.get(key))));
    elements.forEach(
        (key, list) -> {
          if (list.stream().noneMatch(e -> e.getType() == ElementInstanceType.PROCESS)) {
            process(processes.get(key), depthOf.get(key));
          }
        });
    return entries;
  }

  /** The process instance's start and end (the element search lists its elements only). */
  private void process(ProcessInstance p, int depth) {
    long key = p.getProcessInstanceKey();
    String name =
        p.getProcessDefinitionName() == null
            ? p.getProcessDefinitionId()
            : p.getProcessDefinitionName();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("processDefinitionId", p.getProcessDefinitionId());
    details.put("processInstanceKey", key);
    if (p.getParentProcessInstanceKey() != null) {
      details.put("parentProcessInstanceKey", p.getParentProcessInstanceKey());
    }
    entries.add(
        new TimelineEntry(
            new HistoryEntry(
                "process:" + key + ":started",
                instant(p.getStartDate()),
                "PROCESS",
                ENGINE,
                "PROCESS_STARTED",
                "Process " + name + " started",
                details),
            0,
            key,
            0));
    if (p.getEndDate() == null) {
      return;
    }
    String state = String.valueOf(p.getState());
    entries.add(
        new TimelineEntry(
            new HistoryEntry(
                "process:" + key + ":" + state.toLowerCase(Locale.ROOT),
                instant(p.getEndDate()),
                "PROCESS",
                ENGINE,
                "PROCESS_" + state,
                "Process " + name + " " + state.toLowerCase(Locale.ROOT),
                details),
            0,
            maxKeyOf.getOrDefault(key, key),
            1000 - 2L * depth));
  }

  private void element(ElementInstance e, int depth) {
    long key = e.getElementInstanceKey();
    String name = e.getElementName() == null ? e.getElementId() : e.getElementName();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("processDefinitionId", e.getProcessDefinitionId());
    details.put("processInstanceKey", e.getProcessInstanceKey());
    details.put("elementInstanceKey", key);
    details.put("elementId", e.getElementId());
    details.put("type", String.valueOf(e.getType()));
    entries.add(
        new TimelineEntry(
            new HistoryEntry(
                "element:" + key + ":activated",
                instant(e.getStartDate()),
                "PROCESS",
                ENGINE,
                "ELEMENT_ACTIVATED",
                name + " activated in " + e.getProcessDefinitionId(),
                details),
            0,
            key,
            0));
    if (e.getEndDate() == null || e.getState() == ElementInstanceState.ACTIVE) {
      return;
    }
    boolean completed = e.getState() == ElementInstanceState.COMPLETED;
    long major = key;
    long minor = 1;
    if (e.getType() == ElementInstanceType.PROCESS) {
      major = maxKeyOf.getOrDefault(key, key);
      minor = 1000 - 2L * depth;
    } else if (e.getType() == ElementInstanceType.CALL_ACTIVITY
        && childOfCallActivity.containsKey(key)) {
      major = maxKeyOf.getOrDefault(childOfCallActivity.get(key), key);
      minor = 1000 - (2L * depth + 1);
    } else if (lastTaskEventOfElement.containsKey(key)) {
      major = Math.max(key, lastTaskEventOfElement.get(key));
    }
    entries.add(
        new TimelineEntry(
            new HistoryEntry(
                "element:" + key + (completed ? ":completed" : ":terminated"),
                instant(e.getEndDate()),
                "PROCESS",
                ENGINE,
                completed ? "ELEMENT_COMPLETED" : "ELEMENT_TERMINATED",
                name
                    + (completed ? " completed in " : " terminated in ")
                    + e.getProcessDefinitionId(),
                details),
            0,
            major,
            minor));
  }

  /** The user tasks of one process instance and their transitions. */
  private void userTasks(long processInstanceKey) {
    Map<Long, UserTask> tasks = new LinkedHashMap<>();
    for (UserTask t :
        EnginePages.all(
            cursor ->
                camunda
                    .newUserTaskSearchRequest()
                    .filter(f -> f.processInstanceKey(processInstanceKey))
                    .sort(s -> s.creationDate().asc())
                    .page(p -> EnginePages.page(p, cursor))
                    .send()
                    .join())) {
      tasks.put(t.getUserTaskKey(), t);
    }
    if (userTaskHistory == null) {
      tasks.values().forEach(this::taskFromDates);
      return;
    }
    long after = -1;
    Map<Long, String> assigneeOf = new HashMap<>();
    while (true) {
      List<UserTaskHistory.Event> events =
          userTaskHistory.eventsOfProcessInstance(processInstanceKey, after, ENGINE_PAGE);
      for (UserTaskHistory.Event event : events) {
        UserTask task = tasks.get(event.userTaskKey());
        String previous = assigneeOf.get(event.userTaskKey());
        if ("ASSIGNED".equals(event.intent())) {
          assigneeOf.put(event.userTaskKey(), event.assignee());
        }
        taskEvent(event, task, previous);
        after = event.key();
      }
      if (events.size() < ENGINE_PAGE) {
        return;
      }
    }
  }

  private void taskEvent(UserTaskHistory.Event event, UserTask task, String previousAssignee) {
    String name = task == null || task.getName() == null ? event.elementId() : task.getName();
    if (task != null && task.getElementInstanceKey() != null) {
      lastTaskEventOfElement.merge(task.getElementInstanceKey(), event.key(), Math::max);
      raiseMax(event.processInstanceKey(), event.key());
    }
    String assignee = event.assignee();
    String action;
    String actor;
    String summary;
    switch (event.intent()) {
      case "CREATED" -> {
        action = "USER_TASK_CREATED";
        actor = ENGINE;
        summary = name + " created";
      }
      case "ASSIGNED" -> {
        if (assignee == null) {
          action = "USER_TASK_UNASSIGNED";
          actor = ENGINE_CLIENT;
          summary =
              name
                  + " unassigned"
                  + (previousAssignee == null ? "" : " (was " + previousAssignee + ")");
        } else if ("claim".equals(event.action())) {
          action = "USER_TASK_ASSIGNED";
          actor = assignee;
          summary = name + " claimed by " + assignee;
        } else {
          action = "USER_TASK_ASSIGNED";
          actor = ENGINE_CLIENT;
          summary = name + " assigned to " + assignee;
        }
      }
      case "UPDATED" -> {
        action = "USER_TASK_UPDATED";
        actor = ENGINE_CLIENT;
        summary = name + " updated" + (event.details() == null ? "" : ": " + event.details());
      }
      case "COMPLETED" -> {
        action = "USER_TASK_COMPLETED";
        actor = assignee == null ? ENGINE_CLIENT : assignee;
        summary = name + " completed" + (assignee == null ? "" : " by " + assignee);
      }
      case "CANCELED" -> {
        action = "USER_TASK_CANCELED";
        actor = ENGINE;
        summary = name + " canceled";
      }
      case "ASSIGNMENT_DENIED", "UPDATE_DENIED", "COMPLETION_DENIED" -> {
        action = "USER_TASK_" + event.intent();
        actor = TASK_LISTENER;
        String attempt =
            switch (event.intent()) {
              case "ASSIGNMENT_DENIED" -> "assignment";
              case "UPDATE_DENIED" -> "update";
              default -> "completion";
            };
        summary =
            name
                + ": "
                + attempt
                + (assignee == null ? "" : " by " + assignee)
                + " denied"
                + (event.details() == null ? "" : ": " + event.details());
      }
      default -> {
        return; // the start of a transition or a listener step: its outcome is the entry
      }
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("userTaskKey", event.userTaskKey());
    details.put("processInstanceKey", event.processInstanceKey());
    details.put("elementId", event.elementId());
    details.put("intent", event.intent());
    if (event.action() != null) {
      details.put("commandAction", event.action());
    }
    if (assignee != null) {
      details.put("assignee", assignee);
    }
    if (event.details() != null) {
      details.put("details", event.details());
    }
    entries.add(
        new TimelineEntry(
            new HistoryEntry(
                "task-event:" + event.key(),
                event.at(),
                "PROCESS",
                actor,
                action,
                summary,
                details),
            0,
            event.key(),
            0));
  }

  /** Cluster mode: what Camunda 8.8's user task search tells, a task's creation and its end. */
  private void taskFromDates(UserTask t) {
    long position =
        t.getElementInstanceKey() == null ? t.getUserTaskKey() : t.getElementInstanceKey();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("userTaskKey", t.getUserTaskKey());
    details.put("processInstanceKey", t.getProcessInstanceKey());
    details.put("elementId", t.getElementId());
    details.put("candidateGroups", t.getCandidateGroups());
    entries.add(
        new TimelineEntry(
            new HistoryEntry(
                "task:" + t.getUserTaskKey() + ":created",
                instant(t.getCreationDate()),
                "PROCESS",
                ENGINE,
                "USER_TASK_CREATED",
                t.getName() + " created",
                details),
            0,
            position,
            0));
    if (t.getCompletionDate() == null) {
      return;
    }
    boolean completed = t.getState() == UserTaskState.COMPLETED;
    String assignee = t.getAssignee();
    entries.add(
        new TimelineEntry(
            new HistoryEntry(
                "task:" + t.getUserTaskKey() + (completed ? ":completed" : ":ended"),
                instant(t.getCompletionDate()),
                "PROCESS",
                completed && assignee != null ? assignee : ENGINE,
                completed ? "USER_TASK_COMPLETED" : "USER_TASK_" + t.getState(),
                t.getName()
                    + (completed ? " completed" : " " + String.valueOf(t.getState()).toLowerCase())
                    + (completed && assignee != null ? " by " + assignee : ""),
                details),
            0,
            position,
            0));
  }

  private void raiseMax(long processInstanceKey, long key) {
    maxKeyOf.merge(processInstanceKey, key, Math::max);
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
