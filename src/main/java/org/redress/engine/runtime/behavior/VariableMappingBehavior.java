package org.redress.engine.runtime.behavior;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.engine.model.VariableMapping;

/**
 * Applies {@code zeebe:ioMapping}. Inputs build fresh values (a dotted target creates a new nested
 * object); outputs merge dotted targets into the existing object, keeping its other properties.
 * Later mappings see the results of earlier ones.
 */
public class VariableMappingBehavior {

  private final ExpressionBehavior expressions;

  public VariableMappingBehavior(ExpressionBehavior expressions) {
    this.expressions = expressions;
  }

  /** The document of input mapping results, or the failure (IO_MAPPING_ERROR). */
  public Evaluated<Map<String, Object>> inputs(
      List<VariableMapping> mappings, Map<String, Object> visible) {
    return apply(mappings, visible, false);
  }

  /** The document of output mapping results, or the failure (IO_MAPPING_ERROR). */
  public Evaluated<Map<String, Object>> outputs(
      List<VariableMapping> mappings, Map<String, Object> visible) {
    return apply(mappings, visible, true);
  }

  private Evaluated<Map<String, Object>> apply(
      List<VariableMapping> mappings, Map<String, Object> visible, boolean mergeIntoExisting) {
    Map<String, Object> result = new LinkedHashMap<>();
    Map<String, Object> context = new LinkedHashMap<>(visible);
    for (VariableMapping mapping : mappings) {
      Object value = null;
      if (mapping.source() != null) {
        Evaluated<Object> evaluated =
            expressions.evaluateAny(mapping.source(), context, Failure.IO_MAPPING_ERROR);
        if (evaluated.isFailure()) {
          return Evaluated.failed(evaluated.failure());
        }
        value = evaluated.value();
      }
      String[] path = mapping.target().split("\\.");
      Object base =
          result.containsKey(path[0])
              ? result.get(path[0])
              : (mergeIntoExisting ? deepCopy(visible.get(path[0])) : null);
      Object updated = setPath(base, path, 1, value);
      result.put(path[0], updated);
      context.put(path[0], updated);
    }
    return Evaluated.of(result);
  }

  @SuppressWarnings("unchecked")
  private static Object setPath(Object base, String[] path, int index, Object value) {
    if (index == path.length) {
      return value;
    }
    Map<String, Object> object =
        base instanceof Map<?, ?> map
            ? new LinkedHashMap<>((Map<String, Object>) map)
            : new LinkedHashMap<>();
    object.put(path[index], setPath(object.get(path[index]), path, index + 1, value));
    return object;
  }

  @SuppressWarnings("unchecked")
  private static Object deepCopy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, deepCopy(v)));
      return copy;
    }
    return value;
  }
}
