package org.redress.engine.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListenerEventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redress.engine.EngineHarness;
import org.redress.engine.EngineRejection;
import org.redress.engine.command.DeployResources;
import org.redress.engine.runtime.behavior.UserTaskBehavior;
import org.redress.engine.state.UserTask;

class UserTaskIT {

  private final EngineHarness engine = new EngineHarness();
  private final String id = "p" + UUID.randomUUID().toString().replace("-", "");

  @AfterEach
  void close() {
    engine.close();
  }

  private UserTask taskOf(long pi) {
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.putObject("filter").put("processInstanceKey", Long.toString(pi));
    return engine.userTaskQueries.search(request).items().get(0);
  }

  private UserTask reload(UserTask task) {
    return engine.userTaskQueries.get(task.key()).orElseThrow();
  }

  @Test
  void shouldCreateAssignAndCompleteWithVariablesWhenModelledAttributesEvaluate() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask(
                "UserTask_ReviewAppeal",
                u ->
                    u.zeebeUserTask()
                        .zeebeAssigneeExpression("reviewer")
                        .zeebeCandidateGroups("appeal-reviewers, senior-reviewers")
                        .zeebeDueDateExpression("due")
                        .zeebeTaskPriority("80"))
            .endEvent("End")
            .done());

    // when
    long pi = engine.start(id, Map.of("reviewer", "alice", "due", "2031-01-01T10:00:00Z"));

    // then
    UserTask task = taskOf(pi);
    assertThat(task.state()).isEqualTo("CREATED");
    assertThat(task.assignee()).isEqualTo("alice");
    assertThat(task.candidateGroups()).containsExactly("appeal-reviewers", "senior-reviewers");
    assertThat(task.dueDate()).isEqualTo(Instant.parse("2031-01-01T10:00:00Z"));
    assertThat(task.priority()).isEqualTo(80);
    assertThat(engine.lifecycle(pi)).contains("UserTask_ReviewAppeal:ELEMENT_ACTIVATED");

    // when
    engine.userTasks.complete(task.key(), Map.of("outcome", "OVERTURN"), null);

    // then
    assertThat(reload(task).state()).isEqualTo("COMPLETED");
    assertThat(reload(task).completionDate()).isNotNull();
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
    assertThat(engine.variables(pi)).containsEntry("outcome", "OVERTURN");
  }

  @Test
  void shouldRefuseReassignmentWhenOverrideIsNotAllowed() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask("UserTask_Review", u -> u.zeebeUserTask().zeebeAssignee("alice"))
            .endEvent()
            .done());
    UserTask task = taskOf(engine.start(id, Map.of()));

    // when / then
    assertThatThrownBy(() -> engine.userTasks.assign(task.key(), "bob", false, "claim"))
        .isInstanceOfSatisfying(
            EngineRejection.class,
            e -> assertThat(e.type()).isEqualTo(EngineRejection.Type.INVALID_STATE));
    engine.userTasks.assign(task.key(), "bob", true, null);
    assertThat(reload(task).assignee()).isEqualTo("bob");
    engine.userTasks.unassign(task.key());
    assertThat(reload(task).assignee()).isNull();
  }

  @Test
  void shouldKeepTaskOpenAndAssigneeUnchangedWhenCompletingListenerDenies() {
    // given a completing listener
    String listener = id + "-check-decider";
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask(
                "UserTask_Decide",
                u ->
                    u.zeebeUserTask()
                        .zeebeAssignee("alice")
                        .zeebeTaskListener(
                            l -> l.eventType(ZeebeTaskListenerEventType.completing).type(listener)))
            .endEvent()
            .done());
    long pi = engine.start(id, Map.of());
    UserTask task = taskOf(pi);

    // when a completion is requested
    engine.userTasks.complete(task.key(), Map.of("decision", "UPHOLD"), null);

    // then it waits for the listener
    assertThat(reload(task).state()).isEqualTo("COMPLETING");
    var job = engine.activate(listener);
    assertThat(job.job().kind()).isEqualTo("TASK_LISTENER");
    assertThat(job.job().listenerEventType()).isEqualTo("COMPLETING");

    // when the listener denies
    engine.jobs.complete(
        job.job().key(),
        Map.of(),
        new UserTaskBehavior.ListenerResult(true, "the decider imposed the ban", Map.of()));

    // then the task is open, unchanged, and the element still waits
    UserTask after = reload(task);
    assertThat(after.state()).isEqualTo("CREATED");
    assertThat(after.assignee()).isEqualTo("alice");
    assertThat(engine.processState(pi)).isEqualTo("ACTIVATED");
    assertThat(engine.variables(pi)).doesNotContainKey("decision");

    // when completed again and allowed
    engine.userTasks.complete(task.key(), Map.of("decision", "OVERTURN"), null);
    engine.jobs.complete(engine.activate(listener).job().key(), Map.of(), null);

    // then
    assertThat(reload(task).state()).isEqualTo("COMPLETED");
    assertThat(engine.variables(pi)).containsEntry("decision", "OVERTURN");
    assertThat(
            engine
                .jdbc
                .sql(
                    "SELECT intent || coalesce(':' || details, '') FROM engine.user_task_event"
                        + " WHERE user_task_key = :k ORDER BY key")
                .param("k", task.key())
                .query(String.class)
                .list())
        .containsExactly(
            "CREATING",
            "CREATED",
            "ASSIGNING",
            "ASSIGNED",
            "COMPLETING",
            "COMPLETION_DENIED:the decider imposed the ban",
            "COMPLETING",
            "COMPLETED");
  }

  @Test
  void shouldApplyCorrectionsWhenAssigningListenerCorrects() {
    // given
    String listener = id + "-route";
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask(
                "UserTask_Review",
                u ->
                    u.zeebeUserTask()
                        .zeebeTaskListener(
                            l -> l.eventType(ZeebeTaskListenerEventType.assigning).type(listener)))
            .endEvent()
            .done());
    UserTask task = taskOf(engine.start(id, Map.of()));

    // when
    engine.userTasks.assign(task.key(), "bob", true, null);
    assertThatThrownBy(() -> engine.userTasks.complete(task.key(), Map.of(), null))
        .isInstanceOf(EngineRejection.class)
        .hasMessageContaining("ASSIGNING");
    engine.jobs.complete(
        engine.activate(listener).job().key(),
        Map.of(),
        new UserTaskBehavior.ListenerResult(
            false, null, Map.of("assignee", "carol", "priority", 90)));

    // then
    assertThat(reload(task).assignee()).isEqualTo("carol");
    assertThat(reload(task).priority()).isEqualTo(90);
    assertThat(reload(task).state()).isEqualTo("CREATED");
  }

  @Test
  void shouldLinkLatestFormAndRaiseIncidentWhenFormIsMissing() {
    // given
    String formId = id + "-form";
    engine.deployResources.deploy(
        List.of(
            new DeployResources.Resource(
                "review.form",
                ("{\"id\":\"" + formId + "\",\"components\":[]}")
                    .getBytes(StandardCharsets.UTF_8))),
        "<default>");
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask("UserTask_Review", u -> u.zeebeUserTask().zeebeFormId(formId))
            .endEvent()
            .done());

    // when / then
    assertThat(taskOf(engine.start(id, Map.of())).formKey()).isNotNull();

    // given a model whose form is not deployed
    String other = id + "x";
    engine.deploy(
        Bpmn.createExecutableProcess(other)
            .startEvent()
            .userTask("UserTask_NoForm", u -> u.zeebeUserTask().zeebeFormId(other + "-missing"))
            .endEvent()
            .done());
    long pi = engine.start(other, Map.of());
    assertThat(engine.activeIncidents(pi).get(0)).containsEntry("error_type", "FORM_NOT_FOUND");
  }

  @Test
  void shouldCancelTaskWhenInstanceIsCancelled() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask("UserTask_Review", u -> u.zeebeUserTask())
            .endEvent()
            .done());
    long pi = engine.start(id, Map.of());
    UserTask task = taskOf(pi);

    // when
    engine.instances.cancel(pi);

    // then
    assertThat(reload(task).state()).isEqualTo("CANCELED");
    assertThatThrownBy(() -> engine.userTasks.complete(task.key(), Map.of(), null))
        .isInstanceOf(EngineRejection.class);
  }
}
