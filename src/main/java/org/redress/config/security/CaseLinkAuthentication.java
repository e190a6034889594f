package org.redress.config.security;

import java.util.List;
import org.redress.shared.security.AppellantPrincipal;
import org.redress.shared.security.Role;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An appellant signed in by a verified case link: role APPELLANT, the token is not kept. */
final class CaseLinkAuthentication extends AbstractAuthenticationToken {

  private final AppellantPrincipal principal;

  CaseLinkAuthentication(AppellantPrincipal principal) {
    super(List.of(new SimpleGrantedAuthority(Role.APPELLANT.authority())));
    this.principal = principal;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return null;
  }

  @Override
  public AppellantPrincipal getPrincipal() {
    return principal;
  }
}
