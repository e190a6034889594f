package org.redress.config.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.redress.shared.security.CaseLinks;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * The portal's CSRF token, bound to the case cookie and stored nowhere: HMAC of the cookie's token
 * under the case link secret ({@link CaseLinks#derive}). A form carries it (masked anew at every
 * render by Spring's default request handler); another site can neither read the cookie nor compute
 * the token. Requests without a verified case cookie get a random token that matches nothing.
 */
final class CaseCookieCsrfTokenRepository implements CsrfTokenRepository {

  private static final String HEADER = "X-CSRF-TOKEN";
  private static final String PARAMETER = "_csrf";
  private static final String PURPOSE = "portal-csrf";

  private final CaseLinks caseLinks;

  CaseCookieCsrfTokenRepository(CaseLinks caseLinks) {
    this.caseLinks = caseLinks;
  }

  @Override
  public CsrfToken generateToken(HttpServletRequest request) {
    CsrfToken bound = loadToken(request);
    return bound != null
        ? bound
        : new DefaultCsrfToken(HEADER, PARAMETER, UUID.randomUUID().toString());
  }

  @Override
  public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
    // Derived from the cookie on every request: nothing to store.
  }

  @Override
  public CsrfToken loadToken(HttpServletRequest request) {
    Object caseToken = request.getAttribute(PortalCaseCookieFilter.CASE_TOKEN);
    if (caseToken == null) {
      return null;
    }
    return new DefaultCsrfToken(HEADER, PARAMETER, caseLinks.derive(PURPOSE, caseToken.toString()));
  }
}
