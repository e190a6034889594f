package org.redress.engine.runtime;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.model.ExecutableBoundaryEvent;
import org.redress.engine.model.ExecutableCallActivity;
import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.model.ExecutableParallelGateway;
import org.redress.engine.model.ExecutableSequenceFlow;
import org.redress.engine.runtime.behavior.Evaluated;
import org.redress.engine.runtime.behavior.ExpressionBehavior;
import org.redress.engine.runtime.behavior.Failure;
import org.redress.engine.runtime.behavior.VariableBehavior;
import org.redress.engine.state.ElementInstance;
import org.redress.engine.state.ElementState;
import org.redress.engine.state.Incident;
import org.redress.engine.state.InstanceState;
import org.redress.engine.state.Job;
import org.redress.engine.state.JobState;
import org.redress.engine.state.Json;
import org.redress.engine.state.TakenSequenceFlow;
import org.redress.engine.state.UserTask;
import org.redress.engine.state.UserTaskTransition;

/**
 * Interprets one process instance inside one command. Work is a FIFO queue of follow-up steps
 * (activate an element, complete an element), drained by {@link #run()}, as Zeebe processes the
 * follow-up commands it writes. Pass-through elements go through their whole lifecycle in one step.
 * Everything happens on the in-memory {@link InstanceState}; the command writes it back.
 *
 * <p>Termination may wait: a user task with {@code canceling} task listeners stays TERMINATING
 * until their jobs complete (a later command), and so do the scopes around it and a call activity
 * whose child instance waits. What was to happen after the termination (the interrupting boundary
 * event, the interrupting event sub-process, completing the scope of a terminate end event, ending
 * a cancelled instance) happens when the last waiting element has terminated; the boundary and
 * event sub-process to start are kept in the element rows ({@link Trigger}) for that.
 */
public final class ProcessInstanceRunner {

  /**
   * An event to activate once an interruption has terminated what it interrupts: a boundary event
   * (kept on the interrupted element, activated in its flow scope) or an event sub-process (kept on
   * the interrupted scope, activated in it).
   *
   * @param payload the event's variables: written as locals of the new instance ({@code asLocals},
   *     error variables) or kept for its completion (message variables)
   */
  public record Trigger(String elementId, Map<String, Object> payload, boolean asLocals) {}

  private final InstanceState state;
  private final DeployedProcess process;
  private final EngineServices services;
  private final VariableBehavior variables;
  private final Deque<Runnable> queue = new ArrayDeque<>();
  private final Map<Long, Integer> pendingActivations = new HashMap<>();
  private final Map<Long, ExecutableSequenceFlow> chosenFlows = new HashMap<>();
  private final List<LifecycleEvent> events = new ArrayList<>();
  private final Set<String> createdJobTypes = new LinkedHashSet<>();
  private final Map<Long, Map<String, Object>> payloads = new HashMap<>();
  private final Map<Long, Integer> scopeGenerations = new HashMap<>();
  private final Instant now;
  private String startElementId;
  private final boolean startedActive;
  private final List<ProcessInstanceRunner> linked = new ArrayList<>();
  // elements whose processor keeps them TERMINATING (a user task running canceling listeners, a
  // call activity whose child instance waits); released by terminationReleased
  private final Set<Long> heldTerminations = new HashSet<>();
  // scopes whose children are being terminated by a call further up the stack: a child that
  // finishes must not complete, terminate or interrupt the scope under that call's feet
  private final Set<Long> busyScopes = new HashSet<>();
  private final List<UserTaskTransition> endedTransitions = new ArrayList<>();
  private EventBehavior eventBehavior;
  private UserTaskBehavior userTaskBehavior;

  public ProcessInstanceRunner(
      InstanceState state, DeployedProcess process, EngineServices services) {
    this.state = state;
    this.process = process;
    this.services = services;
    this.variables = new VariableBehavior(state, services.keys()::nextKey);
    this.now = services.clock().now();
    this.startedActive = state.processInstance().isActive() || state.processInstance().isNewRow();
  }

  // ---- entry points used by commands -------------------------------------------------------

  /** Activates the (new) process instance with its root variables, then its none start event. */
  public void startProcess(Map<String, Object> rootVariables) {
    startProcessAt(null, rootVariables);
  }

  /**
   * Activates the (new) process instance at the given start event (a message or timer start), or at
   * the none start event when {@code startEventId} is null.
   */
  public void startProcessAt(String startEventId, Map<String, Object> rootVariables) {
    this.startElementId = startEventId;
    ElementInstance pi = state.processInstance();
    event(pi, "ELEMENT_ACTIVATING");
    variables.mergeLocal(pi.key(), rootVariables);
    activateWithProcessor(process.process(), pi);
  }

  /** Queues completion of a waiting element with a payload (job result, for example). */
  public void completeElement(ElementInstance instance, Map<String, Object> payload) {
    queue.add(() -> complete(instance, payload));
  }

  /** Terminates the whole instance (cancel command). */
  public void cancel() {
    queue.clear();
    terminate(state.processInstance());
  }

  /**
   * Resolves an incident: a job incident makes the job activatable again; any other incident
   * re-runs the step that failed (activation with input mappings, or completion).
   */
  public void resolveIncident(Incident incident) {
    incident.resolve(now);
    if (incident.jobKey() != null) {
      Job job = state.job(incident.jobKey());
      if (job != null && !job.state().isFinal()) {
        job.makeActivatable();
        createdJobTypes.add(job.type());
      }
      return;
    }
    ElementInstance element = state.element(incident.elementInstanceKey());
    if (element == null || !element.isActive()) {
      return;
    }
    UserTask task = state.userTaskOf(element.key());
    if (task != null && task.pending() != null && !hasOpenListenerJob(element)) {
      // a listener's job type or retries could not be evaluated: create that listener's job now
      userTasks().retryListener(task);
      return;
    }
    if (element.state() == ElementState.ACTIVATING) {
      ExecutableFlowNode node = nodeOf(element);
      queue.add(() -> activateExisting(node, element));
    } else if (element.state() == ElementState.COMPLETING) {
      queue.add(() -> complete(element, Map.of()));
    }
  }

  /** Drains the queue of follow-up steps. */
  public void run() {
    Runnable step;
    while ((step = queue.poll()) != null) {
      step.run();
    }
  }

  // ---- lifecycle, for processors -----------------------------------------------------------

  /** ACTIVATING → ACTIVATED: the element now waits (for a job, a child, ...). */
  public void activated(ElementInstance instance) {
    instance.transitionTo(ElementState.ACTIVATED, now);
    event(instance, "ELEMENT_ACTIVATED");
  }

  /** Completes an element right away (pass-through), with an optional payload. */
  public void completeNow(ElementInstance instance, Map<String, Object> payload) {
    if (instance.state() == ElementState.ACTIVATING) {
      activated(instance);
    }
    complete(instance, payload);
  }

  /** Queues activation of an element in a flow scope (taking a flow: no event payload). */
  public void activate(ExecutableFlowNode node, long flowScopeKey) {
    activate(node, flowScopeKey, null, false);
  }

  /**
   * Queues activation of an element with an event payload: written as local variables of the new
   * instance ({@code asLocals}, e.g. error variables), or kept for the element's completion (see
   * {@link #takePayload}).
   */
  public void activate(
      ExecutableFlowNode node, long flowScopeKey, Map<String, Object> payload, boolean asLocals) {
    pendingActivations.merge(flowScopeKey, 1, Integer::sum);
    int generation = scopeGenerations.getOrDefault(flowScopeKey, 0);
    queue.add(
        () -> {
          if (generation != scopeGenerations.getOrDefault(flowScopeKey, 0)) {
            return; // a terminate end event ended the scope's tokens
          }
          pendingActivations.merge(flowScopeKey, -1, Integer::sum);
          ElementInstance scope = state.element(flowScopeKey);
          if (scope == null || scope.state() != ElementState.ACTIVATED) {
            return; // the scope was terminated meanwhile
          }
          activateNew(node, scope, payload, asLocals);
        });
  }

  /** The payload an event brought to this instance (empty when none); consumed by the call. */
  public Map<String, Object> takePayload(ElementInstance instance) {
    Map<String, Object> payload = payloads.remove(instance.key());
    return payload == null ? Map.of() : payload;
  }

  public boolean hasPayload(ElementInstance instance) {
    return payloads.containsKey(instance.key());
  }

  /** The start event the process instance was created at; null = its none start event. */
  public String startElementId() {
    return startElementId;
  }

  /**
   * Ends every other token of the end event's flow scope (terminate end event): active siblings are
   * terminated, queued activations and waiting join tokens dropped.
   */
  public void terminateSiblings(ElementInstance endEvent) {
    ElementInstance scope = state.element(endEvent.flowScopeKey());
    busyScopes.add(scope.key());
    for (ElementInstance sibling : state.activeChildren(scope.key())) {
      if (sibling.key() != endEvent.key()) {
        terminate(sibling);
      }
    }
    busyScopes.remove(scope.key());
    // siblings still TERMINATING (canceling listeners) keep the scope open: it completes when the
    // last of them has terminated (afterTerminated)
    scopeGenerations.merge(scope.key(), 1, Integer::sum);
    pendingActivations.put(scope.key(), 0);
    scope.clearTakenFlows();
  }

  /**
   * An interrupting event sub-process starts in the scope: terminates every active child, then
   * activates the event sub-process, at once or, when children wait for canceling listeners, once
   * the last of them has terminated.
   */
  public void interrupt(ElementInstance scope, Trigger eventSubProcess) {
    busyScopes.add(scope.key());
    for (ElementInstance child : state.activeChildren(scope.key())) {
      terminate(child);
    }
    busyScopes.remove(scope.key());
    if (state.activeChildren(scope.key()).isEmpty()) {
      activateTrigger(eventSubProcess, scope.key());
    } else {
      scope.setPendingTrigger(Json.write(eventSubProcess));
    }
  }

  /** Takes the given flows (in order), or ends the token when there are none. */
  public void takeOutgoingFlows(
      ExecutableFlowNode node, ElementInstance instance, List<ExecutableSequenceFlow> flows) {
    if (flows.isEmpty()) {
      childEnded(instance.flowScopeKey());
      return;
    }
    for (ExecutableSequenceFlow flow : flows) {
      takeFlow(flow, instance);
    }
  }

  /** Terminates an element and everything inside it. */
  public void terminate(ElementInstance instance) {
    terminate(instance, null);
  }

  /**
   * Terminates an element and everything inside it, then activates {@code then} (an interrupting
   * boundary event) in its flow scope. When something inside waits (canceling task listeners), the
   * element stays TERMINATING and both happen when the wait is over, in a later command.
   */
  public void terminate(ElementInstance instance, Trigger then) {
    if (!instance.isActive() || instance.state() == ElementState.TERMINATING) {
      return;
    }
    instance.transitionTo(ElementState.TERMINATING, now);
    event(instance, "ELEMENT_TERMINATING");
    instance.setPendingTrigger(then == null ? null : Json.write(then));
    catchEvents().closeCatchEvents(instance);
    for (Incident incident : state.activeIncidents(instance.key())) {
      incident.resolve(now);
    }
    busyScopes.add(instance.key());
    for (ElementInstance child : state.activeChildren(instance.key())) {
      terminate(child);
    }
    services
        .processors()
        .forElement(nodeOf(instance))
        .onTerminate(nodeOf(instance), instance, this);
    busyScopes.remove(instance.key());
    if (!heldTerminations.contains(instance.key())
        && state.activeChildren(instance.key()).isEmpty()) {
      finishTermination(instance);
    }
  }

  /**
   * Keeps a TERMINATING element from terminating when its processor's {@code onTerminate} returns:
   * it waits for something (canceling task listeners, a child instance) and the processor calls
   * {@link #terminationReleased} when that is over.
   */
  public void holdTermination(ElementInstance instance) {
    heldTerminations.add(instance.key());
  }

  /** What held the element's termination is over: terminate it unless children still wait. */
  public void terminationReleased(ElementInstance instance) {
    heldTerminations.remove(instance.key());
    if (instance.state() == ElementState.TERMINATING
        && !busyScopes.contains(instance.key())
        && state.activeChildren(instance.key()).isEmpty()) {
      finishTermination(instance);
    }
  }

  private void finishTermination(ElementInstance instance) {
    instance.transitionTo(ElementState.TERMINATED, now);
    event(instance, "ELEMENT_TERMINATED");
    Trigger then = trigger(instance);
    instance.setPendingTrigger(null);
    afterTerminated(instance, then);
  }

  /**
   * Continues after an element has terminated: its boundary event starts; or its scope, waiting for
   * its last child, goes on: a terminating scope terminates, an interrupted one starts its event
   * sub-process, and one whose tokens a terminate end event ended completes. While a call further
   * up the stack is terminating the scope's children, that call decides instead.
   */
  private void afterTerminated(ElementInstance instance, Trigger then) {
    if (instance.type() == BpmnElementType.PROCESS) {
      return; // the command reports the end of the instance
    }
    ElementInstance scope = state.element(instance.flowScopeKey());
    if (scope == null) {
      return;
    }
    if (then != null && scope.state() == ElementState.ACTIVATED) {
      activateTrigger(then, scope.key());
      return;
    }
    if (busyScopes.contains(scope.key()) || !state.activeChildren(scope.key()).isEmpty()) {
      return;
    }
    if (scope.state() == ElementState.TERMINATING) {
      if (!heldTerminations.contains(scope.key())) {
        finishTermination(scope);
      }
    } else if (scope.state() == ElementState.ACTIVATED) {
      Trigger eventSubProcess = trigger(scope);
      if (eventSubProcess != null) {
        scope.setPendingTrigger(null);
        activateTrigger(eventSubProcess, scope.key());
      } else {
        childEnded(scope.key());
      }
    }
  }

  private void activateTrigger(Trigger trigger, long scopeKey) {
    activate(
        process.process().element(trigger.elementId()),
        scopeKey,
        trigger.payload(),
        trigger.asLocals());
  }

  private static Trigger trigger(ElementInstance instance) {
    return instance.pendingTrigger() == null
        ? null
        : Json.mapper().convertValue(Json.read(instance.pendingTrigger()), Trigger.class);
  }

  private boolean hasOpenListenerJob(ElementInstance element) {
    for (Job job : state.jobs()) {
      if (job.elementInstanceKey() == element.key()
          && "TASK_LISTENER".equals(job.kind())
          && !job.state().isFinal()) {
        return true;
      }
    }
    return false;
  }

  /** Raises an incident on the element; it stays in its current state until resolved. */
  public void raiseIncident(ElementInstance instance, Failure failure, Long jobKey) {
    state.addIncident(
        new Incident(
            services.keys().nextKey(),
            failure.errorType(),
            failure.message(),
            "ACTIVE",
            instance.elementId(),
            instance.key(),
            jobKey,
            instance.processInstanceKey(),
            instance.processDefinitionKey(),
            instance.bpmnProcessId(),
            instance.tenantId(),
            now,
            null,
            true));
  }

  /** Creates a job for a waiting element. */
  public Job createJob(
      ElementInstance instance, String type, int retries, Map<String, String> headers) {
    return createJob(instance, type, retries, headers, "BPMN_ELEMENT", "UNSPECIFIED");
  }

  /** Creates a job of a given kind (BPMN_ELEMENT, or TASK_LISTENER with its event type). */
  public Job createJob(
      ElementInstance instance,
      String type,
      int retries,
      Map<String, String> headers,
      String kind,
      String listenerEventType) {
    Job job =
        new Job(
            services.keys().nextKey(),
            type,
            JobState.ACTIVATABLE,
            "CREATED",
            kind,
            listenerEventType,
            retries,
            null,
            null,
            null,
            null,
            null,
            headers,
            instance.elementId(),
            instance.key(),
            variables.scopeChain(instance.key()),
            instance.processInstanceKey(),
            instance.processDefinitionKey(),
            instance.bpmnProcessId(),
            instance.version(),
            instance.tenantId(),
            false,
            now,
            null,
            true);
    state.addJob(job);
    createdJobTypes.add(type);
    return job;
  }

  /** Announces, after commit, that a job of this type can be activated. */
  public void jobActivatable(Job job) {
    createdJobTypes.add(job.type());
  }

  /** Remembers the flow an exclusive gateway chose while activating, for its completion. */
  public void chooseFlow(ElementInstance gateway, ExecutableSequenceFlow flow) {
    chosenFlows.put(gateway.key(), flow);
  }

  public ExecutableSequenceFlow chosenFlow(ElementInstance gateway) {
    return chosenFlows.get(gateway.key());
  }

  public Map<String, Object> visibleVariables(ElementInstance instance) {
    return variables.visible(instance.key());
  }

  public EngineServices services() {
    return services;
  }

  public ExpressionBehavior expressions() {
    return services.expressions();
  }

  public InstanceState state() {
    return state;
  }

  /** The engine time of this command: every date it writes is this instant. */
  public Instant now() {
    return now;
  }

  public DeployedProcess process() {
    return process;
  }

  // ---- results for the command -------------------------------------------------------------

  public List<LifecycleEvent> events() {
    return Collections.unmodifiableList(events);
  }

  public Set<String> createdJobTypes() {
    return createdJobTypes;
  }

  /** User task transitions that ended in this command (for the requests waiting for them). */
  public List<UserTaskTransition> endedTransitions() {
    return endedTransitions;
  }

  /** Records that a user task transition ended (finished, denied or canceled). */
  public void transitionEnded(UserTaskTransition transition) {
    endedTransitions.add(transition);
  }

  public VariableBehavior variables() {
    return variables;
  }

  // ---- call activities ---------------------------------------------------------------------

  /** Starts a child process instance for a call activity, in this command. */
  public ProcessInstanceRunner spawnChild(
      DeployedProcess child, ElementInstance callActivity, Map<String, Object> variables) {
    long key = services.keys().nextKey();
    ElementInstance pi =
        new ElementInstance(
            key,
            key,
            child.key(),
            child.definition().bpmnProcessId(),
            child.definition().version(),
            child.definition().bpmnProcessId(),
            child.process().info().name(),
            BpmnElementType.PROCESS,
            -1,
            ElementState.ACTIVATING,
            now,
            null,
            callActivity.processInstanceKey(),
            callActivity.key(),
            callActivity.tenantId(),
            null,
            null,
            true);
    ProcessInstanceRunner childRunner =
        new ProcessInstanceRunner(InstanceState.created(pi), child, services);
    childRunner.startProcess(variables);
    childRunner.run();
    linked.add(childRunner);
    return childRunner;
  }

  /** Terminates the child instance of a call activity (it is being terminated itself). */
  public void terminateChildOf(ElementInstance callActivity) {
    for (ProcessInstanceRunner runner : linked) {
      ElementInstance pi = runner.state().processInstance();
      if (Long.valueOf(callActivity.key()).equals(pi.parentElementInstanceKey())) {
        runner.cancel();
        runner.run();
        holdWhileActive(callActivity, runner);
        return;
      }
    }
    services
        .instances()
        .activeChildInstance(callActivity.key())
        .flatMap(key -> services.instances().lockAndLoad(key))
        .ifPresent(
            childState -> {
              DeployedProcess child =
                  services
                      .definitions()
                      .byKey(childState.processInstance().processDefinitionKey())
                      .orElseThrow();
              ProcessInstanceRunner childRunner =
                  new ProcessInstanceRunner(childState, child, services);
              childRunner.cancel();
              childRunner.run();
              linked.add(childRunner);
              holdWhileActive(callActivity, childRunner);
            });
  }

  /** A child that waits for canceling task listeners keeps its call activity TERMINATING. */
  private void holdWhileActive(ElementInstance callActivity, ProcessInstanceRunner child) {
    if (child.state().processInstance().isActive()) {
      holdTermination(callActivity);
    }
  }

  /**
   * The child instance of a call activity ended: a completed child completes the call activity with
   * the child's root variables as payload (all of them when it propagates all child variables or
   * has output mappings, else none); a terminated child changes nothing, unless the call activity
   * was waiting for it to terminate.
   */
  public void childProcessEnded(ElementInstance callActivity, ProcessInstanceRunner child) {
    if (callActivity.state() == ElementState.TERMINATING
        && !child.state().processInstance().isActive()) {
      terminationReleased(callActivity);
      return;
    }
    if (callActivity.state() != ElementState.ACTIVATED
        || child.state().processInstance().state() != ElementState.COMPLETED) {
      return;
    }
    ExecutableCallActivity node = (ExecutableCallActivity) nodeOf(callActivity);
    Map<String, Object> payload = Map.of();
    if (node.propagateAllChildVariables() || !node.info().outputs().isEmpty()) {
      payload = child.variables().visible(child.state().processInstance().key());
    }
    completeElement(callActivity, payload);
  }

  /** Runners of other instances this command touched (children started or terminated). */
  public List<ProcessInstanceRunner> linkedRunners() {
    return linked;
  }

  /** True when this command ended the process instance. */
  public boolean endedProcessInstance() {
    return startedActive && !state.processInstance().isActive();
  }

  // ---- internals ---------------------------------------------------------------------------

  private void activateNew(
      ExecutableFlowNode node,
      ElementInstance scope,
      Map<String, Object> payload,
      boolean payloadAsLocals) {
    ElementInstance instance =
        new ElementInstance(
            services.keys().nextKey(),
            scope.processInstanceKey(),
            scope.processDefinitionKey(),
            scope.bpmnProcessId(),
            scope.version(),
            node.id(),
            node.info().name(),
            node.type(),
            scope.key(),
            ElementState.ACTIVATING,
            now,
            null,
            null,
            null,
            scope.tenantId(),
            null,
            null,
            true);
    state.addElement(instance);
    event(instance, "ELEMENT_ACTIVATING");
    if (payloadAsLocals) {
      variables.mergeLocal(instance.key(), payload);
    } else if (payload != null) {
      // kept even when empty: an event without variables (a timer) still triggered the element
      payloads.put(instance.key(), payload);
    }
    activateWithMappings(node, instance);
  }

  private void activateExisting(ExecutableFlowNode node, ElementInstance instance) {
    if (instance.state() != ElementState.ACTIVATING) {
      return;
    }
    if (instance.type() == BpmnElementType.PROCESS) {
      activateWithProcessor(node, instance);
    } else {
      activateWithMappings(node, instance);
    }
  }

  private void activateWithMappings(ExecutableFlowNode node, ElementInstance instance) {
    if (!node.info().inputs().isEmpty()) {
      Evaluated<Map<String, Object>> inputs =
          services
              .mappings()
              .inputs(node.info().inputs(), variables.visible(instance.flowScopeKey()));
      if (inputs.isFailure()) {
        raiseIncident(instance, inputs.failure(), null);
        return;
      }
      variables.mergeLocal(instance.key(), inputs.value());
    }
    List<ExecutableBoundaryEvent> boundaries = process.process().boundaryEventsOf(node.id());
    if (!boundaries.isEmpty() && !catchEvents().openCatchEvents(instance, boundaries)) {
      return;
    }
    activateWithProcessor(node, instance);
  }

  private void activateWithProcessor(ExecutableFlowNode node, ElementInstance instance) {
    services.processors().forElement(node).onActivate(node, instance, this);
  }

  private void complete(ElementInstance instance, Map<String, Object> payload) {
    if (!instance.isActive() || instance.state() == ElementState.TERMINATING) {
      return;
    }
    ExecutableFlowNode node = nodeOf(instance);
    if (instance.state() != ElementState.COMPLETING) {
      instance.transitionTo(ElementState.COMPLETING, now);
      event(instance, "ELEMENT_COMPLETING");
    }
    ElementProcessor<ExecutableFlowNode> processor = services.processors().forElement(node);
    if (!processor.onComplete(node, instance, this)) {
      return;
    }
    if (!node.info().outputs().isEmpty()) {
      variables.mergeLocal(instance.key(), payload);
      Evaluated<Map<String, Object>> outputs =
          services.mappings().outputs(node.info().outputs(), variables.visible(instance.key()));
      if (outputs.isFailure()) {
        raiseIncident(instance, outputs.failure(), null);
        return;
      }
      variables.mergePropagating(instance.flowScopeKey(), outputs.value());
    } else if (!payload.isEmpty()) {
      variables.mergePropagating(instance.key(), payload);
    }
    catchEvents().closeCatchEvents(instance);
    instance.transitionTo(ElementState.COMPLETED, now);
    event(instance, "ELEMENT_COMPLETED");
    processor.onCompleted(node, instance, this);
  }

  private void takeFlow(ExecutableSequenceFlow flow, ElementInstance source) {
    long scopeKey = source.flowScopeKey();
    long flowKey = services.keys().nextKey();
    state.addTakenFlow(
        new TakenSequenceFlow(
            flowKey,
            source.processInstanceKey(),
            source.processDefinitionKey(),
            source.bpmnProcessId(),
            flow.id(),
            scopeKey,
            source.tenantId(),
            now));
    events.add(
        new LifecycleEvent(
            source.processInstanceKey(),
            flowKey,
            flow.id(),
            BpmnElementType.SEQUENCE_FLOW,
            "SEQUENCE_FLOW_TAKEN"));
    ExecutableFlowNode target = process.process().element(flow.targetId());
    if (target instanceof ExecutableParallelGateway join && join.info().incoming().size() > 1) {
      ElementInstance scope = state.element(scopeKey);
      Map<String, Integer> taken = scope.takenFlows(join.id());
      taken.merge(flow.id(), 1, Integer::sum);
      boolean allTaken = true;
      for (String incoming : join.info().incoming()) {
        if (taken.getOrDefault(incoming, 0) < 1) {
          allTaken = false;
          break;
        }
      }
      if (allTaken) {
        // Each activation consumes one token per incoming flow; surplus tokens wait for the next.
        for (String incoming : join.info().incoming()) {
          taken.merge(incoming, -1, Integer::sum);
        }
        taken.values().removeIf(count -> count == 0);
        activate(join, scopeKey);
      }
      return;
    }
    activate(target, scopeKey);
  }

  /** A child of the scope ended without taking a flow: complete the scope if nothing is left. */
  private void childEnded(long scopeKey) {
    ElementInstance scope = state.element(scopeKey);
    if (scope == null
        || scope.state() != ElementState.ACTIVATED
        || pendingActivations.getOrDefault(scopeKey, 0) > 0
        || scope.hasWaitingJoinTokens()
        || !state.activeChildren(scopeKey).isEmpty()) {
      return;
    }
    complete(scope, Map.of());
  }

  /** The user task lifecycle and its task listeners. */
  public UserTaskBehavior userTasks() {
    if (userTaskBehavior == null) {
      userTaskBehavior = new UserTaskBehavior(this);
    }
    return userTaskBehavior;
  }

  /** Timers, message subscriptions, triggers and errors of this instance. */
  public EventBehavior catchEvents() {
    if (eventBehavior == null) {
      eventBehavior = new EventBehavior(this, services);
    }
    return eventBehavior;
  }

  /** Queues a step after the ones already queued. */
  public void enqueue(Runnable step) {
    queue.add(step);
  }

  /** Completes an element now (it must be waiting: ACTIVATED or COMPLETING). */
  public void completeWaiting(ElementInstance instance, Map<String, Object> payload) {
    complete(instance, payload);
  }

  public ExecutableFlowNode nodeOf(ElementInstance instance) {
    if (instance.type() == BpmnElementType.PROCESS) {
      return process.process();
    }
    return process.process().element(instance.elementId());
  }

  private void event(ElementInstance instance, String intent) {
    events.add(
        new LifecycleEvent(
            instance.processInstanceKey(),
            instance.key(),
            instance.elementId(),
            instance.type(),
            intent));
  }
}
