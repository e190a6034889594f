package org.redress.funds;

/**
 * The gateway failed transiently or its outcome is unknown (timeout, 5xx): retry with the same
 * idempotency key, never with a new one (R-PAY-4).
 */
public class PayoutGatewayException extends RuntimeException {

  public PayoutGatewayException(String message) {
    super(message);
  }

  public PayoutGatewayException(String message, Throwable cause) {
    super(message, cause);
  }
}
