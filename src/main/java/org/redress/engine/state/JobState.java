package org.redress.engine.state;

/** Runtime states of a job (Zeebe's JobState). */
public enum JobState {
  /** Waiting for a worker. */
  ACTIVATABLE,
  /** Handed to a worker until its deadline. */
  ACTIVATED,
  /** Failed: waiting for its back-off, or out of retries with an incident. */
  FAILED,
  /** A BPMN error nobody caught: incident. */
  ERROR_THROWN,
  COMPLETED,
  CANCELED;

  /** A worker may complete, fail or throw an error on a job in these states. */
  public boolean acceptsWorkerCommands() {
    return this == ACTIVATABLE || this == ACTIVATED;
  }

  public boolean isFinal() {
    return this == COMPLETED || this == CANCELED;
  }
}
