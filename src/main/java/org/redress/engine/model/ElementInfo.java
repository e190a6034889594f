package org.redress.engine.model;

import java.util.List;

/**
 * What every executable element has.
 *
 * @param name the model's name, or the id when the model gives none
 * @param flowScopeId the id of the enclosing process (or sub-process)
 * @param incoming ids of incoming sequence flows
 * @param outgoing outgoing sequence flows in document order (the order conditions are evaluated)
 */
public record ElementInfo(
    String id,
    String name,
    BpmnElementType type,
    String flowScopeId,
    List<String> incoming,
    List<ExecutableSequenceFlow> outgoing,
    List<VariableMapping> inputs,
    List<VariableMapping> outputs) {}
