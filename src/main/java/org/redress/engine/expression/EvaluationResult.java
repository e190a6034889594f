package org.redress.engine.expression;

import java.util.List;

/**
 * The outcome of evaluating an expression. FEEL is null-friendly: a missing variable yields {@code
 * null} with a warning rather than a failure, so callers check the result type themselves.
 *
 * @param value the result as plain Java/JSON values (String, Long, Double, Boolean, List, Map,
 *     null); FEEL dates, times and durations are given as ISO-8601 strings
 * @param failure why evaluation failed, or null on success
 * @param warnings FEEL's suppressed failures, e.g. "[NO_VARIABLE_FOUND] No variable found with name
 *     'x'"
 */
public record EvaluationResult(Object value, String failure, List<String> warnings) {

  public static EvaluationResult success(Object value) {
    return new EvaluationResult(value, null, List.of());
  }

  public boolean isFailure() {
    return failure != null;
  }
}
