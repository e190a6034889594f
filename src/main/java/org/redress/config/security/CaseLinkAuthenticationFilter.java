package org.redress.config.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.redress.shared.security.AppellantPrincipal;
import org.redress.shared.security.CaseLinkException;
import org.redress.shared.security.CaseLinks;
import org.redress.shared.security.CaseNotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Signs in appellants on {@code /api/cases/{caseId}/**} with the token of their case link, from
 * {@code Authorization: Bearer <token>} or, when the request has no Authorization header, from the
 * query parameter {@code token} (the link in the notice). Requests without a token pass on
 * untouched (staff use HTTP Basic).
 *
 * <p>A bad token is answered 401 at once ({@code CASE_LINK_INVALID} or {@code CASE_LINK_EXPIRED}),
 * also when the request has no need of authentication, so that an appellant learns their link is
 * broken. A good token for another case than the path's is answered 404 {@code CASE_NOT_FOUND}, as
 * for a case that does not exist.
 */
final class CaseLinkAuthenticationFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";
  private static final String TOKEN_PARAMETER = "token";
  private static final RequestMatcher CASE_PATHS =
      PathPatternRequestMatcher.withDefaults().matcher("/api/cases/{caseId}/**");

  private final CaseLinks caseLinks;
  private final SecurityProblems problems;
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();

  CaseLinkAuthenticationFilter(CaseLinks caseLinks, SecurityProblems problems) {
    this.caseLinks = caseLinks;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    RequestMatcher.MatchResult match = CASE_PATHS.matcher(request);
    String token = match.isMatch() ? token(request) : null;
    if (token == null) {
      chain.doFilter(request, response);
      return;
    }
    AppellantPrincipal appellant;
    try {
      appellant = caseLinks.verify(token);
    } catch (CaseLinkException e) {
      contexts.clearContext();
      problems.commence(request, response, e);
      return;
    }
    String caseId = match.getVariables().get("caseId");
    if (!appellant.caseId().equals(caseId)) {
      CaseNotFoundException notFound = new CaseNotFoundException(caseId);
      problems.write(
          request, response, HttpStatus.NOT_FOUND, notFound.code(), notFound.getMessage());
      return;
    }
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(new CaseLinkAuthentication(appellant));
    contexts.setContext(context);
    chain.doFilter(request, response);
  }

  private static String token(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null) {
      if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
        return authorization.substring(BEARER.length()).trim();
      }
      return null; // another scheme (Basic): not ours
    }
    return queryParameter(request.getQueryString(), TOKEN_PARAMETER);
  }

  // From the query string only: getParameter would also read a form body.
  private static String queryParameter(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      if (name.equals(UriUtils.decode(key, StandardCharsets.UTF_8))) {
        return equals < 0
            ? ""
            : UriUtils.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
