package org.redress.engine.model.transform;

import java.util.Map;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.model.transform.container.CallActivityTransformer;
import org.redress.engine.model.transform.container.SubProcessTransformer;
import org.redress.engine.model.transform.event.BoundaryEventTransformer;
import org.redress.engine.model.transform.event.EndEventTransformer;
import org.redress.engine.model.transform.event.IntermediateCatchEventTransformer;
import org.redress.engine.model.transform.event.IntermediateThrowEventTransformer;
import org.redress.engine.model.transform.event.StartEventTransformer;
import org.redress.engine.model.transform.gateway.EventBasedGatewayTransformer;
import org.redress.engine.model.transform.gateway.ExclusiveGatewayTransformer;
import org.redress.engine.model.transform.gateway.ParallelGatewayTransformer;
import org.redress.engine.model.transform.task.JobWorkerTaskTransformer;
import org.redress.engine.model.transform.task.PassThroughTaskTransformer;
import org.redress.engine.model.transform.task.ReceiveTaskTransformer;
import org.redress.engine.model.transform.task.ScriptTaskTransformer;
import org.redress.engine.model.transform.task.UserTaskTransformer;

/**
 * The one list of BPMN elements the engine accepts at deployment, by BPMN type name; anything else
 * is refused. Its runtime counterpart is {@code runtime.ElementProcessors}.
 */
public final class ElementTransformers {

  private static final Map<String, ElementTransformer> BY_TYPE_NAME =
      Map.ofEntries(
          Map.entry("startEvent", new StartEventTransformer()),
          Map.entry("endEvent", new EndEventTransformer()),
          Map.entry("intermediateThrowEvent", new IntermediateThrowEventTransformer()),
          Map.entry("intermediateCatchEvent", new IntermediateCatchEventTransformer()),
          Map.entry("boundaryEvent", new BoundaryEventTransformer()),
          Map.entry("serviceTask", new JobWorkerTaskTransformer(BpmnElementType.SERVICE_TASK)),
          Map.entry("sendTask", new JobWorkerTaskTransformer(BpmnElementType.SEND_TASK)),
          Map.entry("scriptTask", new ScriptTaskTransformer()),
          Map.entry("receiveTask", new ReceiveTaskTransformer()),
          Map.entry("task", new PassThroughTaskTransformer(BpmnElementType.TASK)),
          Map.entry("manualTask", new PassThroughTaskTransformer(BpmnElementType.MANUAL_TASK)),
          Map.entry("userTask", new UserTaskTransformer()),
          Map.entry("exclusiveGateway", new ExclusiveGatewayTransformer()),
          Map.entry("parallelGateway", new ParallelGatewayTransformer()),
          Map.entry("eventBasedGateway", new EventBasedGatewayTransformer()),
          Map.entry("subProcess", new SubProcessTransformer()),
          Map.entry("callActivity", new CallActivityTransformer()));

  private ElementTransformers() {}

  /** The transformer of a BPMN element type name ({@code serviceTask}), null when unsupported. */
  public static ElementTransformer forTypeName(String typeName) {
    return BY_TYPE_NAME.get(typeName);
  }
}
