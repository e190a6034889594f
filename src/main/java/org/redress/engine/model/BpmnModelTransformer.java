package org.redress.engine.model;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.camunda.bpm.model.xml.validation.ValidationResults;
import org.redress.engine.expression.Expression;
import org.redress.engine.expression.ExpressionLanguage;

/**
 * Deploy time: reads BPMN XML with the Zeebe model API, applies Zeebe's own design-time rules and
 * the embedded engine's limits, parses every expression once, and builds immutable {@code
 * Executable*} records. Any problem rejects the whole resource with a message naming the element.
 */
public class BpmnModelTransformer {

  private static final Pattern VARIABLE_PATH =
      Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_\\-]*(\\.[\\p{L}_][\\p{L}\\p{N}_\\-]*)*");

  private final ExpressionLanguage expressions;

  public BpmnModelTransformer(ExpressionLanguage expressions) {
    this.expressions = expressions;
  }

  /** Returns the executable processes of a BPMN resource, or throws listing every problem. */
  public List<ExecutableProcess> transform(String resourceName, byte[] xml) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
    } catch (RuntimeException e) {
      throw new ModelValidationException(
          resourceName, List.of("it is not a readable BPMN 2.0 XML document: " + rootCause(e)));
    }
    List<String> problems = new ArrayList<>();
    ValidationResults results = model.validate(ZeebeDesignTimeValidators.VALIDATORS);
    results
        .getResults()
        .forEach(
            (element, list) -> {
              for (ValidationResult result : list) {
                if (result.getType() == ValidationResultType.ERROR) {
                  problems.add(describe(element) + ": " + result.getMessage());
                }
              }
            });

    List<ExecutableProcess> processes = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable()) {
        processes.add(transformProcess(process, problems));
      }
    }
    if (processes.isEmpty() && problems.isEmpty()) {
      problems.add("it contains no executable process (isExecutable=\"true\")");
    }
    if (!problems.isEmpty()) {
      throw new ModelValidationException(resourceName, problems);
    }
    return processes;
  }

  /** Collects the elements of a process while walking its (sub-)containers. */
  private static final class Collector {
    final Map<String, ExecutableFlowNode> elements = new LinkedHashMap<>();
    final Map<String, List<ExecutableBoundaryEvent>> boundaryEvents = new LinkedHashMap<>();
    final Map<String, List<ExecutableSubProcess>> eventSubProcesses = new LinkedHashMap<>();
    final List<ExecutableStartEvent> eventStartEvents = new ArrayList<>();
  }

  private enum ContainerKind {
    PROCESS,
    SUB_PROCESS,
    EVENT_SUB_PROCESS
  }

  private ExecutableProcess transformProcess(Process process, List<String> problems) {
    Collector collector = new Collector();
    List<String> starts =
        transformContainer(
            process.getId(), ContainerKind.PROCESS, process.getFlowElements(), collector, problems);
    String noneStart = null;
    for (String start : starts) {
      ExecutableStartEvent event = (ExecutableStartEvent) collector.elements.get(start);
      if (event.event() == null) {
        if (noneStart != null) {
          problems.add(
              "Process '"
                  + process.getId()
                  + "': a process may have only one none start event, but has '"
                  + noneStart
                  + "' and '"
                  + start
                  + "'");
        }
        noneStart = start;
      } else if (event.event() instanceof EventDefinition.Error) {
        problems.add(
            "Element '"
                + start
                + "' (startEvent): an error start event is only allowed in an event sub-process");
      } else {
        collector.eventStartEvents.add(event);
      }
    }
    ElementInfo info =
        new ElementInfo(
            process.getId(),
            nameOf(process.getName(), process.getId()),
            BpmnElementType.PROCESS,
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of());
    return new ExecutableProcess(
        info,
        Map.copyOf(collector.elements),
        noneStart,
        List.copyOf(collector.eventStartEvents),
        Map.copyOf(collector.boundaryEvents),
        Map.copyOf(collector.eventSubProcesses));
  }

  /** Transforms one container's elements; returns the ids of its start events. */
  private List<String> transformContainer(
      String containerId,
      ContainerKind kind,
      Collection<FlowElement> flowElements,
      Collector collector,
      List<String> problems) {
    Map<String, List<ExecutableSequenceFlow>> outgoing = new LinkedHashMap<>();
    Map<String, List<String>> incoming = new LinkedHashMap<>();
    // Flows first, in document order: that order is the order gateway conditions are evaluated.
    for (FlowElement element : flowElements) {
      if (element instanceof SequenceFlow flow) {
        Expression condition = null;
        ConditionExpression conditionExpression = flow.getConditionExpression();
        if (conditionExpression != null) {
          condition = condition(flow, conditionExpression.getTextContent(), problems);
        }
        ExecutableSequenceFlow executable =
            new ExecutableSequenceFlow(
                flow.getId(), flow.getSource().getId(), flow.getTarget().getId(), condition);
        outgoing.computeIfAbsent(executable.sourceId(), k -> new ArrayList<>()).add(executable);
        incoming.computeIfAbsent(executable.targetId(), k -> new ArrayList<>()).add(flow.getId());
      }
    }
    List<String> starts = new ArrayList<>();
    for (FlowElement element : flowElements) {
      if (element instanceof SequenceFlow) {
        continue;
      }
      if (!(element instanceof FlowNode node)) {
        problems.add(describe(element) + ": " + unsupported(element));
        continue;
      }
      ExecutableFlowNode executable =
          transformNode(
              node,
              containerId,
              incoming.getOrDefault(node.getId(), List.of()),
              outgoing.getOrDefault(node.getId(), List.of()),
              collector,
              problems);
      if (executable == null) {
        continue;
      }
      collector.elements.put(node.getId(), executable);
      if (executable instanceof ExecutableStartEvent) {
        starts.add(node.getId());
      } else if (executable instanceof ExecutableBoundaryEvent boundary) {
        collector
            .boundaryEvents
            .computeIfAbsent(boundary.attachedToId(), k -> new ArrayList<>())
            .add(boundary);
      } else if (executable instanceof ExecutableSubProcess sub && sub.eventTriggered()) {
        collector.eventSubProcesses.computeIfAbsent(containerId, k -> new ArrayList<>()).add(sub);
      }
    }
    if (kind != ContainerKind.PROCESS && starts.size() != 1) {
      problems.add(
          "Element '"
              + containerId
              + "': a sub-process must have exactly one start event, but has "
              + starts.size());
    }
    for (String start : starts) {
      ExecutableStartEvent event = (ExecutableStartEvent) collector.elements.get(start);
      if (kind == ContainerKind.SUB_PROCESS && event.event() != null) {
        problems.add(
            "Element '"
                + start
                + "' (startEvent): an embedded sub-process starts with a none"
                + " start event");
      }
      if (kind == ContainerKind.EVENT_SUB_PROCESS && event.event() == null) {
        problems.add(
            "Element '"
                + start
                + "' (startEvent): an event sub-process needs a timer, message or"
                + " error start event");
      }
    }
    return starts;
  }

  private ExecutableFlowNode transformNode(
      FlowNode node,
      String flowScopeId,
      List<String> incoming,
      List<ExecutableSequenceFlow> outgoing,
      Collector collector,
      List<String> problems) {
    String kind = node.getElementType().getTypeName();
    if (node instanceof Activity activity && activity.getLoopCharacteristics() != null) {
      problems.add(describe(node) + ": multi-instance activities are not supported yet");
      return null;
    }
    if (node.getSingleExtensionElement(ZeebeExecutionListeners.class) != null) {
      problems.add(describe(node) + ": execution listeners are not supported yet");
      return null;
    }
    boolean eventSubProcess = node instanceof SubProcess sp && sp.triggeredByEvent();
    BpmnElementType type =
        switch (kind) {
          case "startEvent" -> BpmnElementType.START_EVENT;
          case "endEvent" -> BpmnElementType.END_EVENT;
          case "intermediateThrowEvent" -> BpmnElementType.INTERMEDIATE_THROW_EVENT;
          case "intermediateCatchEvent" -> BpmnElementType.INTERMEDIATE_CATCH_EVENT;
          case "boundaryEvent" -> BpmnElementType.BOUNDARY_EVENT;
          case "serviceTask" -> BpmnElementType.SERVICE_TASK;
          case "sendTask" -> BpmnElementType.SEND_TASK;
          case "scriptTask" -> BpmnElementType.SCRIPT_TASK;
          case "receiveTask" -> BpmnElementType.RECEIVE_TASK;
          case "task" -> BpmnElementType.TASK;
          case "manualTask" -> BpmnElementType.MANUAL_TASK;
          case "exclusiveGateway" -> BpmnElementType.EXCLUSIVE_GATEWAY;
          case "parallelGateway" -> BpmnElementType.PARALLEL_GATEWAY;
          case "eventBasedGateway" -> BpmnElementType.EVENT_BASED_GATEWAY;
          case "subProcess" ->
              eventSubProcess ? BpmnElementType.EVENT_SUB_PROCESS : BpmnElementType.SUB_PROCESS;
          case "callActivity" -> BpmnElementType.CALL_ACTIVITY;
          case "userTask" -> BpmnElementType.USER_TASK;
          default -> null;
        };
    if (type == null) {
      problems.add(describe(node) + ": " + unsupported(node));
      return null;
    }
    EventDefinition event = null;
    if (node instanceof Event e) {
      List<EventDefinition> definitions = eventDefinitions(e, problems);
      if (definitions.size() > 1) {
        problems.add(describe(node) + ": only one event definition per event is supported");
        return null;
      }
      event = definitions.isEmpty() ? null : definitions.get(0);
      String allowed = allowedEvent(type, event);
      if (allowed != null) {
        problems.add(describe(node) + ": " + allowed);
        return null;
      }
    }
    List<VariableMapping> inputs = new ArrayList<>();
    List<VariableMapping> outputs = new ArrayList<>();
    ZeebeIoMapping ioMapping = node.getSingleExtensionElement(ZeebeIoMapping.class);
    if (ioMapping != null) {
      if (!(node instanceof Activity) && !ioMapping.getInputs().isEmpty()) {
        problems.add(describe(node) + ": input mappings are not allowed on a " + kind);
      }
      for (ZeebeInput input : ioMapping.getInputs()) {
        inputs.add(mapping(node, "input", input.getSource(), input.getTarget(), problems));
      }
      for (ZeebeOutput output : ioMapping.getOutputs()) {
        outputs.add(mapping(node, "output", output.getSource(), output.getTarget(), problems));
      }
    }
    ElementInfo info =
        new ElementInfo(
            node.getId(),
            nameOf(node.getName(), node.getId()),
            type,
            flowScopeId,
            List.copyOf(incoming),
            List.copyOf(outgoing),
            List.copyOf(inputs),
            List.copyOf(outputs));

    return switch (type) {
      case START_EVENT ->
          new ExecutableStartEvent(info, event, ((StartEvent) node).isInterrupting());
      case END_EVENT -> new ExecutableEndEvent(info, event);
      case INTERMEDIATE_CATCH_EVENT -> new ExecutableCatchEvent(info, event);
      case BOUNDARY_EVENT -> {
        BoundaryEvent boundary = (BoundaryEvent) node;
        if (boundary.getAttachedTo() == null) {
          problems.add(describe(node) + ": a boundary event must be attached to an activity");
          yield null;
        }
        yield new ExecutableBoundaryEvent(
            info,
            boundary.getAttachedTo().getId(),
            boundary.cancelActivity() || event instanceof EventDefinition.Error,
            event);
      }
      case INTERMEDIATE_THROW_EVENT, TASK, MANUAL_TASK -> new ExecutablePassThroughElement(info);
      case SERVICE_TASK, SEND_TASK -> jobWorkerTask(node, info, problems);
      case SCRIPT_TASK -> scriptTask(node, info, problems);
      case RECEIVE_TASK -> receiveTask((ReceiveTask) node, info, problems);
      case EXCLUSIVE_GATEWAY -> exclusiveGateway((ExclusiveGateway) node, info, problems);
      case PARALLEL_GATEWAY -> parallelGateway(node, info, problems);
      case EVENT_BASED_GATEWAY -> new ExecutableEventBasedGateway(info);
      case SUB_PROCESS, EVENT_SUB_PROCESS -> {
        SubProcess sub = (SubProcess) node;
        List<String> starts =
            transformContainer(
                node.getId(),
                eventSubProcess ? ContainerKind.EVENT_SUB_PROCESS : ContainerKind.SUB_PROCESS,
                sub.getFlowElements(),
                collector,
                problems);
        if (eventSubProcess && (!incoming.isEmpty() || !outgoing.isEmpty())) {
          problems.add(describe(node) + ": an event sub-process must not have sequence flows");
        }
        yield new ExecutableSubProcess(
            info, starts.isEmpty() ? null : starts.get(0), eventSubProcess);
      }
      case CALL_ACTIVITY -> callActivity(node, info, problems);
      case USER_TASK -> userTask(node, info, problems);
      default -> throw new IllegalStateException("unmapped element type " + type);
    };
  }

  /** Null when the event definition is allowed on this kind of event, else why not. */
  private static String allowedEvent(BpmnElementType type, EventDefinition event) {
    boolean timer = event instanceof EventDefinition.Timer;
    boolean message = event instanceof EventDefinition.Message;
    boolean error = event instanceof EventDefinition.Error;
    boolean terminate = event instanceof EventDefinition.Terminate;
    return switch (type) {
      case START_EVENT -> terminate ? "a start event cannot be a terminate event" : null;
      case END_EVENT ->
          event == null || error || terminate
              ? null
              : "only none, error and terminate end events are supported";
      case INTERMEDIATE_THROW_EVENT ->
          event == null ? null : "only none intermediate throw events are supported";
      case INTERMEDIATE_CATCH_EVENT -> {
        if (message) {
          yield null;
        }
        if (timer) {
          yield ((EventDefinition.Timer) event).kind() == EventDefinition.Timer.Kind.CYCLE
              ? "an intermediate timer catch event needs a date or a duration, not a cycle"
              : null;
        }
        yield "only timer and message intermediate catch events are supported";
      }
      case BOUNDARY_EVENT ->
          timer || message || error
              ? null
              : "only timer, message and error boundary events are" + " supported";
      default -> null;
    };
  }

  private List<EventDefinition> eventDefinitions(Event event, List<String> problems) {
    List<EventDefinition> result = new ArrayList<>();
    for (io.camunda.zeebe.model.bpmn.instance.EventDefinition definition :
        event.getChildElementsByType(io.camunda.zeebe.model.bpmn.instance.EventDefinition.class)) {
      if (definition instanceof TimerEventDefinition timer) {
        result.add(timer(event, timer, problems));
      } else if (definition instanceof MessageEventDefinition message) {
        result.add(message(event, message.getMessage(), problems));
      } else if (definition instanceof ErrorEventDefinition error) {
        String code = error.getError() == null ? null : error.getError().getErrorCode();
        result.add(
            new EventDefinition.Error(
                code == null || code.isBlank()
                    ? null
                    : expression(event, "error code", code, problems)));
      } else if (definition instanceof TerminateEventDefinition) {
        result.add(new EventDefinition.Terminate());
      } else {
        problems.add(
            describe(event)
                + ": the event definition '"
                + definition.getElementType().getTypeName()
                + "' is not supported by the embedded engine");
      }
    }
    return result;
  }

  private EventDefinition.Timer timer(
      Event event, TimerEventDefinition timer, List<String> problems) {
    EventDefinition.Timer.Kind kind;
    String text;
    if (timer.getTimeDate() != null) {
      kind = EventDefinition.Timer.Kind.DATE;
      text = timer.getTimeDate().getTextContent();
    } else if (timer.getTimeDuration() != null) {
      kind = EventDefinition.Timer.Kind.DURATION;
      text = timer.getTimeDuration().getTextContent();
    } else if (timer.getTimeCycle() != null) {
      kind = EventDefinition.Timer.Kind.CYCLE;
      text = timer.getTimeCycle().getTextContent();
    } else {
      problems.add(describe(event) + ": a timer needs a timeDate, timeDuration or timeCycle");
      return new EventDefinition.Timer(EventDefinition.Timer.Kind.DURATION, null);
    }
    if (text == null || text.isBlank()) {
      problems.add(describe(event) + ": the timer " + kind.name().toLowerCase() + " is empty");
    }
    return new EventDefinition.Timer(
        kind, expression(event, "timer " + kind.name().toLowerCase(), text.strip(), problems));
  }

  private EventDefinition.Message message(
      BaseElement element,
      io.camunda.zeebe.model.bpmn.instance.Message message,
      List<String> problems) {
    if (message == null || message.getName() == null || message.getName().isBlank()) {
      problems.add(describe(element) + ": a message event needs a message with a name");
      return new EventDefinition.Message(null, null);
    }
    Expression name = expression(element, "message name", message.getName(), problems);
    ZeebeSubscription subscription = message.getSingleExtensionElement(ZeebeSubscription.class);
    Expression correlationKey =
        subscription == null || subscription.getCorrelationKey() == null
            ? null
            : expression(element, "correlation key", subscription.getCorrelationKey(), problems);
    boolean startEvent = element instanceof StartEvent start && isProcessLevel(start);
    if (correlationKey == null && !startEvent) {
      problems.add(
          describe(element)
              + ": the message '"
              + message.getName()
              + "' needs a zeebe:subscription correlationKey");
    }
    return new EventDefinition.Message(name, correlationKey);
  }

  private static boolean isProcessLevel(FlowNode node) {
    return node.getParentElement() instanceof Process;
  }

  private ExecutableFlowNode receiveTask(
      ReceiveTask task, ElementInfo info, List<String> problems) {
    return new ExecutableReceiveTask(info, message(task, task.getMessage(), problems));
  }

  private ExecutableFlowNode userTask(FlowNode node, ElementInfo info, List<String> problems) {
    if (node.getSingleExtensionElement(ZeebeUserTask.class) == null) {
      problems.add(
          describe(node)
              + ": only Camunda user tasks (zeebe:userTask) are supported, not job-based user"
              + " tasks");
      return null;
    }
    ZeebeAssignmentDefinition assignment =
        node.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
    ZeebeTaskSchedule schedule = node.getSingleExtensionElement(ZeebeTaskSchedule.class);
    ZeebePriorityDefinition priority =
        node.getSingleExtensionElement(ZeebePriorityDefinition.class);
    ZeebeFormDefinition form = node.getSingleExtensionElement(ZeebeFormDefinition.class);
    Map<String, String> headers = new LinkedHashMap<>();
    ZeebeTaskHeaders taskHeaders = node.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (taskHeaders != null) {
      for (ZeebeHeader header : taskHeaders.getHeaders()) {
        headers.put(header.getKey(), header.getValue());
      }
    }
    List<ExecutableUserTask.TaskListener> listeners = new ArrayList<>();
    ZeebeTaskListeners taskListeners = node.getSingleExtensionElement(ZeebeTaskListeners.class);
    if (taskListeners != null) {
      for (ZeebeTaskListener listener : taskListeners.getTaskListeners()) {
        String event = listener.getEventType() == null ? null : listener.getEventType().name();
        String normalized =
            switch (event == null ? "" : event) {
              case "create", "creating" -> "CREATING";
              case "assignment", "assigning" -> "ASSIGNING";
              case "update", "updating" -> "UPDATING";
              case "complete", "completing" -> "COMPLETING";
              case "cancel", "canceling" -> "CANCELING";
              default -> null;
            };
        if (normalized == null) {
          problems.add(describe(node) + ": unknown task listener event type '" + event + "'");
          continue;
        }
        String retries = listener.getRetries();
        listeners.add(
            new ExecutableUserTask.TaskListener(
                normalized,
                expression(node, "task listener type", listener.getType(), problems),
                expression(
                    node,
                    "task listener retries",
                    retries == null || retries.isBlank() ? "3" : retries,
                    problems)));
      }
    }
    return new ExecutableUserTask(
        info,
        optional(node, "assignee", assignment == null ? null : assignment.getAssignee(), problems),
        optional(
            node,
            "candidate groups",
            assignment == null ? null : assignment.getCandidateGroups(),
            problems),
        optional(
            node,
            "candidate users",
            assignment == null ? null : assignment.getCandidateUsers(),
            problems),
        optional(node, "due date", schedule == null ? null : schedule.getDueDate(), problems),
        optional(
            node, "follow-up date", schedule == null ? null : schedule.getFollowUpDate(), problems),
        optional(node, "priority", priority == null ? null : priority.getPriority(), problems),
        form == null || form.getFormId() == null || form.getFormId().isBlank()
            ? null
            : form.getFormId(),
        form == null ? null : form.getExternalReference(),
        Map.copyOf(headers),
        List.copyOf(listeners));
  }

  private Expression optional(
      BaseElement element, String attribute, String text, List<String> problems) {
    return text == null || text.isBlank() ? null : expression(element, attribute, text, problems);
  }

  private ExecutableFlowNode callActivity(FlowNode node, ElementInfo info, List<String> problems) {
    ZeebeCalledElement called = node.getSingleExtensionElement(ZeebeCalledElement.class);
    if (called == null || called.getProcessId() == null || called.getProcessId().isBlank()) {
      problems.add(describe(node) + ": a call activity needs zeebe:calledElement processId");
      return null;
    }
    return new ExecutableCallActivity(
        info,
        expression(node, "called process id", called.getProcessId(), problems),
        called.isPropagateAllChildVariablesEnabled(),
        called.isPropagateAllParentVariablesEnabled());
  }

  private ExecutableFlowNode jobWorkerTask(FlowNode node, ElementInfo info, List<String> problems) {
    ZeebeTaskDefinition definition = node.getSingleExtensionElement(ZeebeTaskDefinition.class);
    if (definition == null) {
      // Zeebe's validators report this already; nothing to build.
      return null;
    }
    Expression type = expression(node, "job type", definition.getType(), problems);
    String retriesAttribute = definition.getRetries();
    Expression retries =
        expression(
            node,
            "job retries",
            retriesAttribute == null || retriesAttribute.isBlank()
                ? ZeebeTaskDefinition.DEFAULT_RETRIES
                : retriesAttribute,
            problems);
    if (retries instanceof Expression.Static s && !s.source().strip().matches("-?\\d+")) {
      problems.add(
          describe(node)
              + ": job retries must be a whole number or a FEEL expression, but was '"
              + s.source()
              + "'");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    ZeebeTaskHeaders taskHeaders = node.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (taskHeaders != null) {
      for (ZeebeHeader header : taskHeaders.getHeaders()) {
        headers.put(header.getKey(), header.getValue());
      }
    }
    return new ExecutableJobWorkerTask(info, type, retries, Map.copyOf(headers));
  }

  private ExecutableFlowNode scriptTask(FlowNode node, ElementInfo info, List<String> problems) {
    if (node.getSingleExtensionElement(ZeebeTaskDefinition.class) != null) {
      return jobWorkerTask(node, info, problems);
    }
    ZeebeScript script = node.getSingleExtensionElement(ZeebeScript.class);
    if (script == null) {
      return null; // reported by Zeebe's validators
    }
    String source = script.getExpression();
    if (source == null || !source.strip().startsWith("=")) {
      problems.add(
          describe(node)
              + ": the script must be a FEEL expression starting with '=', but was '"
              + source
              + "'");
      return null;
    }
    String resultVariable = script.getResultVariable();
    if (resultVariable == null || !VARIABLE_PATH.matcher(resultVariable).matches()) {
      problems.add(
          describe(node) + ": the result variable '" + resultVariable + "' is not a valid name");
    }
    return new ExecutableScriptTask(
        info, expression(node, "script", source, problems), resultVariable);
  }

  private ExecutableFlowNode exclusiveGateway(
      ExclusiveGateway gateway, ElementInfo info, List<String> problems) {
    String defaultFlow = gateway.getDefault() == null ? null : gateway.getDefault().getId();
    for (ExecutableSequenceFlow flow : info.outgoing()) {
      if (flow.id().equals(defaultFlow) && flow.condition() != null) {
        problems.add(
            describe(gateway)
                + ": the default flow '"
                + defaultFlow
                + "' must not have a condition");
      }
      if (info.outgoing().size() > 1
          && !flow.id().equals(defaultFlow)
          && flow.condition() == null) {
        problems.add(
            describe(gateway)
                + ": outgoing flow '"
                + flow.id()
                + "' needs a condition (or must be the default flow)");
      }
    }
    return new ExecutableExclusiveGateway(info, defaultFlow);
  }

  private ExecutableFlowNode parallelGateway(
      FlowNode gateway, ElementInfo info, List<String> problems) {
    for (ExecutableSequenceFlow flow : info.outgoing()) {
      if (flow.condition() != null) {
        problems.add(
            describe(gateway)
                + ": outgoing flow '"
                + flow.id()
                + "' of a parallel gateway must not have a condition");
      }
    }
    return new ExecutableParallelGateway(info);
  }

  private Expression condition(SequenceFlow flow, String text, List<String> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (!text.strip().startsWith("=")) {
      problems.add(
          describe(flow)
              + ": the condition must be a FEEL expression starting with '=', but was '"
              + text.strip()
              + "'");
      return null;
    }
    return expression(flow, "condition", text, problems);
  }

  private VariableMapping mapping(
      FlowNode node, String kind, String source, String target, List<String> problems) {
    if (target == null || !VARIABLE_PATH.matcher(target).matches()) {
      problems.add(
          describe(node)
              + ": the "
              + kind
              + " mapping target '"
              + target
              + "' is not a variable name or dotted path");
    }
    Expression parsed =
        source == null || source.isEmpty()
            ? null
            : expression(node, kind + " mapping source", source, problems);
    return new VariableMapping(parsed, target);
  }

  private Expression expression(
      BaseElement element, String attribute, String text, List<String> problems) {
    Expression parsed = expressions.parse(text);
    if (parsed instanceof Expression.Invalid invalid) {
      problems.add(
          describe(element)
              + ": the "
              + attribute
              + " '"
              + invalid.source()
              + "' is not a valid FEEL expression: "
              + invalid.reason());
    }
    return parsed;
  }

  private static boolean hasEventDefinitions(Event event) {
    return !event
        .getChildElementsByType(io.camunda.zeebe.model.bpmn.instance.EventDefinition.class)
        .isEmpty();
  }

  private static String unsupported(ModelElementInstance element) {
    return "the element type '"
        + element.getElementType().getTypeName()
        + "' is not supported by the embedded engine";
  }

  private static String describe(ModelElementInstance element) {
    String type = element.getElementType().getTypeName();
    String id = element instanceof BaseElement base ? base.getId() : null;
    return id == null ? "Element '" + type + "'" : "Element '" + id + "' (" + type + ")";
  }

  private static String nameOf(String name, String id) {
    return name == null || name.isBlank() ? id : name;
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
