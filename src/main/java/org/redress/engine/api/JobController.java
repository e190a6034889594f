package org.redress.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.redress.engine.ConditionalOnEmbeddedEngine;
import org.redress.engine.EngineProperties;
import org.redress.engine.EngineRejection;
import org.redress.engine.command.ActivateJobs;
import org.redress.engine.command.JobCommands;
import org.redress.engine.runtime.behavior.UserTaskBehavior;
import org.redress.engine.state.EngineQueries;
import org.redress.engine.state.Job;
import org.redress.engine.state.Json;
import org.redress.engine.state.UserTask;
import org.redress.engine.state.UserTaskQueries;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/** Job activation (long polling), completion, failure, BPMN errors, updates and search. */
@RestController
@ConditionalOnEmbeddedEngine
class JobController {

  private final ActivateJobs activateJobs;
  private final JobCommands jobCommands;
  private final EngineQueries queries;
  private final UserTaskQueries userTasks;
  private final long asyncTimeoutMillis;

  JobController(
      ActivateJobs activateJobs,
      JobCommands jobCommands,
      EngineQueries queries,
      UserTaskQueries userTasks,
      EngineProperties properties) {
    this.activateJobs = activateJobs;
    this.jobCommands = jobCommands;
    this.queries = queries;
    this.userTasks = userTasks;
    // The servlet container's default async timeout (Tomcat: 30 s) would cut long polls that the
    // engine allows up to maxRequestTimeout short with a 500; the engine always answers by then.
    this.asyncTimeoutMillis = properties.maxRequestTimeout().toMillis() + 10_000;
  }

  record ActivationRequest(
      String type,
      String worker,
      Long timeout,
      Integer maxJobsToActivate,
      List<String> fetchVariable,
      Long requestTimeout,
      List<String> tenantIds) {}

  record ActivatedJobResult(
      String type,
      String processDefinitionId,
      int processDefinitionVersion,
      String elementId,
      Map<String, String> customHeaders,
      String worker,
      int retries,
      long deadline,
      Map<String, Object> variables,
      String tenantId,
      String jobKey,
      String processInstanceKey,
      String processDefinitionKey,
      String elementInstanceKey,
      String kind,
      String listenerEventType,
      UserTaskProperties userTask,
      List<String> tags) {}

  /** What a task listener job knows of its user task. */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record UserTaskProperties(
      String action,
      String assignee,
      List<String> candidateGroups,
      List<String> candidateUsers,
      List<String> changedAttributes,
      String dueDate,
      String followUpDate,
      String formKey,
      Integer priority,
      String userTaskKey) {}

  record ActivationResult(List<ActivatedJobResult> jobs) {}

  record CompletionRequest(Map<String, Object> variables, JsonNode result) {}

  record FailRequest(
      Integer retries, String errorMessage, Long retryBackOff, Map<String, Object> variables) {}

  record ErrorRequest(String errorCode, String errorMessage, Map<String, Object> variables) {}

  record Changeset(Integer retries, Long timeout) {}

  record UpdateRequest(Changeset changeset, Long operationReference) {}

  record JobSearchResult(
      Map<String, String> customHeaders,
      String elementId,
      String elementInstanceKey,
      boolean hasFailedWithRetriesLeft,
      String jobKey,
      String kind,
      String listenerEventType,
      String processDefinitionId,
      String processDefinitionKey,
      String processInstanceKey,
      int retries,
      String state,
      String tenantId,
      String type,
      String worker,
      String deadline,
      String deniedReason,
      String endTime,
      String errorCode,
      String errorMessage,
      Boolean isDenied) {}

  @PostMapping("/v2/jobs/activation")
  DeferredResult<ActivationResult> activate(@RequestBody ActivationRequest body) {
    if (body.timeout() == null || body.maxJobsToActivate() == null) {
      throw EngineRejection.invalidArgument(
          "Expected 'type', 'timeout' and 'maxJobsToActivate' to activate jobs");
    }
    ActivateJobs.Request request =
        new ActivateJobs.Request(
            body.type(),
            body.worker() == null ? "default" : body.worker(),
            Duration.ofMillis(body.timeout()),
            body.maxJobsToActivate(),
            body.fetchVariable() == null ? List.of() : body.fetchVariable(),
            body.requestTimeout() == null ? null : Duration.ofMillis(body.requestTimeout()),
            ApiFormat.tenants(body.tenantIds()));
    DeferredResult<ActivationResult> result = new DeferredResult<>(asyncTimeoutMillis);
    activateJobs
        .activate(request)
        .thenApply(
            jobs ->
                new ActivationResult(
                    jobs.stream()
                        .map(a -> toActivated(a.job(), a.variables(), userTaskOf(a.job())))
                        .toList()))
        .whenComplete(
            (activated, error) -> {
              if (error != null) {
                result.setErrorResult(error);
              } else {
                result.setResult(activated);
              }
            });
    return result;
  }

  @PostMapping("/v2/jobs/{jobKey}/completion")
  ResponseEntity<Void> complete(
      @PathVariable long jobKey, @RequestBody(required = false) CompletionRequest body) {
    UserTaskBehavior.ListenerResult listenerResult = null;
    if (body != null && body.result() != null && !body.result().isNull()) {
      JsonNode result = body.result();
      String type = result.path("type").asText("userTask");
      if (!"userTask".equals(type)) {
        throw EngineRejection.invalidArgument(
            "Job results of type '" + type + "' are not supported by the embedded engine");
      }
      Map<String, Object> corrections = new java.util.LinkedHashMap<>();
      JsonNode c = result.path("corrections");
      if (c.isObject()) {
        c.fields()
            .forEachRemaining(
                e -> {
                  if (!e.getValue().isNull()) {
                    corrections.put(
                        e.getKey(), Json.mapper().convertValue(e.getValue(), Object.class));
                  }
                });
      }
      listenerResult =
          new UserTaskBehavior.ListenerResult(
              result.path("denied").asBoolean(false),
              result.path("deniedReason").isTextual() ? result.get("deniedReason").asText() : null,
              corrections);
    }
    jobCommands.complete(
        jobKey, body == null ? Map.of() : ApiFormat.orEmpty(body.variables()), listenerResult);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/v2/jobs/{jobKey}/failure")
  ResponseEntity<Void> fail(
      @PathVariable long jobKey, @RequestBody(required = false) FailRequest body) {
    FailRequest request = body == null ? new FailRequest(0, null, 0L, Map.of()) : body;
    long backOff = request.retryBackOff() == null ? 0 : request.retryBackOff();
    if (backOff < 0) {
      throw EngineRejection.invalidArgument(
          "Expected retryBackOff of 0 ms or more, but was " + backOff);
    }
    jobCommands.fail(
        jobKey,
        request.retries() == null ? 0 : request.retries(),
        request.errorMessage(),
        Duration.ofMillis(backOff),
        ApiFormat.orEmpty(request.variables()));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/v2/jobs/{jobKey}/error")
  ResponseEntity<Void> error(@PathVariable long jobKey, @RequestBody ErrorRequest body) {
    jobCommands.throwError(
        jobKey, body.errorCode(), body.errorMessage(), ApiFormat.orEmpty(body.variables()));
    return ResponseEntity.noContent().build();
  }

  @PatchMapping("/v2/jobs/{jobKey}")
  ResponseEntity<Void> update(@PathVariable long jobKey, @RequestBody UpdateRequest body) {
    if (body.changeset() == null) {
      throw EngineRejection.invalidArgument("Expected a 'changeset' to update job " + jobKey);
    }
    jobCommands.update(jobKey, body.changeset().retries(), body.changeset().timeout());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/v2/jobs/search")
  SearchResponse<JobSearchResult> search(@RequestBody(required = false) JsonNode body) {
    return SearchResponse.of(queries.searchJobs(body), JobController::toSearchResult);
  }

  private UserTaskProperties userTaskOf(Job job) {
    if (!"TASK_LISTENER".equals(job.kind())) {
      return null;
    }
    return userTasks
        .openTaskOf(job.elementInstanceKey())
        .map(
            t ->
                new UserTaskProperties(
                    actionOf(t),
                    t.assignee(),
                    t.candidateGroups(),
                    t.candidateUsers(),
                    changedAttributesOf(t),
                    ApiFormat.date(t.dueDate()),
                    ApiFormat.date(t.followUpDate()),
                    ApiFormat.key(t.formKey()),
                    t.priority(),
                    ApiFormat.key(t.key())))
        .orElse(null);
  }

  private static String actionOf(UserTask task) {
    if (task.pending() == null) {
      return null;
    }
    Object action = ((Map<?, ?>) Json.read(task.pending())).get("action");
    return action == null ? null : action.toString();
  }

  @SuppressWarnings("unchecked")
  private static List<String> changedAttributesOf(UserTask task) {
    if (task.pending() == null) {
      return List.of();
    }
    Object changed = ((Map<?, ?>) Json.read(task.pending())).get("changedAttributes");
    return changed instanceof List<?> list ? (List<String>) list : List.of();
  }

  private static ActivatedJobResult toActivated(
      Job job, Map<String, String> variables, UserTaskProperties userTask) {
    return new ActivatedJobResult(
        job.type(),
        job.bpmnProcessId(),
        job.version(),
        job.elementId(),
        job.customHeaders(),
        job.worker(),
        job.retries(),
        job.deadline().toEpochMilli(),
        ApiFormat.rawVariables(variables, null),
        job.tenantId(),
        ApiFormat.key(job.key()),
        ApiFormat.key(job.processInstanceKey()),
        ApiFormat.key(job.processDefinitionKey()),
        ApiFormat.key(job.elementInstanceKey()),
        job.kind(),
        job.listenerEventType(),
        userTask,
        List.of());
  }

  private static JobSearchResult toSearchResult(Job job) {
    return new JobSearchResult(
        job.customHeaders(),
        job.elementId(),
        ApiFormat.key(job.elementInstanceKey()),
        job.hasFailedWithRetriesLeft(),
        ApiFormat.key(job.key()),
        job.kind(),
        job.listenerEventType(),
        job.bpmnProcessId(),
        ApiFormat.key(job.processDefinitionKey()),
        ApiFormat.key(job.processInstanceKey()),
        job.retries(),
        job.intent(),
        job.tenantId(),
        job.type(),
        job.worker() == null ? "" : job.worker(),
        ApiFormat.date(job.deadline()),
        null,
        ApiFormat.date(job.endTime()),
        job.errorCode(),
        job.errorMessage(),
        null);
  }
}
