package org.redress.engine.state;

/** Zeebe's element instance lifecycle. The REST API reports the first four as ACTIVE. */
public enum ElementState {
  ACTIVATING,
  ACTIVATED,
  COMPLETING,
  TERMINATING,
  COMPLETED,
  TERMINATED;

  public boolean isActive() {
    return this != COMPLETED && this != TERMINATED;
  }

  /** The state the Camunda REST API shows: ACTIVE, COMPLETED or TERMINATED. */
  public String apiState() {
    return isActive() ? "ACTIVE" : name();
  }
}
