package org.redress.shared.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A case link that does not sign in: answered with 401 and the problem-detail code {@link #code()}
 * ({@value #EXPIRED} or {@value #INVALID}).
 */
public class CaseLinkException extends AuthenticationException {

  /** The link was genuine but its expiry has passed. */
  public static final String EXPIRED = "CASE_LINK_EXPIRED";

  /** Not a link Redress issued: malformed, tampered with, or signed with another secret. */
  public static final String INVALID = "CASE_LINK_INVALID";

  private final String code;

  private CaseLinkException(String code, String message) {
    super(message);
    this.code = code;
  }

  static CaseLinkException expired() {
    return new CaseLinkException(
        EXPIRED,
        "This case link has expired. Open the link in your latest notice, or ask for a new one.");
  }

  static CaseLinkException invalid() {
    return new CaseLinkException(
        INVALID,
        "This case link is not valid. Open the link exactly as it appears in your notice.");
  }

  /** {@value #EXPIRED} or {@value #INVALID}. */
  public String code() {
    return code;
  }

  public boolean isExpired() {
    return EXPIRED.equals(code);
  }
}
