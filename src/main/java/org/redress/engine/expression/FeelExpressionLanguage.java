package org.redress.engine.expression;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import scala.jdk.javaapi.CollectionConverters;

/** FEEL through feel-scala's Java API, with the engine's clock behind {@code now()}. */
public final class FeelExpressionLanguage implements ExpressionLanguage {

  private final FeelEngineApi feel;

  public FeelExpressionLanguage(Supplier<Instant> clock) {
    this.feel =
        FeelEngineBuilder.forJava()
            .withClock(() -> ZonedDateTime.ofInstant(clock.get(), ZoneOffset.UTC))
            .build();
  }

  @Override
  public Expression parse(String attribute) {
    if (attribute == null) {
      return null;
    }
    String trimmed = attribute.strip();
    if (trimmed.startsWith("=")) {
      return parseFeel(trimmed.substring(1));
    }
    return new Expression.Static(attribute);
  }

  @Override
  public Expression parseFeel(String expression) {
    String source = "=" + expression;
    ParseResult result = feel.parseExpression(expression);
    if (result.isFailure()) {
      return new Expression.Invalid(source, result.failure().message());
    }
    return new FeelExpression(source, result.parsedExpression());
  }

  @Override
  public EvaluationResult evaluate(Expression expression, Map<String, Object> variables) {
    if (expression instanceof FeelExpression feelExpression) {
      return evaluateFeel(feelExpression, variables);
    }
    if (expression instanceof Expression.Invalid invalid) {
      return new EvaluationResult(null, invalid.reason(), List.of());
    }
    return EvaluationResult.success(expression.source());
  }

  private EvaluationResult evaluateFeel(FeelExpression expression, Map<String, Object> variables) {
    org.camunda.feel.api.EvaluationResult result = feel.evaluate(expression.parsed(), variables);
    List<String> warnings = new ArrayList<>();
    for (EvaluationFailure w : CollectionConverters.asJava(result.suppressedFailures())) {
      warnings.add("[" + w.failureType() + "] " + w.failureMessage());
    }
    if (result.isFailure()) {
      return new EvaluationResult(null, result.failure().message(), warnings);
    }
    return new EvaluationResult(toJsonValue(result.result()), null, warnings);
  }

  /** FEEL's Java values to what a JSON variable can hold (Zeebe stores temporals as strings). */
  static Object toJsonValue(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Number) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), toJsonValue(v)));
      return copy;
    }
    if (value instanceof Collection<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(toJsonValue(v)));
      return copy;
    }
    // dates, times, durations and periods: their ISO-8601 text
    return value.toString();
  }
}
