package org.redress.engine.model;

import org.redress.engine.expression.Expression;

/** A script task with {@code zeebe:script}: a FEEL expression whose result is stored. */
public record ExecutableScriptTask(ElementInfo info, Expression script, String resultVariable)
    implements ExecutableFlowNode {}
