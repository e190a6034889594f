package org.redress.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A request that a domain rule refuses: neither a bug nor a transient failure, so retrying it
 * unchanged fails the same way. The code is stable and greppable (UPPER_SNAKE) and may become a
 * BPMN error code or a problem-detail code; the message tells a human what was expected (house rule
 * 10).
 */
public class DomainException extends RuntimeException {

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

  private final String code;

  public DomainException(String code, String message) {
    super(message);
    Objects.requireNonNull(code, "code");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("Expected an UPPER_SNAKE error code, but was " + code);
    }
    this.code = code;
  }

  public String code() {
    return code;
  }
}
