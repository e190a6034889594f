package org.redress.funds;

import org.redress.shared.DomainException;

/** A funds request that a rule refuses; {@link #code()} is the {@link FundsError} name. */
public class FundsException extends DomainException {

  private final FundsError error;

  public FundsException(FundsError error, String message) {
    super(error.name(), message);
    this.error = error;
  }

  public FundsError error() {
    return error;
  }
}
