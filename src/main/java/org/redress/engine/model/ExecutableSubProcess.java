package org.redress.engine.model;

/**
 * An embedded sub-process (entered at its none start event) or an event sub-process ({@code
 * startEventId} is then its timer, message or error start event, and it has no flows).
 */
public record ExecutableSubProcess(ElementInfo info, String startEventId, boolean eventTriggered)
    implements ExecutableFlowNode {}
