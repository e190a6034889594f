package org.redress.engine.runtime.gateway;

import java.util.Map;
import org.redress.engine.model.ExecutableParallelGateway;
import org.redress.engine.runtime.ElementProcessor;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.state.ElementInstance;

/**
 * Parallel gateway. The join is counted by the runner when flows are taken (one token per incoming
 * flow, surplus tokens wait); once activated the gateway passes through and forks to every outgoing
 * flow.
 */
public final class ParallelGatewayProcessor implements ElementProcessor<ExecutableParallelGateway> {

  @Override
  public void onActivate(
      ExecutableParallelGateway gateway, ElementInstance instance, ProcessInstanceRunner runner) {
    runner.completeNow(instance, Map.of());
  }
}
