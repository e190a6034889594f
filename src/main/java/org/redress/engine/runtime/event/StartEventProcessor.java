package org.redress.engine.runtime.event;

import java.util.Map;
import org.redress.engine.model.ExecutableStartEvent;
import org.redress.engine.runtime.ElementProcessor;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.state.ElementInstance;

/** None start event: passes straight through. */
public final class StartEventProcessor implements ElementProcessor<ExecutableStartEvent> {

  @Override
  public void onActivate(
      ExecutableStartEvent element, ElementInstance instance, ProcessInstanceRunner runner) {
    runner.completeNow(instance, Map.of());
  }
}
