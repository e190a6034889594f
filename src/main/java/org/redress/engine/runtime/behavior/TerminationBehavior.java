package org.redress.engine.runtime.behavior;

import java.util.HashSet;
import java.util.Set;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.state.ElementInstance;
import org.redress.engine.state.ElementState;
import org.redress.engine.state.Json;

/**
 * Termination of elements in one instance, and what follows it.
 *
 * <p>Termination may wait: a user task with {@code canceling} task listeners stays TERMINATING
 * until their jobs complete (a later command), and so do the scopes around it and a call activity
 * whose child instance waits. What was to happen after the termination (the interrupting boundary
 * event, the interrupting event sub-process, completing the scope of a terminate end event, ending
 * a cancelled instance) happens when the last waiting element has terminated; the boundary event
 * and event sub-process to start are kept in the element rows ({@link Trigger}) for that.
 */
public final class TerminationBehavior {

  private final ProcessInstanceRunner runner;
  // elements whose processor keeps them TERMINATING (a user task running canceling listeners, a
  // call activity whose child instance waits); released by terminationReleased
  private final Set<Long> heldTerminations = new HashSet<>();
  // scopes whose children are being terminated by a call further up the stack: a child that
  // finishes must not complete, terminate or interrupt the scope under that call's feet
  private final Set<Long> busyScopes = new HashSet<>();

  public TerminationBehavior(ProcessInstanceRunner runner) {
    this.runner = runner;
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
    instance.transitionTo(ElementState.TERMINATING, runner.now());
    runner.recordEvent(instance, "ELEMENT_TERMINATING");
    instance.setPendingTrigger(then == null ? null : Json.write(then));
    runner.catchEvents().closeCatchEvents(instance);
    runner.incidents().resolveAll(instance);
    busyScopes.add(instance.key());
    for (ElementInstance child : runner.state().activeChildren(instance.key())) {
      terminate(child);
    }
    ExecutableFlowNode node = runner.nodeOf(instance);
    runner.services().processors().forElement(node).onTerminate(node, instance, runner);
    busyScopes.remove(instance.key());
    if (!heldTerminations.contains(instance.key())
        && runner.state().activeChildren(instance.key()).isEmpty()) {
      finishTermination(instance);
    }
  }

  /**
   * Ends every other token of the end event's flow scope (terminate end event): active siblings are
   * terminated, queued activations and waiting join tokens dropped.
   */
  public void terminateSiblings(ElementInstance endEvent) {
    ElementInstance scope = runner.state().element(endEvent.flowScopeKey());
    busyScopes.add(scope.key());
    for (ElementInstance sibling : runner.state().activeChildren(scope.key())) {
      if (sibling.key() != endEvent.key()) {
        terminate(sibling);
      }
    }
    busyScopes.remove(scope.key());
    // siblings still TERMINATING (canceling listeners) keep the scope open: it completes when the
    // last of them has terminated (afterTerminated)
    runner.dropTokens(scope);
  }

  /**
   * An interrupting event sub-process starts in the scope: terminates every active child, then
   * activates the event sub-process, at once or, when children wait for canceling listeners, once
   * the last of them has terminated.
   */
  public void interrupt(ElementInstance scope, Trigger eventSubProcess) {
    busyScopes.add(scope.key());
    for (ElementInstance child : runner.state().activeChildren(scope.key())) {
      terminate(child);
    }
    busyScopes.remove(scope.key());
    if (runner.state().activeChildren(scope.key()).isEmpty()) {
      activateTrigger(eventSubProcess, scope.key());
    } else {
      scope.setPendingTrigger(Json.write(eventSubProcess));
    }
  }

  /**
   * Keeps a TERMINATING element from terminating when its processor's {@code onTerminate} returns:
   * it waits for something (canceling task listeners, a child instance) and the processor calls
   * {@link #released} when that is over.
   */
  public void hold(ElementInstance instance) {
    heldTerminations.add(instance.key());
  }

  /** What held the element's termination is over: terminate it unless children still wait. */
  public void released(ElementInstance instance) {
    heldTerminations.remove(instance.key());
    if (instance.state() == ElementState.TERMINATING
        && !busyScopes.contains(instance.key())
        && runner.state().activeChildren(instance.key()).isEmpty()) {
      finishTermination(instance);
    }
  }

  private void finishTermination(ElementInstance instance) {
    instance.transitionTo(ElementState.TERMINATED, runner.now());
    runner.recordEvent(instance, "ELEMENT_TERMINATED");
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
    ElementInstance scope = runner.state().element(instance.flowScopeKey());
    if (scope == null) {
      return;
    }
    if (then != null && scope.state() == ElementState.ACTIVATED) {
      activateTrigger(then, scope.key());
      return;
    }
    if (busyScopes.contains(scope.key()) || !runner.state().activeChildren(scope.key()).isEmpty()) {
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
        runner.childEnded(scope.key());
      }
    }
  }

  private void activateTrigger(Trigger trigger, long scopeKey) {
    runner.activate(
        runner.process().process().element(trigger.elementId()),
        scopeKey,
        trigger.payload(),
        trigger.asLocals());
  }

  private static Trigger trigger(ElementInstance instance) {
    return instance.pendingTrigger() == null
        ? null
        : Json.mapper().convertValue(Json.read(instance.pendingTrigger()), Trigger.class);
  }
}
