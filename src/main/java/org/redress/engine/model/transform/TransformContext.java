package org.redress.engine.model.transform;

import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.redress.engine.expression.Expression;
import org.redress.engine.expression.ExpressionLanguage;
import org.redress.engine.model.VariableMapping;

/**
 * What transformers share while one BPMN resource is transformed: the list of problems (every one
 * is reported, the resource is refused if there is any), expressions parsed once, and the way into
 * a nested container's elements.
 */
public final class TransformContext {

  /** Transforms the elements of a nested container; returns the ids of its start events. */
  @FunctionalInterface
  public interface Containers {
    List<String> transform(
        String containerId, ContainerKind kind, Collection<FlowElement> elements);
  }

  private static final Pattern VARIABLE_PATH =
      Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_\\-]*(\\.[\\p{L}_][\\p{L}\\p{N}_\\-]*)*");

  private final ExpressionLanguage expressions;
  private final List<String> problems;
  private final Containers containers;

  public TransformContext(
      ExpressionLanguage expressions, List<String> problems, Containers containers) {
    this.expressions = expressions;
    this.problems = problems;
    this.containers = containers;
  }

  /** Records a problem of the element; the resource will be refused. */
  public void problem(ModelElementInstance element, String reason) {
    problems.add(describe(element) + ": " + reason);
  }

  /** Records a problem that names its element(s) itself. */
  public void problem(String message) {
    problems.add(message);
  }

  /** Transforms a nested container's elements; returns the ids of its start events. */
  public List<String> transformContainer(
      String containerId, ContainerKind kind, Collection<FlowElement> elements) {
    return containers.transform(containerId, kind, elements);
  }

  /** Parses an expression (FEEL when it starts with {@code =}); an invalid one is a problem. */
  public Expression expression(BaseElement element, String attribute, String text) {
    Expression parsed = expressions.parse(text);
    if (parsed instanceof Expression.Invalid invalid) {
      problem(
          element,
          "the "
              + attribute
              + " '"
              + invalid.source()
              + "' is not a valid FEEL expression: "
              + invalid.reason());
    }
    return parsed;
  }

  /** Same, null when the attribute is absent or blank. */
  public Expression optional(BaseElement element, String attribute, String text) {
    return text == null || text.isBlank() ? null : expression(element, attribute, text);
  }

  /** A sequence flow's condition: null when it has none; it must be a FEEL expression. */
  public Expression condition(SequenceFlow flow, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (!text.strip().startsWith("=")) {
      problem(
          flow,
          "the condition must be a FEEL expression starting with '=', but was '"
              + text.strip()
              + "'");
      return null;
    }
    return expression(flow, "condition", text);
  }

  /** An input or output mapping: its target must be a variable name or a dotted path. */
  public VariableMapping mapping(FlowNode node, String kind, String source, String target) {
    if (!isVariablePath(target)) {
      problem(
          node,
          "the " + kind + " mapping target '" + target + "' is not a variable name or dotted path");
    }
    Expression parsed =
        source == null || source.isEmpty()
            ? null
            : expression(node, kind + " mapping source", source);
    return new VariableMapping(parsed, target);
  }

  /** The element's {@code zeebe:taskHeaders}, in model order. */
  public static Map<String, String> headers(FlowNode node) {
    Map<String, String> headers = new LinkedHashMap<>();
    ZeebeTaskHeaders taskHeaders = node.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (taskHeaders != null) {
      for (ZeebeHeader header : taskHeaders.getHeaders()) {
        headers.put(header.getKey(), header.getValue());
      }
    }
    return Map.copyOf(headers);
  }

  public static boolean isVariablePath(String text) {
    return text != null && VARIABLE_PATH.matcher(text).matches();
  }

  /** "Element 'id' (type)", as every problem starts. */
  public static String describe(ModelElementInstance element) {
    String type = element.getElementType().getTypeName();
    String id = element instanceof BaseElement base ? base.getId() : null;
    return id == null ? "Element '" + type + "'" : "Element '" + id + "' (" + type + ")";
  }
}
