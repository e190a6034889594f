package org.redress.engine.model.transform.container;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import java.util.List;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.model.ElementInfo;
import org.redress.engine.model.EventDefinition;
import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.model.ExecutableSubProcess;
import org.redress.engine.model.transform.ContainerKind;
import org.redress.engine.model.transform.ElementTransformer;
import org.redress.engine.model.transform.TransformContext;

/**
 * Embedded and event sub-process: transforms the elements inside (one start event: a none start for
 * an embedded sub-process, a timer, message or error start for an event sub-process, which has no
 * sequence flows).
 */
public final class SubProcessTransformer implements ElementTransformer {

  @Override
  public BpmnElementType typeOf(FlowNode node) {
    return ((SubProcess) node).triggeredByEvent()
        ? BpmnElementType.EVENT_SUB_PROCESS
        : BpmnElementType.SUB_PROCESS;
  }

  @Override
  public ExecutableFlowNode transform(
      FlowNode node, ElementInfo info, EventDefinition event, TransformContext context) {
    SubProcess sub = (SubProcess) node;
    boolean eventSubProcess = sub.triggeredByEvent();
    List<String> starts =
        context.transformContainer(
            node.getId(),
            eventSubProcess ? ContainerKind.EVENT_SUB_PROCESS : ContainerKind.SUB_PROCESS,
            sub.getFlowElements());
    if (eventSubProcess && (!info.incoming().isEmpty() || !info.outgoing().isEmpty())) {
      context.problem(node, "an event sub-process must not have sequence flows");
    }
    return new ExecutableSubProcess(info, starts.isEmpty() ? null : starts.get(0), eventSubProcess);
  }
}
