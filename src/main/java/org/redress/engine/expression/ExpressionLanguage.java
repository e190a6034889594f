package org.redress.engine.expression;

import java.util.Map;

/** Parses and evaluates the expressions of BPMN attributes (FEEL, as in Zeebe 8.8). */
public interface ExpressionLanguage {

  /**
   * Parses an attribute: text starting with {@code =} is FEEL, anything else is a static value.
   * Never throws; a FEEL syntax error gives {@link Expression.Invalid}.
   */
  Expression parse(String attribute);

  /** Parses text that must be FEEL even without a leading {@code =} (e.g. conditions). */
  Expression parseFeel(String expression);

  /**
   * Evaluates in the given variable context. Static expressions evaluate to their text.
   *
   * @param variables the visible variables as plain Java/JSON values
   */
  EvaluationResult evaluate(Expression expression, Map<String, Object> variables);
}
