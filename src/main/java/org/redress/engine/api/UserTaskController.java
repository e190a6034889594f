package org.redress.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.engine.ConditionalOnEmbeddedEngine;
import org.redress.engine.EngineRejection;
import org.redress.engine.command.UserTaskCommands;
import org.redress.engine.state.FormStore;
import org.redress.engine.state.UserTask;
import org.redress.engine.state.UserTaskQueries;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Camunda user tasks: search, get, assign, unassign, update, complete, linked form. Assign,
 * unassign, update and complete answer once the task listeners of their transition have decided
 * (204, or 409 when one denied; 504 when they take longer than {@code
 * redress.engine.user-task-request-timeout}).
 */
@RestController
@ConditionalOnEmbeddedEngine
class UserTaskController {

  private final UserTaskCommands commands;
  private final UserTaskQueries queries;
  private final FormStore forms;

  UserTaskController(UserTaskCommands commands, UserTaskQueries queries, FormStore forms) {
    this.commands = commands;
    this.queries = queries;
    this.forms = forms;
  }

  record UserTaskResult(
      String name,
      String state,
      String assignee,
      String elementId,
      List<String> candidateGroups,
      List<String> candidateUsers,
      String processDefinitionId,
      String creationDate,
      String completionDate,
      String followUpDate,
      String dueDate,
      String tenantId,
      String externalFormReference,
      int processDefinitionVersion,
      Map<String, String> customHeaders,
      int priority,
      String userTaskKey,
      String elementInstanceKey,
      String processName,
      String processDefinitionKey,
      String processInstanceKey,
      String formKey) {}

  record AssignmentRequest(String assignee, Boolean allowOverride, String action) {}

  record CompletionRequest(Map<String, Object> variables, String action) {}

  record UpdateRequest(Map<String, Object> changeset, String action) {}

  record FormResult(String tenantId, String formId, String schema, long version, String formKey) {}

  @PostMapping("/v2/user-tasks/search")
  SearchResponse<UserTaskResult> search(@RequestBody(required = false) JsonNode body) {
    // one name lookup per process definition, not per task
    Map<Long, String> processNames = new java.util.HashMap<>();
    return SearchResponse.of(
        queries.search(body),
        t ->
            toResult(
                t, processNames.computeIfAbsent(t.processDefinitionKey(), queries::processName)));
  }

  @GetMapping("/v2/user-tasks/{userTaskKey}")
  UserTaskResult get(@PathVariable long userTaskKey) {
    UserTask task = find(userTaskKey);
    return toResult(task, queries.processName(task.processDefinitionKey()));
  }

  @GetMapping("/v2/user-tasks/{userTaskKey}/form")
  ResponseEntity<FormResult> form(@PathVariable long userTaskKey) {
    UserTask task = find(userTaskKey);
    if (task.formKey() == null) {
      return ResponseEntity.noContent().build();
    }
    return forms
        .byKey(task.formKey())
        .map(
            f ->
                ResponseEntity.ok(
                    new FormResult(
                        f.tenantId(), f.formId(), f.schema(), f.version(), ApiFormat.key(f.key()))))
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  @PostMapping("/v2/user-tasks/{userTaskKey}/assignment")
  ResponseEntity<Void> assign(@PathVariable long userTaskKey, @RequestBody AssignmentRequest body) {
    commands.awaitDecision(
        releasingSlot(
            commands.assign(
                userTaskKey,
                body.assignee(),
                body.allowOverride() == null || body.allowOverride(),
                body.action())));
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/v2/user-tasks/{userTaskKey}/assignee")
  ResponseEntity<Void> unassign(@PathVariable long userTaskKey) {
    commands.awaitDecision(releasingSlot(commands.unassign(userTaskKey)));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/v2/user-tasks/{userTaskKey}/completion")
  ResponseEntity<Void> complete(
      @PathVariable long userTaskKey, @RequestBody(required = false) CompletionRequest body) {
    commands.awaitDecision(
        releasingSlot(
            commands.complete(
                userTaskKey,
                body == null ? Map.of() : ApiFormat.orEmpty(body.variables()),
                body == null ? null : body.action())));
    return ResponseEntity.noContent().build();
  }

  @PatchMapping("/v2/user-tasks/{userTaskKey}")
  ResponseEntity<Void> update(
      @PathVariable long userTaskKey, @RequestBody(required = false) UpdateRequest body) {
    Map<String, Object> changes = new LinkedHashMap<>();
    if (body != null && body.changeset() != null) {
      for (String attribute :
          List.of("dueDate", "followUpDate", "candidateGroups", "candidateUsers", "priority")) {
        if (body.changeset().containsKey(attribute) && body.changeset().get(attribute) != null) {
          changes.put(attribute, body.changeset().get(attribute));
        }
      }
    }
    commands.awaitDecision(
        releasingSlot(commands.update(userTaskKey, changes, body == null ? null : body.action())));
    return ResponseEntity.noContent().build();
  }

  private UserTask find(long userTaskKey) {
    return queries
        .get(userTaskKey)
        .orElseThrow(
            () ->
                EngineRejection.notFound(
                    "Expected to find user task with key '"
                        + userTaskKey
                        + "', but none was found"));
  }

  private static UserTaskResult toResult(UserTask t, String processName) {
    return new UserTaskResult(
        t.name(),
        t.state(),
        t.assignee(),
        t.elementId(),
        t.candidateGroups(),
        t.candidateUsers(),
        t.bpmnProcessId(),
        ApiFormat.date(t.creationDate()),
        ApiFormat.date(t.completionDate()),
        ApiFormat.date(t.followUpDate()),
        ApiFormat.date(t.dueDate()),
        t.tenantId(),
        t.externalFormReference(),
        t.version(),
        t.customHeaders(),
        t.priority(),
        ApiFormat.key(t.key()),
        ApiFormat.key(t.elementInstanceKey()),
        processName,
        ApiFormat.key(t.processDefinitionKey()),
        ApiFormat.key(t.processInstanceKey()),
        ApiFormat.key(t.formKey()));
  }

  /** The transition is committed; its wait for the listeners must not hold a back-pressure slot. */
  private static UserTaskCommands.Transition releasingSlot(UserTaskCommands.Transition transition) {
    BackpressureFilter.releaseCurrentSlot();
    return transition;
  }
}
