package org.redress.engine.runtime.behavior;

/** Either a value of the expected type or the failure to report as an incident. */
public record Evaluated<T>(T value, Failure failure) {

  public static <T> Evaluated<T> of(T value) {
    return new Evaluated<>(value, null);
  }

  public static <T> Evaluated<T> failed(Failure failure) {
    return new Evaluated<>(null, failure);
  }

  public boolean isFailure() {
    return failure != null;
  }
}
