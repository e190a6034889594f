package org.redress.engine.model;

import java.util.Map;
import org.redress.engine.expression.Expression;

/**
 * A task carried out by a job worker: service task, send task, or script task with a {@code
 * zeebe:taskDefinition}.
 *
 * @param jobType static or FEEL; must evaluate to a non-empty string
 * @param retries static or FEEL; must evaluate to a number (default 3)
 * @param headers {@code zeebe:taskHeaders}, in model order
 */
public record ExecutableJobWorkerTask(
    ElementInfo info, Expression jobType, Expression retries, Map<String, String> headers)
    implements ExecutableFlowNode {}
