package org.redress.engine.runtime.behavior;

import java.util.Map;

/**
 * An event to activate once an interruption has terminated what it interrupts: a boundary event
 * (kept on the interrupted element, activated in its flow scope) or an event sub-process (kept on
 * the interrupted scope, activated in it). Stored as JSON in {@code
 * element_instance.pending_trigger}: renaming a component changes the stored form.
 *
 * @param payload the event's variables: written as locals of the new instance ({@code asLocals},
 *     error variables) or kept for its completion (message variables)
 */
public record Trigger(String elementId, Map<String, Object> payload, boolean asLocals) {}
