package org.redress.config.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.redress.shared.security.CaseNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The security exceptions that controllers throw (from {@link
 * org.redress.shared.security.CaseAccess#check} or method security) as the same problem details the
 * filter chains send: 404 {@code CASE_NOT_FOUND}, 401 {@code UNAUTHENTICATED}, 403 {@code
 * FORBIDDEN}. Ordered before the features' own advice, so a catch-all there cannot turn them into a
 * 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class SecurityExceptionAdvice {

  @ExceptionHandler(CaseNotFoundException.class)
  ResponseEntity<ProblemDetail> caseNotFound(CaseNotFoundException e, HttpServletRequest request) {
    return problem(HttpStatus.NOT_FOUND, e.code(), e.getMessage(), request);
  }

  @ExceptionHandler(AuthenticationException.class)
  ResponseEntity<ProblemDetail> unauthenticated(
      AuthenticationException e, HttpServletRequest request) {
    return problem(
        HttpStatus.UNAUTHORIZED, SecurityProblems.UNAUTHENTICATED, e.getMessage(), request);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e, HttpServletRequest request) {
    Authentication current = SecurityContextHolder.getContext().getAuthentication();
    if (current == null || current instanceof AnonymousAuthenticationToken) {
      return problem(
          HttpStatus.UNAUTHORIZED, SecurityProblems.UNAUTHENTICATED, "Sign in first", request);
    }
    return problem(
        HttpStatus.FORBIDDEN,
        SecurityProblems.FORBIDDEN,
        "Your account's roles do not allow this request",
        request);
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String code, String detail, HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(URI.create(request.getRequestURI()));
    problem.setProperty("code", code);
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
