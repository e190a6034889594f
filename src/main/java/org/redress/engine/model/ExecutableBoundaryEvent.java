package org.redress.engine.model;

/**
 * A boundary event attached to an activity: timer, message or error; interrupting ones terminate
 * the activity before they run (error boundaries always interrupt).
 */
public record ExecutableBoundaryEvent(
    ElementInfo info, String attachedToId, boolean interrupting, EventDefinition event)
    implements ExecutableFlowNode {}
