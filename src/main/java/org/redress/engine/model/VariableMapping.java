package org.redress.engine.model;

import org.redress.engine.expression.Expression;

/**
 * One {@code zeebe:input} or {@code zeebe:output}: a static or FEEL source and a target variable
 * name or dotted path ({@code a.b.c}).
 *
 * @param source null when the model gives no source (the target becomes {@code null})
 */
public record VariableMapping(Expression source, String target) {}
