package org.redress.config.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.redress.shared.security.CaseLinkException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The 401 and 403 answers of every filter chain: RFC 9457 problem details ({@code
 * application/problem+json}) with a stable {@code code} and a message a person can act on, never an
 * HTML page or a stack trace (house rule 10).
 *
 * <p>Codes: {@value #UNAUTHENTICATED} (no credential), {@value #BAD_CREDENTIALS} (wrong user name
 * or password), {@code CASE_LINK_INVALID} / {@code CASE_LINK_EXPIRED} (case links), {@value
 * #FORBIDDEN} (signed in, but the role does not allow it).
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String UNAUTHENTICATED = "UNAUTHENTICATED";
  static final String BAD_CREDENTIALS = "BAD_CREDENTIALS";
  static final String FORBIDDEN = "FORBIDDEN";

  private final ObjectMapper json;
  private final String realm;
  private final String signInHint;

  /**
   * @param realm the HTTP Basic realm named in {@code WWW-Authenticate}
   * @param signInHint how to sign in, appended to the 401 message
   */
  SecurityProblems(ObjectMapper json, String realm, String signInHint) {
    this.json = json;
    this.realm = realm;
    this.signInHint = signInHint;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    String code;
    String detail;
    String challenge;
    if (exception instanceof CaseLinkException caseLink) {
      code = caseLink.code();
      detail = caseLink.getMessage();
      challenge = "Bearer error=\"invalid_token\"";
    } else if (exception instanceof BadCredentialsException) {
      code = BAD_CREDENTIALS;
      detail = "The user name or password is wrong. " + signInHint;
      challenge = basicChallenge();
    } else {
      code = UNAUTHENTICATED;
      detail = "Sign in first. " + signInHint;
      challenge = basicChallenge();
    }
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
    write(request, response, HttpStatus.UNAUTHORIZED, code, detail);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
      throws IOException {
    write(
        request,
        response,
        HttpStatus.FORBIDDEN,
        FORBIDDEN,
        "Your account's roles do not allow " + request.getMethod() + " " + path(request));
  }

  /** Writes a problem detail unless the response was already sent. */
  void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String code,
      String detail)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", path(request));
    problem.put("code", code);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }

  private String basicChallenge() {
    return "Basic realm=\"" + realm + "\", charset=\"UTF-8\"";
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI();
  }
}
