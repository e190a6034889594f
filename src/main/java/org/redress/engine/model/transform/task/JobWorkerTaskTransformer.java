package org.redress.engine.model.transform.task;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import org.redress.engine.expression.Expression;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.model.ElementInfo;
import org.redress.engine.model.EventDefinition;
import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.model.ExecutableJobWorkerTask;
import org.redress.engine.model.transform.ElementTransformer;
import org.redress.engine.model.transform.TransformContext;

/**
 * Service and send task (and a job-based script task): {@code zeebe:taskDefinition} type and
 * retries (static or FEEL, default 3), {@code zeebe:taskHeaders}.
 */
public final class JobWorkerTaskTransformer implements ElementTransformer {

  private final BpmnElementType type;

  public JobWorkerTaskTransformer(BpmnElementType type) {
    this.type = type;
  }

  @Override
  public BpmnElementType typeOf(FlowNode node) {
    return type;
  }

  @Override
  public ExecutableFlowNode transform(
      FlowNode node, ElementInfo info, EventDefinition event, TransformContext context) {
    return jobWorkerTask(node, info, context);
  }

  static ExecutableFlowNode jobWorkerTask(
      FlowNode node, ElementInfo info, TransformContext context) {
    ZeebeTaskDefinition definition = node.getSingleExtensionElement(ZeebeTaskDefinition.class);
    if (definition == null) {
      // Zeebe's validators report this already; nothing to build.
      return null;
    }
    Expression type = context.expression(node, "job type", definition.getType());
    String retriesAttribute = definition.getRetries();
    Expression retries =
        context.expression(
            node,
            "job retries",
            retriesAttribute == null || retriesAttribute.isBlank()
                ? ZeebeTaskDefinition.DEFAULT_RETRIES
                : retriesAttribute);
    if (retries instanceof Expression.Static s && !s.source().strip().matches("-?\\d+")) {
      context.problem(
          node,
          "job retries must be a whole number or a FEEL expression, but was '" + s.source() + "'");
    }
    return new ExecutableJobWorkerTask(info, type, retries, TransformContext.headers(node));
  }
}
