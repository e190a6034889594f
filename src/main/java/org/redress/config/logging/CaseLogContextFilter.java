package org.redress.config.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the case id of a case's URL ({@code /api/cases/{caseId}/...}, the portal's {@code
 * /case/{caseId}/...}) on every log line of the request, before security runs (so refusals carry it
 * too), and takes it off afterwards.
 */
public class CaseLogContextFilter extends OncePerRequestFilter {

  private static final Pattern CASE_PATH =
      Pattern.compile("^/(?:api/cases|case|cases)/([A-Za-z0-9_-]{1,64})(?:/.*)?$");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String caseId = caseIdOf(request.getRequestURI().substring(request.getContextPath().length()));
    if (caseId == null) {
      chain.doFilter(request, response);
      return;
    }
    MDC.put(LogContext.CASE_ID, caseId);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(LogContext.CASE_ID);
    }
  }

  static String caseIdOf(String path) {
    Matcher m = CASE_PATH.matcher(path);
    return m.matches() ? m.group(1) : null;
  }
}
