package org.redress.engine.runtime.behavior;

import java.util.List;
import java.util.Map;
import org.redress.engine.expression.EvaluationResult;
import org.redress.engine.expression.Expression;
import org.redress.engine.expression.ExpressionLanguage;

/**
 * Evaluates element attributes and checks their result type the way Zeebe does: a result of the
 * wrong type (including {@code null}) is an {@code EXTRACT_VALUE_ERROR}, with FEEL's warnings in
 * the message so that a person can see which variable was missing.
 */
public class ExpressionBehavior {

  private final ExpressionLanguage language;

  public ExpressionBehavior(ExpressionLanguage language) {
    this.language = language;
  }

  /** Any result, including null; fails only when evaluation itself fails. */
  public Evaluated<Object> evaluateAny(
      Expression expression, Map<String, Object> variables, String errorType) {
    EvaluationResult result = language.evaluate(expression, variables);
    if (result.isFailure()) {
      return Evaluated.failed(
          new Failure(
              errorType,
              "Expected to evaluate the expression '"
                  + text(expression)
                  + "', but it failed: "
                  + result.failure()
                  + warnings(result.warnings())));
    }
    return Evaluated.of(result.value());
  }

  public Evaluated<Boolean> evaluateBoolean(Expression expression, Map<String, Object> variables) {
    EvaluationResult result = language.evaluate(expression, variables);
    if (!result.isFailure() && result.value() instanceof Boolean b) {
      return Evaluated.of(b);
    }
    return Evaluated.failed(typeFailure(expression, "BOOLEAN", result));
  }

  /** A non-empty string (job types, for example). Static values are taken as written. */
  public Evaluated<String> evaluateString(Expression expression, Map<String, Object> variables) {
    EvaluationResult result = language.evaluate(expression, variables);
    if (!result.isFailure() && result.value() instanceof String s && !s.isEmpty()) {
      return Evaluated.of(s);
    }
    return Evaluated.failed(typeFailure(expression, "STRING", result));
  }

  /** A number, truncated to a long (static values must be whole numbers). */
  public Evaluated<Long> evaluateLong(Expression expression, Map<String, Object> variables) {
    EvaluationResult result = language.evaluate(expression, variables);
    if (!result.isFailure()) {
      if (result.value() instanceof Number n) {
        return Evaluated.of(n.longValue());
      }
      if (expression instanceof Expression.Static && result.value() instanceof String s) {
        try {
          return Evaluated.of(Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
          // reported below
        }
      }
    }
    return Evaluated.failed(typeFailure(expression, "NUMBER", result));
  }

  private static Failure typeFailure(Expression expression, String expected, EvaluationResult r) {
    if (r.isFailure()) {
      return new Failure(
          Failure.EXTRACT_VALUE_ERROR,
          "Expected to evaluate the expression '"
              + text(expression)
              + "', but it failed: "
              + r.failure()
              + warnings(r.warnings()));
    }
    return new Failure(
        Failure.EXTRACT_VALUE_ERROR,
        "Expected result of the expression '"
            + text(expression)
            + "' to be '"
            + expected
            + "', but was '"
            + typeOf(r.value())
            + "'."
            + warnings(r.warnings()));
  }

  private static String warnings(List<String> warnings) {
    if (warnings.isEmpty()) {
      return "";
    }
    return " The evaluation reported the following warnings:\n" + String.join("\n", warnings);
  }

  private static String text(Expression expression) {
    String source = expression.source();
    return source.startsWith("=") ? source.substring(1) : source;
  }

  static String typeOf(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof Boolean) {
      return "BOOLEAN";
    }
    if (value instanceof Number) {
      return "NUMBER";
    }
    if (value instanceof String) {
      return "STRING";
    }
    if (value instanceof List<?>) {
      return "ARRAY";
    }
    if (value instanceof Map<?, ?>) {
      return "OBJECT";
    }
    return "UNKNOWN";
  }
}
