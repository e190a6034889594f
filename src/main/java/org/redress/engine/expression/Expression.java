package org.redress.engine.expression;

/**
 * An attribute value of a BPMN element, parsed once at deployment: static text, or a FEEL
 * expression (the attribute starts with {@code =}).
 */
public sealed interface Expression permits Expression.Static, FeelExpression, Expression.Invalid {

  /** The attribute as written in the model, including a leading {@code =} for FEEL. */
  String source();

  /** A value that is not an expression: used as written. */
  record Static(String source) implements Expression {}

  /** A FEEL expression that does not parse; deployment rejects models containing one. */
  record Invalid(String source, String reason) implements Expression {}
}
