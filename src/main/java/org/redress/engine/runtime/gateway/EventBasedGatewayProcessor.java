package org.redress.engine.runtime.gateway;

import java.util.ArrayList;
import java.util.List;
import org.redress.engine.model.ExecutableEventBasedGateway;
import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.model.ExecutableSequenceFlow;
import org.redress.engine.runtime.ElementProcessor;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.state.ElementInstance;

/**
 * Event-based gateway: opens the timers and subscriptions of every catch event it leads to and
 * waits. The first to fire wins: the others are closed, the gateway completes without taking a
 * flow, and the triggered catch event is activated with the payload.
 */
public final class EventBasedGatewayProcessor
    implements ElementProcessor<ExecutableEventBasedGateway> {

  @Override
  public void onActivate(
      ExecutableEventBasedGateway gateway, ElementInstance instance, ProcessInstanceRunner runner) {
    List<ExecutableFlowNode> targets = new ArrayList<>();
    for (ExecutableSequenceFlow flow : gateway.info().outgoing()) {
      targets.add(runner.process().process().element(flow.targetId()));
    }
    if (runner.catchEvents().openCatchEvents(instance, targets)) {
      runner.activated(instance);
    }
  }

  @Override
  public void onCompleted(
      ExecutableEventBasedGateway gateway, ElementInstance instance, ProcessInstanceRunner runner) {
    // The trigger already activated the winning catch event; no flow is taken here.
  }
}
