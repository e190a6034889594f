package org.redress.engine.model;

import org.redress.engine.expression.Expression;

/** The event definition of a start, catch, boundary or end event. */
public sealed interface EventDefinition
    permits EventDefinition.Timer,
        EventDefinition.Message,
        EventDefinition.Error,
        EventDefinition.Terminate {

  /**
   * A timer: a date, a duration, or a cycle ({@code R[n]/[start/]duration} or a cron expression);
   * static or FEEL.
   */
  record Timer(Kind kind, Expression value) implements EventDefinition {
    public enum Kind {
      DATE,
      DURATION,
      CYCLE
    }
  }

  /**
   * A message: its name (static or FEEL) and, for catch events, the correlation key expression
   * (null for start events, which correlate by name only).
   */
  record Message(Expression name, Expression correlationKey) implements EventDefinition {}

  /**
   * An error. On a catch event {@code code} is null for a catch-all (or the static code); on an end
   * event it is the code to throw (static or FEEL).
   */
  record Error(Expression code) implements EventDefinition {}

  /** A terminate end event. */
  record Terminate() implements EventDefinition {}
}
