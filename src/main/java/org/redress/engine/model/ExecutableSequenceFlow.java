package org.redress.engine.model;

import org.redress.engine.expression.Expression;

/** A sequence flow; {@code condition} is null for an unconditional flow. */
public record ExecutableSequenceFlow(
    String id, String sourceId, String targetId, Expression condition) {}
