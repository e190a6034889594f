package org.redress.engine.runtime.container;

import org.redress.engine.model.ExecutableSubProcess;
import org.redress.engine.runtime.ElementProcessor;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.state.ElementInstance;

/**
 * Embedded and event sub-processes. An embedded one opens its own event sub-processes' catch events
 * and starts at its none start event; an event sub-process starts at its triggered start event with
 * the trigger's payload. Both complete when no token is left inside; an embedded one then takes its
 * outgoing flows, an event sub-process ends its token in the enclosing scope.
 */
public final class SubProcessProcessor implements ElementProcessor<ExecutableSubProcess> {

  @Override
  public void onActivate(
      ExecutableSubProcess sub, ElementInstance instance, ProcessInstanceRunner runner) {
    runner.activated(instance);
    if (!sub.eventTriggered()
        && !runner
            .catchEvents()
            .openCatchEvents(instance, runner.catchEvents().eventSubProcessStarts(sub.id()))) {
      return;
    }
    runner.activate(
        runner.process().process().element(sub.startEventId()),
        instance.key(),
        runner.takePayload(instance),
        false);
  }
}
