package org.redress.engine.runtime;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.model.ExecutableBoundaryEvent;
import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.model.ExecutableParallelGateway;
import org.redress.engine.model.ExecutableSequenceFlow;
import org.redress.engine.runtime.behavior.CallActivityBehavior;
import org.redress.engine.runtime.behavior.Evaluated;
import org.redress.engine.runtime.behavior.EventBehavior;
import org.redress.engine.runtime.behavior.ExpressionBehavior;
import org.redress.engine.runtime.behavior.IncidentBehavior;
import org.redress.engine.runtime.behavior.JobBehavior;
import org.redress.engine.runtime.behavior.TerminationBehavior;
import org.redress.engine.runtime.behavior.UserTaskBehavior;
import org.redress.engine.runtime.behavior.VariableBehavior;
import org.redress.engine.state.ElementInstance;
import org.redress.engine.state.ElementState;
import org.redress.engine.state.InstanceState;
import org.redress.engine.state.TakenSequenceFlow;
import org.redress.engine.state.UserTaskTransition;

/**
 * Interprets one process instance inside one command: a small coordinator. Work is a FIFO queue of
 * follow-up steps (activate an element, complete an element), drained by {@link #run()}, as Zeebe
 * processes the follow-up commands it writes. The runner drives the generic element lifecycle,
 * variable mappings and sequence flows; one {@link ElementProcessor} per element type adds what is
 * specific to it, and the behaviours in {@code runtime.behavior} hold what several elements share:
 * jobs ({@link #jobs}), incidents ({@link #incidents}), termination ({@link #termination}), child
 * instances of call activities ({@link #callActivities}), catch events ({@link #catchEvents}) and
 * user tasks ({@link #userTasks}). Pass-through elements go through their whole lifecycle in one
 * step. Everything happens on the in-memory {@link InstanceState}; the command writes it back.
 */
public final class ProcessInstanceRunner {

  private final InstanceState state;
  private final DeployedProcess process;
  private final EngineServices services;
  private final VariableBehavior variables;
  private final Instant now;
  private final boolean startedActive;
  private final Deque<Runnable> queue = new ArrayDeque<>();
  // per flow scope: activations queued but not run yet (the scope must not complete meanwhile)
  private final Map<Long, Integer> pendingActivations = new HashMap<>();
  // per flow scope: bumped by a terminate end event, which drops the queued activations
  private final Map<Long, Integer> scopeGenerations = new HashMap<>();
  private final Map<Long, ExecutableSequenceFlow> chosenFlows = new HashMap<>();
  private final Map<Long, Map<String, Object>> payloads = new HashMap<>();
  private final List<LifecycleEvent> events = new ArrayList<>();
  private final List<UserTaskTransition> endedTransitions = new ArrayList<>();
  private final JobBehavior jobs = new JobBehavior(this);
  private final IncidentBehavior incidents = new IncidentBehavior(this);
  private final TerminationBehavior termination = new TerminationBehavior(this);
  private final CallActivityBehavior callActivities = new CallActivityBehavior(this);
  private EventBehavior eventBehavior;
  private UserTaskBehavior userTaskBehavior;
  private String startElementId;

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
    recordEvent(pi, "ELEMENT_ACTIVATING");
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
    termination.terminate(state.processInstance());
  }

  /** Queues the activation of an element again (its input mappings had failed). */
  public void retryActivation(ElementInstance element) {
    ExecutableFlowNode node = nodeOf(element);
    queue.add(() -> activateExisting(node, element));
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
    recordEvent(instance, "ELEMENT_ACTIVATED");
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
   * Drops every queued activation and waiting join token of the scope (a terminate end event ended
   * its tokens).
   */
  public void dropTokens(ElementInstance scope) {
    scopeGenerations.merge(scope.key(), 1, Integer::sum);
    pendingActivations.put(scope.key(), 0);
    scope.clearTakenFlows();
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
    recordEvent(instance, "ELEMENT_ACTIVATING");
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
        incidents.raise(instance, inputs.failure(), null);
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
      recordEvent(instance, "ELEMENT_COMPLETING");
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
        incidents.raise(instance, outputs.failure(), null);
        return;
      }
      variables.mergePropagating(instance.flowScopeKey(), outputs.value());
    } else if (!payload.isEmpty()) {
      variables.mergePropagating(instance.key(), payload);
    }
    catchEvents().closeCatchEvents(instance);
    instance.transitionTo(ElementState.COMPLETED, now);
    recordEvent(instance, "ELEMENT_COMPLETED");
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
  public void childEnded(long scopeKey) {
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

  /** Jobs created in this command and the job types to announce. */
  public JobBehavior jobs() {
    return jobs;
  }

  /** Raising and resolving incidents. */
  public IncidentBehavior incidents() {
    return incidents;
  }

  /** Terminating elements, interruptions, and what follows a termination. */
  public TerminationBehavior termination() {
    return termination;
  }

  /** Child process instances of call activities, and the runners this command touched. */
  public CallActivityBehavior callActivities() {
    return callActivities;
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
      eventBehavior = new EventBehavior(this);
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

  /** Records a lifecycle event of the element (reported after commit). */
  public void recordEvent(ElementInstance instance, String intent) {
    events.add(
        new LifecycleEvent(
            instance.processInstanceKey(),
            instance.key(),
            instance.elementId(),
            instance.type(),
            intent));
  }
}
