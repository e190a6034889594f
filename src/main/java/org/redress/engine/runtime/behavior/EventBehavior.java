package org.redress.engine.runtime.behavior;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.engine.expression.Expression;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.model.EventDefinition;
import org.redress.engine.model.ExecutableBoundaryEvent;
import org.redress.engine.model.ExecutableCatchEvent;
import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.model.ExecutableReceiveTask;
import org.redress.engine.model.ExecutableStartEvent;
import org.redress.engine.model.ExecutableSubProcess;
import org.redress.engine.runtime.DeployedProcess;
import org.redress.engine.runtime.EngineServices;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.state.ElementInstance;
import org.redress.engine.state.ElementState;
import org.redress.engine.state.EventStore;
import org.redress.engine.state.Json;
import org.redress.engine.state.MessageCorrelation;
import org.redress.engine.state.MessageSubscription;
import org.redress.engine.state.Timer;

/**
 * Catch events of one instance: opening and closing timers and message subscriptions of an owner
 * scope (an activity's boundary events, a waiting catch event, an event-based gateway's targets, a
 * container's event sub-process starts), firing them, and throwing BPMN errors to the nearest
 * matching catch event.
 */
public final class EventBehavior {

  private final ProcessInstanceRunner runner;
  private final EngineServices services;

  public EventBehavior(ProcessInstanceRunner runner) {
    this.runner = runner;
    this.services = runner.services();
  }

  /**
   * Opens the timers and message subscriptions of the catch elements for the owner (error catch
   * events need none). A buffered message that matches is correlated at once. Returns false after
   * raising an incident on the owner (an expression that cannot be evaluated).
   */
  public boolean openCatchEvents(
      ElementInstance owner, List<? extends ExecutableFlowNode> catchElements) {
    Map<String, Object> variables = null;
    List<MessageSubscription> opened = new ArrayList<>();
    for (ExecutableFlowNode element : catchElements) {
      EventDefinition definition = definitionOf(element);
      if (!(definition instanceof EventDefinition.Timer)
          && !(definition instanceof EventDefinition.Message)) {
        continue;
      }
      if (variables == null) {
        variables = runner.visibleVariables(owner);
      }
      if (definition instanceof EventDefinition.Timer timer) {
        Evaluated<TimerSchedule> schedule = schedule(timer, variables);
        if (schedule.isFailure()) {
          runner.incidents().raise(owner, schedule.failure(), null);
          return false;
        }
        runner
            .state()
            .addTimer(
                new Timer(
                    services.keys().nextKey(),
                    owner.processInstanceKey(),
                    owner.key(),
                    owner.processDefinitionKey(),
                    owner.bpmnProcessId(),
                    element.id(),
                    schedule.value().firstDue(),
                    schedule.value().repetitions(),
                    schedule.value().cycle(),
                    "CREATED",
                    owner.tenantId(),
                    runner.now(),
                    true));
      } else {
        EventDefinition.Message message = (EventDefinition.Message) definition;
        Evaluated<String> name = runner.expressions().evaluateString(message.name(), variables);
        if (name.isFailure()) {
          runner.incidents().raise(owner, name.failure(), null);
          return false;
        }
        Evaluated<String> key = correlationKey(message.correlationKey(), variables, element);
        if (key.isFailure()) {
          runner.incidents().raise(owner, key.failure(), null);
          return false;
        }
        MessageSubscription subscription =
            new MessageSubscription(
                services.keys().nextKey(),
                owner.processInstanceKey(),
                owner.key(),
                element.id(),
                owner.processDefinitionKey(),
                owner.bpmnProcessId(),
                name.value(),
                key.value(),
                interrupting(element),
                "CREATED",
                owner.tenantId(),
                runner.now(),
                runner.now(),
                true);
        runner.state().addSubscription(subscription);
        opened.add(subscription);
      }
    }
    for (MessageSubscription subscription : opened) {
      correlateBuffered(subscription);
    }
    return true;
  }

  /** Cancels the owner's timers and deletes its subscriptions (it is leaving). */
  public void closeCatchEvents(ElementInstance owner) {
    for (Timer timer : runner.state().timers()) {
      if (timer.isActive() && Long.valueOf(owner.key()).equals(timer.elementInstanceKey())) {
        timer.cancel();
      }
    }
    for (MessageSubscription subscription : runner.state().subscriptions()) {
      if (subscription.isOpen() && subscription.elementInstanceKey() == owner.key()) {
        subscription.delete(runner.now());
      }
    }
  }

  /** A due timer of this instance fires (once; a cycle is rescheduled first). */
  public void fireTimer(Timer timer) {
    ElementInstance owner =
        timer.elementInstanceKey() == null
            ? null
            : runner.state().element(timer.elementInstanceKey());
    if (owner == null || !owner.isActive()) {
      timer.cancel();
      return;
    }
    if (timer.cycle() != null && timer.repetitions() != 0) {
      timer.reschedule(TimerSchedule.next(timer.cycle(), timer.dueDate()));
    } else {
      timer.triggered();
    }
    trigger(owner, timer.targetElementId(), Map.of());
  }

  /** A published message reaches an open subscription of this instance. */
  public void correlate(
      MessageSubscription subscription, long messageKey, Map<String, Object> payload) {
    ElementInstance owner = runner.state().element(subscription.elementInstanceKey());
    if (owner == null || !owner.isActive() || !subscription.isOpen()) {
      return;
    }
    if (subscription.interrupting()) {
      subscription.correlated(runner.now());
    }
    runner
        .state()
        .addCorrelation(
            new MessageCorrelation(
                messageKey,
                subscription.bpmnProcessId(),
                subscription.key(),
                subscription.processInstanceKey(),
                subscription.processDefinitionKey(),
                subscription.elementId(),
                owner.key(),
                subscription.messageName(),
                subscription.correlationKey(),
                false,
                subscription.tenantId(),
                runner.now()));
    trigger(owner, subscription.elementId(), payload);
  }

  /**
   * Throws a BPMN error from an element. The search starts at the element's own boundary events
   * (for a task), then walks out scope by scope: event sub-processes of the scope, then boundary
   * events of the scope; a specific code wins over a catch-all in the same place. Returns false
   * when nothing catches it (the caller raises an incident).
   */
  public boolean throwError(ElementInstance source, String code, Map<String, Object> variables) {
    if (source.type() != BpmnElementType.END_EVENT) {
      ExecutableBoundaryEvent boundary = errorBoundary(source, code);
      if (boundary != null) {
        catchByBoundary(source, boundary, variables);
        return true;
      }
    }
    ElementInstance scope = runner.state().element(source.flowScopeKey());
    while (scope != null) {
      ExecutableSubProcess eventSubProcess = errorEventSubProcess(scope, code);
      if (eventSubProcess != null) {
        runner.termination().interrupt(scope, new Trigger(eventSubProcess.id(), variables, true));
        return true;
      }
      ExecutableBoundaryEvent boundary = errorBoundary(scope, code);
      if (boundary != null) {
        catchByBoundary(scope, boundary, variables);
        return true;
      }
      scope = runner.state().element(scope.flowScopeKey());
    }
    return throwToParentProcess(code, variables);
  }

  /**
   * Nothing in this instance caught the error: a child of a call activity hands it to the call
   * activity (its boundary events, then outwards in the parent, and so on up), in this command.
   * When caught there, the call activity is terminated and with it this child instance.
   */
  private boolean throwToParentProcess(String code, Map<String, Object> variables) {
    ElementInstance pi = runner.state().processInstance();
    if (pi.parentProcessInstanceKey() == null) {
      return false;
    }
    var parentState = services.instances().lockAndLoad(pi.parentProcessInstanceKey()).orElse(null);
    if (parentState == null) {
      return false;
    }
    ElementInstance callActivity = parentState.element(pi.parentElementInstanceKey());
    if (callActivity == null || !callActivity.isActive()) {
      return false;
    }
    DeployedProcess parentProcess =
        services
            .definitions()
            .byKey(parentState.processInstance().processDefinitionKey())
            .orElseThrow();
    ProcessInstanceRunner parent = new ProcessInstanceRunner(parentState, parentProcess, services);
    // the parent terminates this very child: let it find this runner instead of loading a copy
    parent.callActivities().link(runner);
    if (!parent.catchEvents().throwError(callActivity, code, variables)) {
      return false;
    }
    runner.callActivities().link(parent);
    parent.run();
    return true;
  }

  /** The error catch events visible from an element, for an incident message. */
  public List<String> availableErrorCodes(ElementInstance source) {
    List<String> codes = new ArrayList<>();
    ElementInstance current = source;
    while (current != null) {
      for (ExecutableBoundaryEvent b :
          runner.process().process().boundaryEventsOf(current.elementId())) {
        if (b.event() instanceof EventDefinition.Error e) {
          codes.add(e.code() == null ? "<any>" : e.code().source());
        }
      }
      for (ExecutableSubProcess esp :
          runner.process().process().eventSubProcessesOf(current.elementId())) {
        if (startOf(esp).event() instanceof EventDefinition.Error e) {
          codes.add(e.code() == null ? "<any>" : e.code().source());
        }
      }
      current = runner.state().element(current.flowScopeKey());
    }
    return codes;
  }

  private void catchByBoundary(
      ElementInstance activity, ExecutableBoundaryEvent boundary, Map<String, Object> variables) {
    runner.termination().terminate(activity, new Trigger(boundary.id(), variables, true));
  }

  private void trigger(ElementInstance owner, String catchElementId, Map<String, Object> payload) {
    runner.enqueue(() -> triggerNow(owner, catchElementId, payload));
  }

  private void triggerNow(
      ElementInstance owner, String catchElementId, Map<String, Object> payload) {
    if (!owner.isActive() || owner.state() == ElementState.TERMINATING) {
      return;
    }
    ExecutableFlowNode element = runner.process().process().element(catchElementId);
    if (element instanceof ExecutableBoundaryEvent boundary) {
      if (boundary.interrupting()) {
        // the boundary event starts once the activity has terminated (canceling listeners may
        // hold it)
        runner.termination().terminate(owner, new Trigger(boundary.id(), payload, false));
      } else {
        runner.activate(boundary, owner.flowScopeKey(), payload, false);
      }
    } else if (element instanceof ExecutableStartEvent start) {
      ExecutableSubProcess eventSubProcess =
          (ExecutableSubProcess) runner.process().process().element(start.info().flowScopeId());
      if (start.interrupting()) {
        closeEventSubProcessStarts(owner);
        runner.termination().interrupt(owner, new Trigger(eventSubProcess.id(), payload, false));
      } else {
        runner.activate(eventSubProcess, owner.key(), payload, false);
      }
    } else if (owner.type() == BpmnElementType.EVENT_BASED_GATEWAY) {
      closeCatchEvents(owner);
      runner.activate(element, owner.flowScopeKey(), payload, false);
      runner.completeWaiting(owner, Map.of());
    } else {
      runner.completeWaiting(owner, payload);
    }
  }

  private void closeEventSubProcessStarts(ElementInstance container) {
    for (Timer timer : runner.state().timers()) {
      if (timer.isActive()
          && Long.valueOf(container.key()).equals(timer.elementInstanceKey())
          && runner.process().process().element(timer.targetElementId())
              instanceof ExecutableStartEvent) {
        timer.cancel();
      }
    }
    for (MessageSubscription subscription : runner.state().subscriptions()) {
      if (subscription.isOpen()
          && subscription.elementInstanceKey() == container.key()
          && runner.process().process().element(subscription.elementId())
              instanceof ExecutableStartEvent) {
        subscription.delete(runner.now());
      }
    }
  }

  private void correlateBuffered(MessageSubscription subscription) {
    EventStore events = services.events();
    Optional<EventStore.BufferedMessage> message =
        events.oldestBuffered(
            subscription.messageName(),
            subscription.correlationKey(),
            subscription.bpmnProcessId(),
            runner.now());
    if (message.isEmpty()) {
      return;
    }
    long messageKey = message.get().key();
    if (runner.state().correlatedInThisCommand(messageKey, subscription.bpmnProcessId())) {
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> payload = (Map<String, Object>) Json.read(message.get().variables());
    correlate(subscription, messageKey, payload);
  }

  private ExecutableBoundaryEvent errorBoundary(ElementInstance instance, String code) {
    ExecutableBoundaryEvent catchAll = null;
    for (ExecutableBoundaryEvent boundary :
        runner.process().process().boundaryEventsOf(instance.elementId())) {
      if (boundary.event() instanceof EventDefinition.Error error) {
        if (error.code() == null) {
          catchAll = boundary;
        } else if (error.code().source().equals(code)) {
          return boundary;
        }
      }
    }
    return catchAll;
  }

  private ExecutableSubProcess errorEventSubProcess(ElementInstance container, String code) {
    ExecutableSubProcess catchAll = null;
    for (ExecutableSubProcess esp :
        runner.process().process().eventSubProcessesOf(container.elementId())) {
      if (startOf(esp).event() instanceof EventDefinition.Error error) {
        if (error.code() == null) {
          catchAll = esp;
        } else if (error.code().source().equals(code)) {
          return esp;
        }
      }
    }
    return catchAll;
  }

  /** The start events of a container's event sub-processes that need a timer or subscription. */
  public List<ExecutableStartEvent> eventSubProcessStarts(String containerId) {
    List<ExecutableStartEvent> starts = new ArrayList<>();
    for (ExecutableSubProcess esp : runner.process().process().eventSubProcessesOf(containerId)) {
      ExecutableStartEvent start = startOf(esp);
      if (start.event() instanceof EventDefinition.Timer
          || start.event() instanceof EventDefinition.Message) {
        starts.add(start);
      }
    }
    return starts;
  }

  private ExecutableStartEvent startOf(ExecutableSubProcess esp) {
    return (ExecutableStartEvent) runner.process().process().element(esp.startEventId());
  }

  private Evaluated<TimerSchedule> schedule(
      EventDefinition.Timer timer, Map<String, Object> variables) {
    Evaluated<Object> value =
        runner.expressions().evaluateAny(timer.value(), variables, Failure.EXTRACT_VALUE_ERROR);
    if (value.isFailure()) {
      return Evaluated.failed(value.failure());
    }
    if (!(value.value() instanceof String text) || text.isBlank()) {
      return Evaluated.failed(
          new Failure(
              Failure.EXTRACT_VALUE_ERROR,
              "Expected the timer "
                  + timer.kind().name().toLowerCase()
                  + " '"
                  + timer.value().source()
                  + "' to give an ISO 8601 value, but was '"
                  + value.value()
                  + "'"));
    }
    try {
      return Evaluated.of(
          switch (timer.kind()) {
            case DATE -> TimerSchedule.date(text);
            case DURATION -> TimerSchedule.duration(text, runner.now());
            case CYCLE -> TimerSchedule.cycle(text, runner.now());
          });
    } catch (RuntimeException e) {
      return Evaluated.failed(
          new Failure(
              Failure.EXTRACT_VALUE_ERROR,
              "Expected a valid timer "
                  + timer.kind().name().toLowerCase()
                  + ", but '"
                  + text
                  + "' is not one: "
                  + e.getMessage()));
    }
  }

  private Evaluated<String> correlationKey(
      Expression expression, Map<String, Object> variables, ExecutableFlowNode element) {
    if (expression == null) {
      return Evaluated.of("");
    }
    Evaluated<Object> value =
        runner.expressions().evaluateAny(expression, variables, Failure.EXTRACT_VALUE_ERROR);
    if (value.isFailure()) {
      return Evaluated.failed(value.failure());
    }
    if (value.value() instanceof String s) {
      return Evaluated.of(s);
    }
    if (value.value() instanceof Number n) {
      return Evaluated.of(Long.toString(n.longValue()));
    }
    return Evaluated.failed(
        new Failure(
            Failure.EXTRACT_VALUE_ERROR,
            "Failed to extract the correlation key for '"
                + expression.source().replaceFirst("^=", "")
                + "' of '"
                + element.id()
                + "': The value must be either a string or a number, but was '"
                + (value.value() == null ? "NULL" : value.value().getClass().getSimpleName())
                + "'."));
  }

  private static EventDefinition definitionOf(ExecutableFlowNode element) {
    if (element instanceof ExecutableBoundaryEvent b) {
      return b.event();
    }
    if (element instanceof ExecutableCatchEvent c) {
      return c.event();
    }
    if (element instanceof ExecutableReceiveTask r) {
      return r.message();
    }
    if (element instanceof ExecutableStartEvent s) {
      return s.event();
    }
    return null;
  }

  private static boolean interrupting(ExecutableFlowNode element) {
    if (element instanceof ExecutableBoundaryEvent b) {
      return b.interrupting();
    }
    if (element instanceof ExecutableStartEvent s) {
      return s.interrupting();
    }
    return true;
  }
}
