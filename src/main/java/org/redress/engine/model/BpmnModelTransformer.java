package org.redress.engine.model;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.ConditionExpression;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResult;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.camunda.bpm.model.xml.validation.ValidationResults;
import org.redress.engine.expression.Expression;
import org.redress.engine.expression.ExpressionLanguage;
import org.redress.engine.model.transform.ContainerKind;
import org.redress.engine.model.transform.ElementTransformer;
import org.redress.engine.model.transform.ElementTransformers;
import org.redress.engine.model.transform.TransformContext;
import org.redress.engine.model.transform.event.EventDefinitions;

/**
 * Deploy time: reads BPMN XML with the Zeebe model API, applies Zeebe's own design-time rules and
 * the embedded engine's limits, parses every expression once, and builds immutable {@code
 * Executable*} records. Any problem rejects the whole resource with a message naming the element.
 *
 * <p>This class walks processes and their containers and does what every element shares (sequence
 * flows, refusing multi-instance and execution listeners, the event definition, variable mappings);
 * what is specific to an element is in its {@link ElementTransformer} ({@code model.transform}).
 */
public class BpmnModelTransformer {

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
        processes.add(new ProcessWalk(problems).transformProcess(process));
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

  /** One process: collects its elements while walking its (sub-)containers. */
  private final class ProcessWalk {
    final Map<String, ExecutableFlowNode> elements = new LinkedHashMap<>();
    final Map<String, List<ExecutableBoundaryEvent>> boundaryEvents = new LinkedHashMap<>();
    final Map<String, List<ExecutableSubProcess>> eventSubProcesses = new LinkedHashMap<>();
    final List<ExecutableStartEvent> eventStartEvents = new ArrayList<>();
    final List<String> problems;
    final TransformContext context;

    ProcessWalk(List<String> problems) {
      this.problems = problems;
      this.context = new TransformContext(expressions, problems, this::transformContainer);
    }

    ExecutableProcess transformProcess(Process process) {
      List<String> starts =
          transformContainer(process.getId(), ContainerKind.PROCESS, process.getFlowElements());
      String noneStart = null;
      for (String start : starts) {
        ExecutableStartEvent event = (ExecutableStartEvent) elements.get(start);
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
          eventStartEvents.add(event);
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
          Map.copyOf(elements),
          noneStart,
          List.copyOf(eventStartEvents),
          Map.copyOf(boundaryEvents),
          Map.copyOf(eventSubProcesses));
    }

    /** Transforms one container's elements; returns the ids of its start events. */
    List<String> transformContainer(
        String containerId, ContainerKind kind, Collection<FlowElement> flowElements) {
      Map<String, List<ExecutableSequenceFlow>> outgoing = new LinkedHashMap<>();
      Map<String, List<String>> incoming = new LinkedHashMap<>();
      // Flows first, in document order: that order is the order gateway conditions are evaluated.
      for (FlowElement element : flowElements) {
        if (element instanceof SequenceFlow flow) {
          Expression condition = null;
          ConditionExpression conditionExpression = flow.getConditionExpression();
          if (conditionExpression != null) {
            condition = context.condition(flow, conditionExpression.getTextContent());
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
                outgoing.getOrDefault(node.getId(), List.of()));
        if (executable == null) {
          continue;
        }
        elements.put(node.getId(), executable);
        if (executable instanceof ExecutableStartEvent) {
          starts.add(node.getId());
        } else if (executable instanceof ExecutableBoundaryEvent boundary) {
          boundaryEvents
              .computeIfAbsent(boundary.attachedToId(), k -> new ArrayList<>())
              .add(boundary);
        } else if (executable instanceof ExecutableSubProcess sub && sub.eventTriggered()) {
          eventSubProcesses.computeIfAbsent(containerId, k -> new ArrayList<>()).add(sub);
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
        ExecutableStartEvent event = (ExecutableStartEvent) elements.get(start);
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
        List<ExecutableSequenceFlow> outgoing) {
      String kind = node.getElementType().getTypeName();
      if (node instanceof Activity activity && activity.getLoopCharacteristics() != null) {
        problems.add(describe(node) + ": multi-instance activities are not supported yet");
        return null;
      }
      if (node.getSingleExtensionElement(ZeebeExecutionListeners.class) != null) {
        problems.add(describe(node) + ": execution listeners are not supported yet");
        return null;
      }
      ElementTransformer transformer = ElementTransformers.forTypeName(kind);
      if (transformer == null) {
        problems.add(describe(node) + ": " + unsupported(node));
        return null;
      }
      BpmnElementType type = transformer.typeOf(node);
      EventDefinition event = null;
      if (node instanceof Event e) {
        List<EventDefinition> definitions = EventDefinitions.of(e, context);
        if (definitions.size() > 1) {
          problems.add(describe(node) + ": only one event definition per event is supported");
          return null;
        }
        event = definitions.isEmpty() ? null : definitions.get(0);
        String refused = transformer.refuseEvent(event);
        if (refused != null) {
          problems.add(describe(node) + ": " + refused);
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
          inputs.add(context.mapping(node, "input", input.getSource(), input.getTarget()));
        }
        for (ZeebeOutput output : ioMapping.getOutputs()) {
          outputs.add(context.mapping(node, "output", output.getSource(), output.getTarget()));
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
      return transformer.transform(node, info, event, context);
    }
  }

  private static String unsupported(ModelElementInstance element) {
    return "the element type '"
        + element.getElementType().getTypeName()
        + "' is not supported by the embedded engine";
  }

  private static String describe(ModelElementInstance element) {
    return TransformContext.describe(element);
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
