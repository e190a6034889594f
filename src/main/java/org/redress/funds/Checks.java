package org.redress.funds;

/** Argument checks of the command records. */
final class Checks {

  private Checks() {}

  static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Expected " + name + " to be non-blank, but was " + value);
    }
    return value;
  }
}
