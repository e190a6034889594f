package org.redress.config.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.redress.shared.security.AppellantPrincipal;
import org.redress.shared.security.CaseLinkException;
import org.redress.shared.security.CaseLinks;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Signs in appellants on the portal's {@code /case/{caseId}/**} pages.
 *
 * <ul>
 *   <li>{@code GET /case/<id>?token=<case link token>} (the link in a notice): a valid token of
 *       that case is exchanged for the cookie {@value #COOKIE} ({@code HttpOnly}, {@code
 *       SameSite=Strict}, {@code Secure} over HTTPS, {@code Path=/case/<id>}, living as long as the
 *       link) and answered 303 to the same page without the token, so the token leaves the address
 *       bar and the history. A bad or expired token gets a page saying what to do (401); a token of
 *       another case gets the page of a case that does not exist (404).
 *   <li>Any other request: the cookie the browser sends for this case's path signs it in. Without
 *       one the chain's entry point answers the "open the link from your notice" page (401), the
 *       same for a case that does not exist and for someone else's case.
 * </ul>
 *
 * The token in the cookie is the link's token itself (signed, expiring, for one case), so the
 * server keeps no session.
 */
final class PortalCaseCookieFilter extends OncePerRequestFilter {

  static final String COOKIE = "redress_case";

  /** Request attribute: the verified cookie token (read by the CSRF token repository). */
  static final String CASE_TOKEN = PortalCaseCookieFilter.class.getName() + ".token";

  /** Problem page kinds, rendered by the portal at {@code /portal/problem/<kind>}. */
  static final String LINK_NEEDED = "link-needed";

  static final String LINK_INVALID = "link-invalid";
  static final String LINK_EXPIRED = "link-expired";
  static final String NOT_FOUND = "not-found";

  private static final RequestMatcher CASE_PATHS =
      PathPatternRequestMatcher.withDefaults().matcher("/case/{caseId}/**");

  private final CaseLinks caseLinks;
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();

  PortalCaseCookieFilter(CaseLinks caseLinks) {
    this.caseLinks = caseLinks;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    RequestMatcher.MatchResult match = CASE_PATHS.matcher(request);
    if (!match.isMatch()) {
      chain.doFilter(request, response);
      return;
    }
    String caseId = match.getVariables().get("caseId");
    String linkToken = "GET".equals(request.getMethod()) ? request.getParameter("token") : null;
    if (linkToken != null) {
      exchange(request, response, caseId, linkToken);
      return;
    }
    String problem = null;
    for (Cookie cookie : request.getCookies() == null ? new Cookie[0] : request.getCookies()) {
      if (!COOKIE.equals(cookie.getName())) {
        continue;
      }
      try {
        AppellantPrincipal appellant = caseLinks.verify(cookie.getValue());
        if (appellant.caseId().equals(caseId)) {
          SecurityContext context = contexts.createEmptyContext();
          context.setAuthentication(new CaseLinkAuthentication(appellant));
          contexts.setContext(context);
          request.setAttribute(CASE_TOKEN, cookie.getValue());
          problem = null;
          break;
        }
      } catch (CaseLinkException e) {
        problem = CaseLinkException.EXPIRED.equals(e.code()) ? LINK_EXPIRED : LINK_INVALID;
      }
    }
    if (problem != null) {
      response.addHeader(HttpHeaders.SET_COOKIE, cookie(caseId, "", Duration.ZERO, request));
      problem(request, response, 401, problem);
      return;
    }
    chain.doFilter(request, response);
  }

  private void exchange(
      HttpServletRequest request, HttpServletResponse response, String caseId, String token)
      throws ServletException, IOException {
    AppellantPrincipal appellant;
    try {
      appellant = caseLinks.verify(token);
    } catch (CaseLinkException e) {
      problem(
          request,
          response,
          401,
          CaseLinkException.EXPIRED.equals(e.code()) ? LINK_EXPIRED : LINK_INVALID);
      return;
    }
    if (!appellant.caseId().equals(caseId)) {
      problem(request, response, 404, NOT_FOUND);
      return;
    }
    Duration lifetime = Duration.between(Instant.now(), caseLinks.expiry(token));
    response.addHeader(HttpHeaders.SET_COOKIE, cookie(caseId, token, lifetime, request));
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader(HttpHeaders.LOCATION, casePath(request, caseId));
  }

  private static String cookie(
      String caseId, String value, Duration maxAge, HttpServletRequest request) {
    return ResponseCookie.from(COOKIE, value)
        .path(casePath(request, caseId))
        .httpOnly(true)
        .secure(request.isSecure())
        .sameSite("Strict")
        .maxAge(maxAge.isNegative() ? Duration.ZERO : maxAge)
        .build()
        .toString();
  }

  private static String casePath(HttpServletRequest request, String caseId) {
    return request.getContextPath()
        + "/case/"
        + UriUtils.encodePathSegment(caseId, StandardCharsets.UTF_8);
  }

  /**
   * Answers with the portal's page for a problem (no case data on it): forwards to {@code
   * /portal/problem/<kind>} with that status.
   */
  static void problem(
      HttpServletRequest request, HttpServletResponse response, int status, String kind)
      throws ServletException, IOException {
    response.setStatus(status);
    request.setAttribute("portal.status", status);
    request.getRequestDispatcher("/portal/problem/" + kind).forward(request, response);
  }
}
