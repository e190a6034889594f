package org.redress.engine.runtime;

import org.redress.engine.EngineClock;
import org.redress.engine.runtime.behavior.ExpressionBehavior;
import org.redress.engine.runtime.behavior.VariableMappingBehavior;
import org.redress.engine.state.EventStore;
import org.redress.engine.state.FormStore;
import org.redress.engine.state.InstanceStore;
import org.redress.engine.state.KeyGenerator;

/** The stateless collaborators every {@link ProcessInstanceRunner} uses. */
public record EngineServices(
    EngineClock clock,
    KeyGenerator keys,
    ExpressionBehavior expressions,
    VariableMappingBehavior mappings,
    ElementProcessors processors,
    EventStore events,
    InstanceStore instances,
    ProcessDefinitions definitions,
    FormStore forms) {}
