package org.redress.engine.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.UserTaskBuilder;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListenerEventType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redress.engine.EngineHarness;
import org.redress.engine.EngineRejection;
import org.redress.engine.command.ActivateJobs;
import org.redress.engine.runtime.behavior.UserTaskBehavior;
import org.redress.engine.state.UserTask;

/**
 * Camunda 8.8 {@code canceling} task listeners: terminating a user task's element (interrupting
 * boundary event, cancellation, terminate end event, interrupting event sub-process, cancellation
 * of a parent instance) puts the task in CANCELING and runs the listeners one after the other; the
 * element stays TERMINATING, and what the termination leads to happens only after the last listener
 * job completed.
 */
class UserTaskCancelingListenerIT {

  private EngineHarness engine = new EngineHarness();
  private final String id = "p" + UUID.randomUUID().toString().replace("-", "");
  private final String archive = id + "-archive";
  private final String notify = id + "-notify";

  @AfterEach
  void close() {
    engine.close();
  }

  private UserTaskBuilder cancelingListeners(UserTaskBuilder task) {
    return task.zeebeUserTask()
        .zeebeAssignee("alice")
        .zeebeTaskListener(l -> l.eventType(ZeebeTaskListenerEventType.canceling).type(archive))
        .zeebeTaskListener(l -> l.eventType(ZeebeTaskListenerEventType.canceling).type(notify));
  }

  private UserTask taskOf(long pi) {
    return engine
        .jdbc
        .sql("SELECT key FROM engine.user_task WHERE process_instance_key = :pi")
        .param("pi", pi)
        .query(Long.class)
        .list()
        .stream()
        .map(key -> engine.userTaskQueries.get(key).orElseThrow())
        .findFirst()
        .orElseThrow();
  }

  private void withdraw(String caseId) {
    engine.messages.publish(id + "-withdrawn", caseId, Duration.ZERO, null, Map.of(), "<default>");
  }

  private void deployWithWithdrawalBoundary() {
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask("UserTask_Review", this::cancelingListeners)
            .boundaryEvent(
                "BoundaryEvent_Withdrawn",
                b ->
                    b.message(
                        m -> m.name(id + "-withdrawn").zeebeCorrelationKeyExpression("caseId")))
            .serviceTask("ServiceTask_Close", t -> t.zeebeJobType(id + "-close"))
            .endEvent("EndEvent_Withdrawn")
            .moveToActivity("UserTask_Review")
            .endEvent("EndEvent_Reviewed")
            .done());
  }

  @Test
  void shouldRunCancelingListenersBeforeBoundaryPathWhenInterruptingBoundaryEventFires() {
    // given a reviewed task with two canceling listeners and a withdrawal boundary event
    deployWithWithdrawalBoundary();
    long pi = engine.start(id, Map.of("caseId", "c-1"));
    UserTask task = taskOf(pi);

    // when the appeal is withdrawn
    withdraw("c-1");

    // then the task is canceling, the element terminating, and the boundary path has not started
    assertThat(engine.userTaskQueries.get(task.key()).orElseThrow().state()).isEqualTo("CANCELING");
    assertThat(engine.elementStates(pi, "UserTask_Review")).containsExactly("TERMINATING");
    assertThat(engine.elementStates(pi, "BoundaryEvent_Withdrawn")).isEmpty();
    ActivateJobs.ActivatedJob first = engine.activate(archive);
    assertThat(first.job().kind()).isEqualTo("TASK_LISTENER");
    assertThat(first.job().listenerEventType()).isEqualTo("CANCELING");
    assertThat(engine.jobs(pi)).noneMatch(j -> j.startsWith(notify));

    // when the first listener completes
    engine.jobs.complete(first.job().key(), Map.of(), null);

    // then the second one runs, still before the boundary path
    assertThat(engine.elementStates(pi, "BoundaryEvent_Withdrawn")).isEmpty();
    ActivateJobs.ActivatedJob second = engine.activate(notify);
    assertThat(second.job().listenerEventType()).isEqualTo("CANCELING");

    // when the second listener completes
    engine.jobs.complete(second.job().key(), Map.of(), null);

    // then the task is canceled, the element terminated, and the boundary path continues
    assertThat(engine.userTaskQueries.get(task.key()).orElseThrow().state()).isEqualTo("CANCELED");
    assertThat(engine.elementStates(pi, "UserTask_Review")).containsExactly("TERMINATED");
    assertThat(engine.lifecycle(pi))
        .containsSubsequence(
            "UserTask_Review:ELEMENT_TERMINATING",
            "UserTask_Review:ELEMENT_TERMINATED",
            "BoundaryEvent_Withdrawn:ELEMENT_ACTIVATING",
            "BoundaryEvent_Withdrawn:ELEMENT_COMPLETED",
            "ServiceTask_Close:ELEMENT_ACTIVATED");
    assertThat(
            engine
                .jdbc
                .sql(
                    "SELECT intent FROM engine.user_task_event WHERE user_task_key = :k ORDER BY"
                        + " event_time, key")
                .param("k", task.key())
                .query(String.class)
                .list())
        .endsWith("CANCELING", "CANCELED");
    engine.completeJob(id + "-close", Map.of());
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
  }

  @Test
  void shouldContinueBoundaryPathAfterRestartWhenCancelingListenerCompletesOnNewEngine() {
    // given a withdrawal whose canceling listeners have not run yet
    deployWithWithdrawalBoundary();
    long pi = engine.start(id, Map.of("caseId", "c-2"));
    withdraw("c-2");

    // when the engine restarts (nothing survives but the database) and the listeners complete
    engine.close();
    engine = new EngineHarness();
    engine.completeJob(archive, Map.of());
    engine.completeJob(notify, Map.of());

    // then the boundary path continues from the persisted state
    assertThat(engine.elementStates(pi, "UserTask_Review")).containsExactly("TERMINATED");
    assertThat(engine.elementStates(pi, "BoundaryEvent_Withdrawn")).containsExactly("COMPLETED");
    assertThat(engine.jobs(pi)).contains(id + "-close:ACTIVATABLE");
  }

  @Test
  void shouldTerminateInstanceOnlyAfterCancelingListenersCompleteWhenInstanceIsCancelled() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask("UserTask_Review", this::cancelingListeners)
            .endEvent()
            .done());
    long pi = engine.start(id, Map.of());
    UserTask task = taskOf(pi);

    // when the instance is cancelled
    engine.instances.cancel(pi);

    // then it waits for the canceling listeners, and cannot be cancelled a second time
    assertThat(engine.processState(pi)).isEqualTo("TERMINATING");
    assertThat(engine.userTaskQueries.get(task.key()).orElseThrow().state()).isEqualTo("CANCELING");
    assertThatThrownBy(() -> engine.instances.cancel(pi))
        .isInstanceOfSatisfying(
            EngineRejection.class,
            e -> assertThat(e.type()).isEqualTo(EngineRejection.Type.NOT_FOUND));

    // when the listeners complete
    engine.completeJob(archive, Map.of());
    assertThat(engine.processState(pi)).isEqualTo("TERMINATING");
    engine.completeJob(notify, Map.of());

    // then the task is canceled and the instance terminated
    assertThat(engine.userTaskQueries.get(task.key()).orElseThrow().state()).isEqualTo("CANCELED");
    assertThat(engine.processState(pi)).isEqualTo("TERMINATED");
    assertThat(engine.lifecycle(pi))
        .containsSubsequence(
            id + ":ELEMENT_TERMINATING",
            "UserTask_Review:ELEMENT_TERMINATING",
            "UserTask_Review:ELEMENT_TERMINATED",
            id + ":ELEMENT_TERMINATED");
  }

  @Test
  void shouldCompleteScopeOnlyAfterCancelingListenersCompleteWhenTerminateEndEventIsReached() {
    // given a task in one branch and a terminate end event in the other
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .parallelGateway("Fork")
            .userTask("UserTask_Review", this::cancelingListeners)
            .endEvent("EndEvent_Reviewed")
            .moveToNode("Fork")
            .serviceTask("ServiceTask_Expire", t -> t.zeebeJobType(id + "-expire"))
            .endEvent("EndEvent_Expired", e -> e.terminate())
            .done());
    long pi = engine.start(id, Map.of());

    // when the other branch reaches the terminate end event
    engine.completeJob(id + "-expire", Map.of());

    // then the instance waits for the canceling listeners
    assertThat(engine.elementStates(pi, "EndEvent_Expired")).containsExactly("COMPLETED");
    assertThat(engine.elementStates(pi, "UserTask_Review")).containsExactly("TERMINATING");
    assertThat(engine.processState(pi)).isEqualTo("ACTIVATED");

    // when they complete
    engine.completeJob(archive, Map.of());
    engine.completeJob(notify, Map.of());

    // then the instance completes
    assertThat(engine.elementStates(pi, "UserTask_Review")).containsExactly("TERMINATED");
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
  }

  @Test
  void shouldStartEventSubProcessOnlyAfterCancelingListenersCompleteWhenItInterrupts() {
    // given an interrupting message event sub-process around the task
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .eventSubProcess(
                "EventSubProcess_Withdrawn",
                e ->
                    e.startEvent("StartEvent_Withdrawn")
                        .message(
                            m -> m.name(id + "-withdrawn").zeebeCorrelationKeyExpression("caseId"))
                        .serviceTask("ServiceTask_Close", t -> t.zeebeJobType(id + "-close"))
                        .endEvent("EndEvent_Withdrawn"))
            .startEvent()
            .userTask("UserTask_Review", this::cancelingListeners)
            .endEvent()
            .done());
    long pi = engine.start(id, Map.of("caseId", "c-3"));

    // when the message interrupts
    withdraw("c-3");

    // then the event sub-process waits for the canceling listeners
    assertThat(engine.elementStates(pi, "UserTask_Review")).containsExactly("TERMINATING");
    assertThat(engine.elementStates(pi, "EventSubProcess_Withdrawn")).isEmpty();

    // when they complete
    engine.completeJob(archive, Map.of());
    engine.completeJob(notify, Map.of());

    // then it starts
    assertThat(engine.elementStates(pi, "UserTask_Review")).containsExactly("TERMINATED");
    assertThat(engine.elementStates(pi, "EventSubProcess_Withdrawn")).containsExactly("ACTIVATED");
    engine.completeJob(id + "-close", Map.of());
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
  }

  @Test
  void shouldStartErrorBoundaryOfSubProcessOnlyAfterCancelingListenersCompleteWhenErrorIsThrown() {
    // given a sub-process with the task and a service task whose error the sub-process catches
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess(
                "SubProcess_Case",
                s ->
                    s.embeddedSubProcess()
                        .startEvent()
                        .parallelGateway("Fork")
                        .userTask("UserTask_Review", this::cancelingListeners)
                        .endEvent()
                        .moveToNode("Fork")
                        .serviceTask("ServiceTask_Check", t -> t.zeebeJobType(id + "-check"))
                        .endEvent())
            .boundaryEvent("BoundaryEvent_Invalid", b -> b.error("CASE_INVALID"))
            .endEvent("EndEvent_Invalid")
            .moveToActivity("SubProcess_Case")
            .endEvent("EndEvent_Done")
            .done());
    long pi = engine.start(id, Map.of());

    // when the check throws the error
    engine.jobs.throwError(
        engine.activate(id + "-check").job().key(), "CASE_INVALID", "invalid", Map.of());

    // then the sub-process waits for the task's canceling listeners
    assertThat(engine.elementStates(pi, "SubProcess_Case")).containsExactly("TERMINATING");
    assertThat(engine.elementStates(pi, "BoundaryEvent_Invalid")).isEmpty();

    // when they complete
    engine.completeJob(archive, Map.of());
    engine.completeJob(notify, Map.of());

    // then the boundary path runs and the instance completes
    assertThat(engine.elementStates(pi, "SubProcess_Case")).containsExactly("TERMINATED");
    assertThat(engine.elementStates(pi, "EndEvent_Invalid")).containsExactly("COMPLETED");
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
  }

  @Test
  void shouldTerminateParentOnlyAfterChildsCancelingListenersCompleteWhenParentIsCancelled() {
    // given a parent whose call activity runs a child with the task
    String child = id + "child";
    engine.deploy(
        Bpmn.createExecutableProcess(child)
            .startEvent()
            .userTask("UserTask_Review", this::cancelingListeners)
            .endEvent()
            .done());
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .callActivity("CallActivity_Review", c -> c.zeebeProcessId(child))
            .endEvent()
            .done());
    long pi = engine.start(id, Map.of());
    long childKey =
        engine
            .jdbc
            .sql(
                "SELECT key FROM engine.element_instance WHERE parent_process_instance_key = :k"
                    + " AND type = 'PROCESS'")
            .param("k", pi)
            .query(Long.class)
            .single();

    // when the parent is cancelled
    engine.instances.cancel(pi);

    // then parent, call activity and child wait for the listeners
    assertThat(engine.processState(pi)).isEqualTo("TERMINATING");
    assertThat(engine.elementStates(pi, "CallActivity_Review")).containsExactly("TERMINATING");
    assertThat(engine.processState(childKey)).isEqualTo("TERMINATING");

    // when they complete
    engine.completeJob(archive, Map.of());
    engine.completeJob(notify, Map.of());

    // then all are terminated
    assertThat(engine.processState(childKey)).isEqualTo("TERMINATED");
    assertThat(engine.elementStates(pi, "CallActivity_Review")).containsExactly("TERMINATED");
    assertThat(engine.processState(pi)).isEqualTo("TERMINATED");
  }

  @Test
  void shouldStartCallActivitysBoundaryOnlyAfterChildsCancelingListenersCompleteWhenItFires() {
    // given a call activity with a withdrawal boundary event, whose child waits in the task
    String child = id + "child";
    engine.deploy(
        Bpmn.createExecutableProcess(child)
            .startEvent()
            .userTask("UserTask_Review", this::cancelingListeners)
            .endEvent()
            .done());
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .callActivity("CallActivity_Review", c -> c.zeebeProcessId(child))
            .boundaryEvent(
                "BoundaryEvent_Withdrawn",
                b ->
                    b.message(
                        m -> m.name(id + "-withdrawn").zeebeCorrelationKeyExpression("caseId")))
            .endEvent("EndEvent_Withdrawn")
            .moveToActivity("CallActivity_Review")
            .endEvent("EndEvent_Reviewed")
            .done());
    long pi = engine.start(id, Map.of("caseId", "c-5"));

    // when the appeal is withdrawn
    withdraw("c-5");

    // then the call activity waits for the child's canceling listeners
    assertThat(engine.elementStates(pi, "CallActivity_Review")).containsExactly("TERMINATING");
    assertThat(engine.elementStates(pi, "BoundaryEvent_Withdrawn")).isEmpty();

    // when they complete (commands on the child instance)
    engine.completeJob(archive, Map.of());
    engine.completeJob(notify, Map.of());

    // then the call activity terminated and the boundary path ended the parent
    assertThat(engine.elementStates(pi, "CallActivity_Review")).containsExactly("TERMINATED");
    assertThat(engine.elementStates(pi, "EndEvent_Withdrawn")).containsExactly("COMPLETED");
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
  }

  @Test
  void shouldCreateCancelingListenerJobWhenIncidentOfItsTypeExpressionIsResolved() {
    // given a canceling listener whose job type comes from a variable that is not set
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask(
                "UserTask_Review",
                u ->
                    u.zeebeUserTask()
                        .zeebeTaskListener(
                            l ->
                                l.eventType(ZeebeTaskListenerEventType.canceling)
                                    .type("=archiveJobType")))
            .endEvent()
            .done());
    long pi = engine.start(id, Map.of());
    engine.instances.cancel(pi);
    assertThat(engine.activeIncidents(pi)).hasSize(1);
    assertThat(engine.processState(pi)).isEqualTo("TERMINATING");

    // when the variable is set and the incident resolved
    engine.instances.setVariables(pi, Map.of("archiveJobType", archive), false);
    engine.instances.resolveIncident((Long) engine.activeIncidents(pi).get(0).get("key"));

    // then the listener job exists, and completing it ends the instance
    engine.completeJob(archive, Map.of());
    assertThat(engine.processState(pi)).isEqualTo("TERMINATED");
  }

  @Test
  void shouldRejectDenialAndKeepWaitingWhenCancelingListenerDenies() {
    // given a canceling listener job
    deployWithWithdrawalBoundary();
    long pi = engine.start(id, Map.of("caseId", "c-4"));
    UserTask task = taskOf(pi);
    withdraw("c-4");
    ActivateJobs.ActivatedJob job = engine.activate(archive);

    // when the listener tries to deny the cancellation
    assertThatThrownBy(
            () ->
                engine.jobs.complete(
                    job.job().key(),
                    Map.of(),
                    new UserTaskBehavior.ListenerResult(true, "keep it", Map.of())))
        // then that is refused as in Camunda 8.8, and nothing changed
        .isInstanceOfSatisfying(
            EngineRejection.class,
            e -> {
              assertThat(e.type()).isEqualTo(EngineRejection.Type.INVALID_ARGUMENT);
              assertThat(e.getMessage()).contains("'CANCELING' listener cannot deny");
            });
    assertThat(engine.jobState(job.job().key())).isEqualTo("ACTIVATED");
    assertThat(engine.userTaskQueries.get(task.key()).orElseThrow().state()).isEqualTo("CANCELING");

    // when it completes without denial (and the next listener too)
    engine.jobs.complete(job.job().key(), Map.of(), null);
    engine.completeJob(notify, Map.of());

    // then the cancellation goes on
    assertThat(engine.userTaskQueries.get(task.key()).orElseThrow().state()).isEqualTo("CANCELED");
    assertThat(engine.elementStates(pi, "BoundaryEvent_Withdrawn")).containsExactly("COMPLETED");
  }

  @Test
  void shouldCancelPendingCompletionAndRunCancelingListenersWhenInstanceIsCancelledMeanwhile() {
    // given a completion waiting for its completing listener
    String check = id + "-check";
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask(
                "UserTask_Review",
                u ->
                    cancelingListeners(u)
                        .zeebeTaskListener(
                            l -> l.eventType(ZeebeTaskListenerEventType.completing).type(check)))
            .endEvent()
            .done());
    long pi = engine.start(id, Map.of());
    UserTask task = taskOf(pi);
    engine.userTasks.complete(task.key(), Map.of("outcome", "UPHOLD"), null);
    assertThat(engine.jobs(pi)).contains(check + ":ACTIVATABLE");

    // when the instance is cancelled
    engine.instances.cancel(pi);

    // then the completing listener's job is canceled and the canceling listeners run
    assertThat(engine.jobs(pi)).contains(check + ":CANCELED", archive + ":ACTIVATABLE");
    engine.completeJob(archive, Map.of());
    engine.completeJob(notify, Map.of());
    assertThat(engine.userTaskQueries.get(task.key()).orElseThrow().state()).isEqualTo("CANCELED");
    assertThat(engine.processState(pi)).isEqualTo("TERMINATED");
    assertThat(engine.variables(pi)).doesNotContainKey("outcome");
  }
}
