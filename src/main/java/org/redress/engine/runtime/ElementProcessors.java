package org.redress.engine.runtime;

import java.util.EnumMap;
import java.util.Map;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.runtime.container.CallActivityProcessor;
import org.redress.engine.runtime.container.ProcessProcessor;
import org.redress.engine.runtime.container.SubProcessProcessor;
import org.redress.engine.runtime.event.BoundaryEventProcessor;
import org.redress.engine.runtime.event.CatchEventProcessor;
import org.redress.engine.runtime.event.EndEventProcessor;
import org.redress.engine.runtime.event.StartEventProcessor;
import org.redress.engine.runtime.gateway.EventBasedGatewayProcessor;
import org.redress.engine.runtime.gateway.ExclusiveGatewayProcessor;
import org.redress.engine.runtime.gateway.ParallelGatewayProcessor;
import org.redress.engine.runtime.task.JobWorkerTaskProcessor;
import org.redress.engine.runtime.task.PassThroughProcessor;
import org.redress.engine.runtime.task.ScriptTaskProcessor;
import org.redress.engine.runtime.task.UserTaskProcessor;

/**
 * The single list of supported elements: one processor per element type. Adding an element means a
 * transformer case, an {@code Executable*} record, a processor, a line here and a test class.
 */
public final class ElementProcessors {

  private final Map<BpmnElementType, ElementProcessor<?>> processors =
      new EnumMap<>(BpmnElementType.class);

  public ElementProcessors() {
    processors.put(BpmnElementType.PROCESS, new ProcessProcessor());
    processors.put(BpmnElementType.START_EVENT, new StartEventProcessor());
    processors.put(BpmnElementType.END_EVENT, new EndEventProcessor());
    processors.put(BpmnElementType.INTERMEDIATE_THROW_EVENT, new PassThroughProcessor());
    processors.put(BpmnElementType.TASK, new PassThroughProcessor());
    processors.put(BpmnElementType.MANUAL_TASK, new PassThroughProcessor());
    JobWorkerTaskProcessor jobWorkerTask = new JobWorkerTaskProcessor();
    processors.put(BpmnElementType.SERVICE_TASK, jobWorkerTask);
    processors.put(BpmnElementType.SEND_TASK, jobWorkerTask);
    processors.put(BpmnElementType.SCRIPT_TASK, new ScriptTaskProcessor(jobWorkerTask));
    processors.put(BpmnElementType.EXCLUSIVE_GATEWAY, new ExclusiveGatewayProcessor());
    processors.put(BpmnElementType.PARALLEL_GATEWAY, new ParallelGatewayProcessor());
    processors.put(BpmnElementType.EVENT_BASED_GATEWAY, new EventBasedGatewayProcessor());
    CatchEventProcessor catchEvent = new CatchEventProcessor();
    processors.put(BpmnElementType.INTERMEDIATE_CATCH_EVENT, catchEvent);
    processors.put(BpmnElementType.RECEIVE_TASK, catchEvent);
    processors.put(BpmnElementType.BOUNDARY_EVENT, new BoundaryEventProcessor());
    SubProcessProcessor subProcess = new SubProcessProcessor();
    processors.put(BpmnElementType.SUB_PROCESS, subProcess);
    processors.put(BpmnElementType.EVENT_SUB_PROCESS, subProcess);
    processors.put(BpmnElementType.CALL_ACTIVITY, new CallActivityProcessor());
    processors.put(BpmnElementType.USER_TASK, new UserTaskProcessor());
  }

  @SuppressWarnings("unchecked")
  public <T extends ExecutableFlowNode> ElementProcessor<T> forElement(T element) {
    ElementProcessor<?> processor = processors.get(element.type());
    if (processor == null) {
      throw new IllegalStateException(
          "Expected a processor for element type " + element.type() + ", but none is registered");
    }
    return (ElementProcessor<T>) processor;
  }

  public boolean supports(BpmnElementType type) {
    return processors.containsKey(type);
  }
}
