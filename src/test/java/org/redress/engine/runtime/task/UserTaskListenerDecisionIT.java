package org.redress.engine.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListenerEventType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redress.engine.EngineHarness;
import org.redress.engine.EngineRejection;
import org.redress.engine.command.ActivateJobs;
import org.redress.engine.command.UserTaskCommands;
import org.redress.engine.runtime.behavior.UserTaskBehavior;
import org.redress.engine.state.UserTask;

/**
 * User task commands answer when the listeners of their transition have decided (Camunda 8.8):
 * normally, rejected with the listener's reason, rejected because the task was canceled meanwhile,
 * or with a timeout while the transition goes on; also when another app instance on the same
 * database ended the transition. And a completing listener sees the completion's variables.
 */
class UserTaskListenerDecisionIT {

  private static final Duration DEADLINE = Duration.ofSeconds(20);

  private final EngineHarness engine = new EngineHarness();
  private final String id = "p" + UUID.randomUUID().toString().replace("-", "");
  private final String listener = id + "-listener";

  @AfterEach
  void close() {
    engine.close();
  }

  private long deployAndStart(ZeebeTaskListenerEventType eventType, Map<String, Object> vars) {
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask(
                "UserTask_Decide",
                u ->
                    u.zeebeUserTask()
                        .zeebeAssignee("alice")
                        .zeebeTaskListener(l -> l.eventType(eventType).type(listener)))
            .endEvent()
            .done());
    return engine.start(id, vars);
  }

  private UserTask taskOf(long pi) {
    long key =
        engine
            .jdbc
            .sql("SELECT key FROM engine.user_task WHERE process_instance_key = :pi")
            .param("pi", pi)
            .query(Long.class)
            .single();
    return engine.userTaskQueries.get(key).orElseThrow();
  }

  private UserTask reload(UserTask task) {
    return engine.userTaskQueries.get(task.key()).orElseThrow();
  }

  /** Sends the command on another thread, as an HTTP request would, and waits for its answer. */
  private CompletableFuture<Void> request(
      UserTaskCommands commands, Function<UserTaskCommands, UserTaskCommands.Transition> send) {
    return CompletableFuture.runAsync(
        () -> commands.awaitDecision(send.apply(commands)), work -> new Thread(work).start());
  }

  private ActivateJobs.ActivatedJob awaitListenerJob(long pi) {
    await().atMost(DEADLINE).until(() -> engine.jobs(pi).contains(listener + ":ACTIVATABLE"));
    return engine.activate(listener);
  }

  private static EngineRejection rejectionOf(CompletableFuture<Void> answer) throws Exception {
    try {
      answer.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof EngineRejection rejection) {
        return rejection;
      }
      throw e;
    }
    throw new AssertionError("Expected the request to be rejected, but it was answered normally");
  }

  @Test
  void shouldAnswerOnlyAfterListenerAcceptsWhenTaskIsCompleted() throws Exception {
    // given
    long pi = deployAndStart(ZeebeTaskListenerEventType.completing, Map.of());
    UserTask task = taskOf(pi);

    // when a completion is requested
    CompletableFuture<Void> answer =
        request(engine.userTasks, c -> c.complete(task.key(), Map.of("outcome", "UPHOLD"), null));

    // then it is not answered while the listener has not decided
    ActivateJobs.ActivatedJob job = awaitListenerJob(pi);
    assertThat(answer).isNotDone();
    assertThat(reload(task).state()).isEqualTo("COMPLETING");

    // when the listener accepts
    engine.jobs.complete(job.job().key(), Map.of(), null);

    // then the request is answered and the task completed
    answer.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    assertThat(reload(task).state()).isEqualTo("COMPLETED");
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
  }

  @Test
  void shouldRejectWithListenersReasonAndKeepTaskOpenWhenCompletingListenerDenies()
      throws Exception {
    // given
    long pi = deployAndStart(ZeebeTaskListenerEventType.completing, Map.of());
    UserTask task = taskOf(pi);
    CompletableFuture<Void> answer =
        request(engine.userTasks, c -> c.complete(task.key(), Map.of("outcome", "UPHOLD"), null));
    ActivateJobs.ActivatedJob job = awaitListenerJob(pi);

    // when the listener denies
    engine.jobs.complete(
        job.job().key(),
        Map.of(),
        new UserTaskBehavior.ListenerResult(true, "a rationale is required", Map.of()));

    // then the request is rejected with the reason, and the task is open and still assigned
    EngineRejection rejection = rejectionOf(answer);
    assertThat(rejection.type()).isEqualTo(EngineRejection.Type.INVALID_STATE);
    assertThat(rejection.getMessage())
        .isEqualTo(
            "Command 'COMPLETE' rejected with code 'INVALID_STATE': Completion of the User Task"
                + " with key '"
                + task.key()
                + "' was denied by Task Listener. Reason to deny: 'a rationale is required'");
    assertThat(reload(task).state()).isEqualTo("CREATED");
    assertThat(reload(task).assignee()).isEqualTo("alice");
    assertThat(engine.variables(pi)).doesNotContainKey("outcome");
  }

  @Test
  void shouldRejectAssignmentAndUpdateWhenTheirListenersDeny() throws Exception {
    // given assigning and updating listeners
    String updating = id + "-updating";
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .userTask(
                "UserTask_Decide",
                u ->
                    u.zeebeUserTask()
                        .zeebeTaskListener(
                            l -> l.eventType(ZeebeTaskListenerEventType.assigning).type(listener))
                        .zeebeTaskListener(
                            l -> l.eventType(ZeebeTaskListenerEventType.updating).type(updating)))
            .endEvent()
            .done());
    long pi = engine.start(id, Map.of());
    UserTask task = taskOf(pi);

    // when an assignment is denied
    CompletableFuture<Void> assignment =
        request(engine.userTasks, c -> c.assign(task.key(), "bob", true, null));
    engine.jobs.complete(
        awaitListenerJob(pi).job().key(),
        Map.of(),
        new UserTaskBehavior.ListenerResult(true, "bob is on leave", Map.of()));

    // then
    assertThat(rejectionOf(assignment).getMessage())
        .startsWith("Command 'ASSIGN' rejected with code 'INVALID_STATE': Assignment of the User")
        .endsWith("Reason to deny: 'bob is on leave'");
    assertThat(reload(task).assignee()).isNull();

    // when an update is denied
    CompletableFuture<Void> update =
        request(engine.userTasks, c -> c.update(task.key(), Map.of("priority", 90), null));
    await().atMost(DEADLINE).until(() -> engine.jobs(pi).contains(updating + ":ACTIVATABLE"));
    engine.jobs.complete(
        engine.activate(updating).job().key(),
        Map.of(),
        new UserTaskBehavior.ListenerResult(true, "priority is fixed", Map.of()));

    // then
    assertThat(rejectionOf(update).getMessage())
        .startsWith("Command 'UPDATE' rejected with code 'INVALID_STATE': Update of the User Task")
        .endsWith("Reason to deny: 'priority is fixed'");
    assertThat(reload(task).priority()).isEqualTo(50);
  }

  @Test
  void shouldAnswerAtOnceWhenTransitionHasNoListeners() {
    // given a completing listener only
    long pi = deployAndStart(ZeebeTaskListenerEventType.completing, Map.of());
    UserTask task = taskOf(pi);

    // when an assignment (no listeners) is requested
    UserTaskCommands.Transition transition = engine.userTasks.assign(task.key(), "bob", true, null);

    // then it ended within the command and is answered without waiting
    assertThat(transition.ended()).isNotNull();
    engine.userTasks.awaitDecision(transition);
    assertThat(reload(task).assignee()).isEqualTo("bob");
  }

  @Test
  void shouldAnswerTimeoutAndLetTransitionGoOnWhenListenerDoesNotDecideInTime() {
    // given commands that wait 300 ms
    long pi = deployAndStart(ZeebeTaskListenerEventType.completing, Map.of());
    UserTask task = taskOf(pi);
    UserTaskCommands impatient =
        engine.userTaskCommands(Duration.ofMillis(300), Duration.ofMillis(100));

    // when a completion is requested and nobody works on the listener job
    assertThatThrownBy(
            () -> impatient.awaitDecision(impatient.complete(task.key(), Map.of(), null)))
        // then the request times out (504) and the transition is still running
        .isInstanceOfSatisfying(
            EngineRejection.class,
            e -> assertThat(e.type()).isEqualTo(EngineRejection.Type.TIMEOUT));
    assertThat(reload(task).state()).isEqualTo("COMPLETING");

    // when the listener accepts later
    engine.completeJob(listener, Map.of());

    // then the completion finishes
    assertThat(reload(task).state()).isEqualTo("COMPLETED");
  }

  @Test
  void shouldAnswerWhenAnotherAppInstanceEndsTheTransition() throws Exception {
    // given a second engine on the same database, whose commits this one is not told about
    long pi = deployAndStart(ZeebeTaskListenerEventType.completing, Map.of());
    UserTask task = taskOf(pi);
    UserTaskCommands here = engine.userTaskCommands(Duration.ofSeconds(15), Duration.ofMillis(100));
    try (EngineHarness other = new EngineHarness()) {
      // when a denial and then an acceptance happen on the other engine
      CompletableFuture<Void> denied =
          request(here, c -> c.complete(task.key(), Map.of("outcome", "UPHOLD"), null));
      await().atMost(DEADLINE).until(() -> engine.jobs(pi).contains(listener + ":ACTIVATABLE"));
      other.jobs.complete(
          other.activate(listener).job().key(),
          Map.of(),
          new UserTaskBehavior.ListenerResult(true, "not yet", Map.of()));
      EngineRejection rejection = rejectionOf(denied);

      CompletableFuture<Void> accepted =
          request(here, c -> c.complete(task.key(), Map.of("outcome", "OVERTURN"), null));
      await().atMost(DEADLINE).until(() -> engine.jobs(pi).contains(listener + ":ACTIVATABLE"));
      other.completeJob(listener, Map.of());

      // then both requests got the right answer by looking at the database
      assertThat(rejection.getMessage()).endsWith("Reason to deny: 'not yet'");
      accepted.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
      assertThat(reload(task).state()).isEqualTo("COMPLETED");
      assertThat(engine.variables(pi)).containsEntry("outcome", "OVERTURN");
    }
  }

  @Test
  void shouldRejectPendingCompletionWhenInstanceIsCancelledWhileListenerRuns() throws Exception {
    // given a completion waiting for its listener
    long pi = deployAndStart(ZeebeTaskListenerEventType.completing, Map.of());
    UserTask task = taskOf(pi);
    CompletableFuture<Void> answer =
        request(engine.userTasks, c -> c.complete(task.key(), Map.of(), null));
    awaitListenerJob(pi);

    // when the instance is cancelled
    engine.instances.cancel(pi);

    // then the completion is rejected
    EngineRejection rejection = rejectionOf(answer);
    assertThat(rejection.type()).isEqualTo(EngineRejection.Type.INVALID_STATE);
    assertThat(rejection.getMessage()).contains("was canceled while its task listeners ran");
    assertThat(reload(task).state()).isEqualTo("CANCELED");
  }

  @Test
  void shouldShowCompletionVariablesToCompletingListenerWhenTaskIsCompleted() {
    // given process variables, one named like a completion variable
    long pi =
        deployAndStart(
            ZeebeTaskListenerEventType.completing, Map.of("outcome", "PENDING", "caseId", "c-1"));
    UserTask task = taskOf(pi);

    // when the task is completed with variables
    engine.userTasks.complete(
        task.key(),
        Map.of("outcome", "OVERTURN", "rationale", "no evidence", "policyReference", "P-7"),
        null);

    // then the listener job sees them over the process variables
    ActivateJobs.ActivatedJob job = engine.activate(listener);
    assertThat(job.variables())
        .containsEntry("outcome", "\"OVERTURN\"")
        .containsEntry("rationale", "\"no evidence\"")
        .containsEntry("policyReference", "\"P-7\"")
        .containsEntry("caseId", "\"c-1\"");

    // and a worker fetching some variables gets only those
    engine.jobs.fail(job.job().key(), 1, "again", Duration.ZERO, Map.of());
    List<ActivateJobs.ActivatedJob> fetched =
        engine.activateJobs.activateOnce(
            new ActivateJobs.Request(
                listener,
                "test",
                Duration.ofMinutes(1),
                1,
                List.of("outcome", "policyReference"),
                Duration.ZERO,
                List.of("<default>")));
    assertThat(fetched.get(0).variables())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("outcome", "\"OVERTURN\"", "policyReference", "\"P-7\""));

    // when the listener accepts
    engine.jobs.complete(fetched.get(0).job().key(), Map.of(), null);

    // then the completion variables reach the process
    assertThat(engine.variables(pi))
        .containsEntry("outcome", "OVERTURN")
        .containsEntry("policyReference", "P-7");
  }

  @Test
  void shouldRejectListenerCompletionWhenItCarriesVariablesOrDeniesWithCorrections() {
    // given a completing listener job
    long pi = deployAndStart(ZeebeTaskListenerEventType.completing, Map.of());
    UserTask task = taskOf(pi);
    engine.userTasks.complete(task.key(), Map.of(), null);
    long job = engine.activate(listener).job().key();

    // when / then: variables are refused, as in Camunda 8.8
    assertThatThrownBy(() -> engine.jobs.complete(job, Map.of("checked", true), null))
        .isInstanceOfSatisfying(
            EngineRejection.class,
            e -> assertThat(e.type()).isEqualTo(EngineRejection.Type.INVALID_ARGUMENT));
    // and so is a denial with corrections
    assertThatThrownBy(
            () ->
                engine.jobs.complete(
                    job,
                    Map.of(),
                    new UserTaskBehavior.ListenerResult(true, "no", Map.of("priority", 10))))
        .isInstanceOfSatisfying(
            EngineRejection.class,
            e -> assertThat(e.type()).isEqualTo(EngineRejection.Type.INVALID_ARGUMENT));
    assertThat(engine.jobState(job)).isEqualTo("ACTIVATED");
    assertThat(reload(task).state()).isEqualTo("COMPLETING");
  }
}
