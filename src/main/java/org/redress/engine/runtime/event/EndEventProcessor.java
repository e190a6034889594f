package org.redress.engine.runtime.event;

import java.util.List;
import java.util.Map;
import org.redress.engine.model.EventDefinition;
import org.redress.engine.model.ExecutableEndEvent;
import org.redress.engine.runtime.ElementProcessor;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.runtime.behavior.Evaluated;
import org.redress.engine.runtime.behavior.Failure;
import org.redress.engine.state.ElementInstance;

/**
 * End events. None: ends its token. Terminate: ends every other token of its scope, which then
 * completes. Error: throws the error to the nearest catch event; uncaught, it is an
 * UNHANDLED_ERROR_EVENT incident and the end event stays activating.
 */
public final class EndEventProcessor implements ElementProcessor<ExecutableEndEvent> {

  @Override
  public void onActivate(
      ExecutableEndEvent element, ElementInstance instance, ProcessInstanceRunner runner) {
    if (element.event() instanceof EventDefinition.Terminate) {
      runner.termination().terminateSiblings(instance);
      runner.completeNow(instance, Map.of());
      return;
    }
    if (element.event() instanceof EventDefinition.Error error) {
      Evaluated<String> code =
          error.code() == null
              ? Evaluated.of("")
              : runner
                  .expressions()
                  .evaluateString(error.code(), runner.visibleVariables(instance));
      if (code.isFailure()) {
        runner.incidents().raise(instance, code.failure(), null);
        return;
      }
      if (!runner.catchEvents().throwError(instance, code.value(), Map.of())) {
        List<String> available = runner.catchEvents().availableErrorCodes(instance);
        runner
            .incidents()
            .raise(
                instance,
                new Failure(
                    Failure.UNHANDLED_ERROR_EVENT,
                    "Expected to throw an error event with the code '"
                        + code.value()
                        + "', but it was not caught."
                        + (available.isEmpty()
                            ? " No error events are available in the scope."
                            : " Available error events are " + available)),
                null);
      }
      return;
    }
    runner.completeNow(instance, Map.of());
  }
}
