package org.redress.engine.model;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
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

  private ExecutableProcess transformProcess(Process process, List<String> problems) {
    Map<String, ExecutableFlowNode> elements = new LinkedHashMap<>();
    Map<String, List<ExecutableSequenceFlow>> outgoing = new LinkedHashMap<>();
    Map<String, List<String>> incoming = new LinkedHashMap<>();
    Collection<FlowElement> flowElements = process.getFlowElements();

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

    String noneStart = null;
    for (FlowElement element : flowElements) {
      if (element instanceof SequenceFlow || !(element instanceof FlowNode node)) {
        if (!(element instanceof SequenceFlow)) {
          problems.add(describe(element) + ": " + unsupported(element));
        }
        continue;
      }
      ExecutableFlowNode executable =
          transformNode(
              node,
              process.getId(),
              incoming.getOrDefault(node.getId(), List.of()),
              outgoing.getOrDefault(node.getId(), List.of()),
              problems);
      if (executable == null) {
        continue;
      }
      if (executable instanceof ExecutableStartEvent) {
        if (noneStart != null) {
          problems.add(
              describe(node)
                  + ": a process may have only one none start event, but '"
                  + noneStart
                  + "' is one too");
        }
        noneStart = node.getId();
      }
      elements.put(node.getId(), executable);
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
    return new ExecutableProcess(info, Map.copyOf(elements), noneStart);
  }

  private ExecutableFlowNode transformNode(
      FlowNode node,
      String flowScopeId,
      List<String> incoming,
      List<ExecutableSequenceFlow> outgoing,
      List<String> problems) {
    String kind = node.getElementType().getTypeName();
    if (node instanceof Event event && hasEventDefinitions(event)) {
      problems.add(describe(node) + ": " + kind + " with an event definition is not supported yet");
      return null;
    }
    if (node instanceof Activity activity && activity.getLoopCharacteristics() != null) {
      problems.add(describe(node) + ": multi-instance activities are not supported yet");
      return null;
    }
    if (node.getSingleExtensionElement(ZeebeExecutionListeners.class) != null) {
      problems.add(describe(node) + ": execution listeners are not supported yet");
      return null;
    }
    BpmnElementType type =
        switch (kind) {
          case "startEvent" -> BpmnElementType.START_EVENT;
          case "endEvent" -> BpmnElementType.END_EVENT;
          case "intermediateThrowEvent" -> BpmnElementType.INTERMEDIATE_THROW_EVENT;
          case "serviceTask" -> BpmnElementType.SERVICE_TASK;
          case "sendTask" -> BpmnElementType.SEND_TASK;
          case "scriptTask" -> BpmnElementType.SCRIPT_TASK;
          case "task" -> BpmnElementType.TASK;
          case "manualTask" -> BpmnElementType.MANUAL_TASK;
          case "exclusiveGateway" -> BpmnElementType.EXCLUSIVE_GATEWAY;
          case "parallelGateway" -> BpmnElementType.PARALLEL_GATEWAY;
          default -> null;
        };
    if (type == null) {
      problems.add(describe(node) + ": " + unsupported(node));
      return null;
    }
    boolean mappingsAllowed = node instanceof Activity;
    List<VariableMapping> inputs = new ArrayList<>();
    List<VariableMapping> outputs = new ArrayList<>();
    ZeebeIoMapping ioMapping = node.getSingleExtensionElement(ZeebeIoMapping.class);
    if (ioMapping != null) {
      if (!mappingsAllowed
          && (!ioMapping.getInputs().isEmpty()
              || (type != BpmnElementType.END_EVENT
                  && type != BpmnElementType.INTERMEDIATE_THROW_EVENT
                  && !ioMapping.getOutputs().isEmpty()))) {
        problems.add(describe(node) + ": variable mappings are not allowed on a " + kind);
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
      case START_EVENT -> new ExecutableStartEvent(info);
      case END_EVENT -> new ExecutableEndEvent(info);
      case INTERMEDIATE_THROW_EVENT, TASK, MANUAL_TASK -> new ExecutablePassThroughElement(info);
      case SERVICE_TASK, SEND_TASK -> jobWorkerTask(node, info, problems);
      case SCRIPT_TASK -> scriptTask(node, info, problems);
      case EXCLUSIVE_GATEWAY -> exclusiveGateway((ExclusiveGateway) node, info, problems);
      case PARALLEL_GATEWAY -> parallelGateway(node, info, problems);
      default -> throw new IllegalStateException("unmapped element type " + type);
    };
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
