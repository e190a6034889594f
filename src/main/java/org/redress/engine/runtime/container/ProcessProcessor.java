package org.redress.engine.runtime.container;

import org.redress.engine.model.ExecutableProcess;
import org.redress.engine.runtime.ElementProcessor;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.state.ElementInstance;

/**
 * The process itself: opens the timers and subscriptions of its event sub-processes, activates its
 * start event (the none start, or the message/timer start that created it) and completes when its
 * last token ends (the runner completes a scope when no child is active, none is about to be, and
 * no join waits).
 */
public final class ProcessProcessor implements ElementProcessor<ExecutableProcess> {

  @Override
  public void onActivate(
      ExecutableProcess process, ElementInstance instance, ProcessInstanceRunner runner) {
    runner.activated(instance);
    if (!runner
        .catchEvents()
        .openCatchEvents(instance, runner.catchEvents().eventSubProcessStarts(process.id()))) {
      return;
    }
    String start =
        runner.startElementId() != null ? runner.startElementId() : process.noneStartEventId();
    runner.activate(process.element(start), instance.key());
  }

  @Override
  public void onCompleted(
      ExecutableProcess process, ElementInstance instance, ProcessInstanceRunner runner) {
    // A process has no outgoing flows; its end is reported by the command after commit.
  }
}
