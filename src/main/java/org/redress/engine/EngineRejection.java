package org.redress.engine;

/**
 * A command the engine refuses, as Zeebe rejects a command: the type fixes the HTTP status and the
 * message says "Expected ..., but ..." in words a client developer understands.
 */
public class EngineRejection extends RuntimeException {

  /** Zeebe's rejection types that the REST layer maps to HTTP statuses. */
  public enum Type {
    INVALID_ARGUMENT(400),
    NOT_FOUND(404),
    INVALID_STATE(409),
    ALREADY_EXISTS(409),
    TIMEOUT(504);

    private final int status;

    Type(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Type type;

  public EngineRejection(Type type, String message) {
    super(message);
    this.type = type;
  }

  public Type type() {
    return type;
  }

  public static EngineRejection notFound(String message) {
    return new EngineRejection(Type.NOT_FOUND, message);
  }

  public static EngineRejection invalidState(String message) {
    return new EngineRejection(Type.INVALID_STATE, message);
  }

  public static EngineRejection invalidArgument(String message) {
    return new EngineRejection(Type.INVALID_ARGUMENT, message);
  }
}
