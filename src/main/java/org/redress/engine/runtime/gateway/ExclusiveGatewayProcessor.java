package org.redress.engine.runtime.gateway;

import java.util.List;
import java.util.Map;
import org.redress.engine.model.ExecutableExclusiveGateway;
import org.redress.engine.model.ExecutableSequenceFlow;
import org.redress.engine.runtime.ElementProcessor;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.runtime.behavior.Evaluated;
import org.redress.engine.runtime.behavior.Failure;
import org.redress.engine.state.ElementInstance;

/**
 * Exclusive gateway: while activating, evaluates the conditions of the non-default flows in model
 * order and takes the first that is true, else the default flow. A condition that is not boolean
 * (null included) is an incident, and then the default flow is not taken; no true condition and no
 * default flow is a CONDITION_ERROR incident.
 */
public final class ExclusiveGatewayProcessor
    implements ElementProcessor<ExecutableExclusiveGateway> {

  @Override
  public void onActivate(
      ExecutableExclusiveGateway gateway, ElementInstance instance, ProcessInstanceRunner runner) {
    List<ExecutableSequenceFlow> outgoing = gateway.info().outgoing();
    if (outgoing.isEmpty()) {
      runner.completeNow(instance, Map.of());
      return;
    }
    ExecutableSequenceFlow chosen = null;
    if (outgoing.size() == 1 && outgoing.get(0).condition() == null) {
      chosen = outgoing.get(0);
    } else {
      Map<String, Object> variables = runner.visibleVariables(instance);
      for (ExecutableSequenceFlow flow : outgoing) {
        if (flow.id().equals(gateway.defaultFlowId()) || flow.condition() == null) {
          continue;
        }
        Evaluated<Boolean> result =
            runner.expressions().evaluateBoolean(flow.condition(), variables);
        if (result.isFailure()) {
          runner.incidents().raise(instance, result.failure(), null);
          return;
        }
        if (result.value()) {
          chosen = flow;
          break;
        }
      }
      if (chosen == null && gateway.defaultFlowId() != null) {
        chosen =
            outgoing.stream()
                .filter(f -> f.id().equals(gateway.defaultFlowId()))
                .findFirst()
                .orElseThrow();
      }
      if (chosen == null) {
        runner
            .incidents()
            .raise(
                instance,
                new Failure(
                    Failure.CONDITION_ERROR,
                    "Expected at least one condition to evaluate to true, or to have a default flow"),
                null);
        return;
      }
    }
    runner.chooseFlow(instance, chosen);
    runner.completeNow(instance, Map.of());
  }

  @Override
  public void onCompleted(
      ExecutableExclusiveGateway gateway, ElementInstance instance, ProcessInstanceRunner runner) {
    ExecutableSequenceFlow chosen = runner.chosenFlow(instance);
    runner.takeOutgoingFlows(gateway, instance, chosen == null ? List.of() : List.of(chosen));
  }
}
