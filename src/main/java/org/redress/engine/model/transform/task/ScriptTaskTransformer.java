package org.redress.engine.model.transform.task;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.model.ElementInfo;
import org.redress.engine.model.EventDefinition;
import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.model.ExecutableScriptTask;
import org.redress.engine.model.transform.ElementTransformer;
import org.redress.engine.model.transform.TransformContext;

/**
 * Script task: a {@code zeebe:script} FEEL expression with a result variable, or job-based (with a
 * {@code zeebe:taskDefinition}) like a service task.
 */
public final class ScriptTaskTransformer implements ElementTransformer {

  @Override
  public BpmnElementType typeOf(FlowNode node) {
    return BpmnElementType.SCRIPT_TASK;
  }

  @Override
  public ExecutableFlowNode transform(
      FlowNode node, ElementInfo info, EventDefinition event, TransformContext context) {
    if (node.getSingleExtensionElement(ZeebeTaskDefinition.class) != null) {
      return JobWorkerTaskTransformer.jobWorkerTask(node, info, context);
    }
    ZeebeScript script = node.getSingleExtensionElement(ZeebeScript.class);
    if (script == null) {
      return null; // reported by Zeebe's validators
    }
    String source = script.getExpression();
    if (source == null || !source.strip().startsWith("=")) {
      context.problem(
          node, "the script must be a FEEL expression starting with '=', but was '" + source + "'");
      return null;
    }
    String resultVariable = script.getResultVariable();
    if (!TransformContext.isVariablePath(resultVariable)) {
      context.problem(node, "the result variable '" + resultVariable + "' is not a valid name");
    }
    return new ExecutableScriptTask(
        info, context.expression(node, "script", source), resultVariable);
  }
}
