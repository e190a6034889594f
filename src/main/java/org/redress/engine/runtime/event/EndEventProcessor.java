package org.redress.engine.runtime.event;

import java.util.Map;
import org.redress.engine.model.ExecutableEndEvent;
import org.redress.engine.runtime.ElementProcessor;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.state.ElementInstance;

/** None end event: ends its token; the scope completes when no token is left. */
public final class EndEventProcessor implements ElementProcessor<ExecutableEndEvent> {

  @Override
  public void onActivate(
      ExecutableEndEvent element, ElementInstance instance, ProcessInstanceRunner runner) {
    runner.completeNow(instance, Map.of());
  }
}
