package org.redress.engine.runtime.event;

import org.redress.engine.model.ExecutableBoundaryEvent;
import org.redress.engine.runtime.ElementProcessor;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.state.ElementInstance;

/**
 * A boundary event is activated only when it was triggered (its activity was terminated first if it
 * interrupts); it completes at once and continues on its own flows. Error variables arrive as its
 * locals (they leave only through output mappings); message variables are its payload.
 */
public final class BoundaryEventProcessor implements ElementProcessor<ExecutableBoundaryEvent> {

  @Override
  public void onActivate(
      ExecutableBoundaryEvent element, ElementInstance instance, ProcessInstanceRunner runner) {
    runner.completeNow(instance, runner.takePayload(instance));
  }
}
