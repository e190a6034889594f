/**
 * What several elements share, used by the runner and the element processors: per instance and
 * command, jobs ({@code JobBehavior}), incidents ({@code IncidentBehavior}), termination and
 * interruption ({@code TerminationBehavior}, {@code Trigger}), child instances of call activities
 * ({@code CallActivityBehavior}), catch events and errors ({@code EventBehavior}) and the user task
 * lifecycle ({@code UserTaskBehavior}); stateless: variables and propagation, variable mappings,
 * typed expression evaluation, timer schedules.
 */
package org.redress.engine.runtime.behavior;
