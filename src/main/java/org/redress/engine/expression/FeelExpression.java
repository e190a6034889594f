package org.redress.engine.expression;

import org.camunda.feel.syntaxtree.ParsedExpression;

/** A parsed FEEL expression; the Scala syntax tree never leaves this package. */
final class FeelExpression implements Expression {

  private final String source;
  private final ParsedExpression parsed;

  FeelExpression(String source, ParsedExpression parsed) {
    this.source = source;
    this.parsed = parsed;
  }

  @Override
  public String source() {
    return source;
  }

  ParsedExpression parsed() {
    return parsed;
  }

  @Override
  public String toString() {
    return source;
  }
}
