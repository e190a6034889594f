package org.redress.engine.runtime.task;

import java.util.Map;
import org.redress.engine.model.ExecutablePassThroughElement;
import org.redress.engine.runtime.ElementProcessor;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.state.ElementInstance;

/** Undefined task, manual task, none intermediate throw event: nothing to do, as in Zeebe. */
public final class PassThroughProcessor implements ElementProcessor<ExecutablePassThroughElement> {

  @Override
  public void onActivate(
      ExecutablePassThroughElement element,
      ElementInstance instance,
      ProcessInstanceRunner runner) {
    runner.completeNow(instance, Map.of());
  }
}
