package org.redress.engine.runtime;

import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.state.ElementInstance;

/**
 * The behaviour of one kind of BPMN element. The runner drives the generic lifecycle (ACTIVATING →
 * ACTIVATED → COMPLETING → COMPLETED, or TERMINATING → TERMINATED), applies variable mappings and
 * records events; a processor adds only what is specific to its element.
 *
 * <ol>
 *   <li>{@link #onActivate}: the element is ACTIVATING and its input mappings are applied. The
 *       processor must end in one of three ways: wait ({@link ProcessInstanceRunner#activated}),
 *       pass through ({@link ProcessInstanceRunner#completeNow}), or raise an incident (the element
 *       stays ACTIVATING; resolving the incident runs activation again).
 *   <li>{@link #onComplete}: the element is COMPLETING, before its output mappings; return false
 *       after raising an incident.
 *   <li>{@link #onCompleted}: the element is COMPLETED; by default take every outgoing flow.
 *   <li>{@link #onTerminate}: the element is TERMINATING: release what it holds (jobs...).
 * </ol>
 */
public interface ElementProcessor<T extends ExecutableFlowNode> {

  void onActivate(T element, ElementInstance instance, ProcessInstanceRunner runner);

  default boolean onComplete(T element, ElementInstance instance, ProcessInstanceRunner runner) {
    return true;
  }

  default void onCompleted(T element, ElementInstance instance, ProcessInstanceRunner runner) {
    runner.takeOutgoingFlows(element, instance, element.info().outgoing());
  }

  default void onTerminate(T element, ElementInstance instance, ProcessInstanceRunner runner) {}
}
