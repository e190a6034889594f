package org.redress.engine.runtime.event;

import java.util.List;
import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.runtime.ElementProcessor;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.state.ElementInstance;

/**
 * Intermediate timer/message catch event and receive task: open the timer or subscription and wait;
 * the trigger completes the element with the message's variables as payload. Reached from an
 * event-based gateway, the element was already triggered and completes at once.
 */
public final class CatchEventProcessor implements ElementProcessor<ExecutableFlowNode> {

  @Override
  public void onActivate(
      ExecutableFlowNode element, ElementInstance instance, ProcessInstanceRunner runner) {
    if (runner.hasPayload(instance)) {
      runner.completeNow(instance, runner.takePayload(instance));
      return;
    }
    if (runner.catchEvents().openCatchEvents(instance, List.of(element))) {
      runner.activated(instance);
    }
  }
}
