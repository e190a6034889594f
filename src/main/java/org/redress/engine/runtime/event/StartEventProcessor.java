package org.redress.engine.runtime.event;

import org.redress.engine.model.ExecutableStartEvent;
import org.redress.engine.runtime.ElementProcessor;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.state.ElementInstance;

/**
 * Start events pass straight through; one triggered by a message or timer (of an event sub-process)
 * completes with the trigger's payload.
 */
public final class StartEventProcessor implements ElementProcessor<ExecutableStartEvent> {

  @Override
  public void onActivate(
      ExecutableStartEvent element, ElementInstance instance, ProcessInstanceRunner runner) {
    runner.completeNow(instance, runner.takePayload(instance));
  }
}
