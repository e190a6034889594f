package org.redress.config.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call the engine API: the holder of the internal client credential (authority {@value
 * #ENGINE_CLIENT}) and, only with {@code redress.engine.api.allow-anonymous-loopback=true}, a
 * request from a loopback address that carries no credential at all (Camunda Process Test's
 * management client cannot send one).
 */
final class EngineAccess implements AuthorizationManager<RequestAuthorizationContext> {

  /** Authority of the internal engine client; no person or feature account ever has it. */
  static final String ENGINE_CLIENT = "ENGINE_CLIENT";

  private final boolean allowAnonymousLoopback;

  EngineAccess(boolean allowAnonymousLoopback) {
    this.allowAnonymousLoopback = allowAnonymousLoopback;
  }

  @Override
  public AuthorizationDecision check(
      Supplier<Authentication> authentication, RequestAuthorizationContext context) {
    Authentication current = authentication.get();
    if (current != null && current.isAuthenticated()) {
      for (GrantedAuthority authority : current.getAuthorities()) {
        if (ENGINE_CLIENT.equals(authority.getAuthority())) {
          return new AuthorizationDecision(true);
        }
      }
    }
    return new AuthorizationDecision(allowAnonymousLoopback && isAnonymousLoopback(context));
  }

  private static boolean isAnonymousLoopback(RequestAuthorizationContext context) {
    HttpServletRequest request = context.getRequest();
    return request.getHeader(HttpHeaders.AUTHORIZATION) == null
        && isLoopback(request.getRemoteAddr());
  }

  static boolean isLoopback(String address) {
    if (address == null || address.isEmpty()) {
      return false;
    }
    // Only IP literals: getByName would resolve a host name through DNS.
    if (!address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
      return false;
    }
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
