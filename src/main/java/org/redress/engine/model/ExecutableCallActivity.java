package org.redress.engine.model;

import org.redress.engine.expression.Expression;

/** A call activity: starts the latest version of another process and waits for it to end. */
public record ExecutableCallActivity(
    ElementInfo info,
    Expression processId,
    boolean propagateAllChildVariables,
    boolean propagateAllParentVariables)
    implements ExecutableFlowNode {}
