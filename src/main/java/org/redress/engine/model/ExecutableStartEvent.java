package org.redress.engine.model;

/**
 * A start event: none ({@code event} null), or a timer / message start of the process, or the timer
 * / message / error start of an event sub-process ({@code interrupting} matters there).
 */
public record ExecutableStartEvent(ElementInfo info, EventDefinition event, boolean interrupting)
    implements ExecutableFlowNode {}
