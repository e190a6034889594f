package org.redress.shared.web;

import io.camunda.client.api.command.ProblemException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.redress.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Problem details (RFC 9457) for every error of the Redress API (house rule 10): a stable {@code
 * code} property and a message a person can act on; never a stack trace. The engine's /v2 API has
 * its own handler with Camunda's shapes.
 */
@RestControllerAdvice(
    basePackages = {
      "org.redress.suspension",
      "org.redress.appeal",
      "org.redress.review",
      "org.redress.funds",
      "org.redress.notice",
      "org.redress.audit"
    })
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    ProblemDetail problem = problem(e.status(), e.title(), e.code(), e.getMessage());
    e.properties().forEach(problem::setProperty);
    return respond(problem);
  }

  @ExceptionHandler(DomainException.class)
  ResponseEntity<ProblemDetail> domain(DomainException e) {
    int status = e.code().endsWith("NOT_FOUND") ? 404 : 409;
    return respond(problem(status, "Request refused", e.code(), e.getMessage()));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
    List<Map<String, String>> errors =
        e.getConstraintViolations().stream()
            .map(
                v ->
                    Map.of(
                        "field",
                        ProblemMessages.propertyPath(v.getPropertyPath()),
                        "message",
                        v.getMessage()))
            .toList();
    // e.getMessage() names the Java method and parameters; the list says it in the API's terms
    ProblemDetail problem =
        problem(400, "Invalid request", "INVALID_REQUEST", "Some fields are invalid: " + errors);
    problem.setProperty("errors", errors);
    return respond(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return new ResponseEntity<>(
        problem(400, "Malformed request", "MALFORMED_REQUEST", ProblemMessages.unreadableBody(ex)),
        headers,
        400);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String detail =
        ex instanceof MethodArgumentTypeMismatchException mismatch
            ? ProblemMessages.typeMismatch(mismatch)
            : "A parameter has a value of the wrong type";
    return new ResponseEntity<>(
        problem(400, "Invalid request", "INVALID_REQUEST", detail), headers, 400);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(
                f ->
                    Map.of(
                        "field",
                        f.getField(),
                        "message",
                        f.getDefaultMessage() == null ? "invalid" : f.getDefaultMessage()))
            .toList();
    ProblemDetail problem =
        problem(400, "Invalid request", "INVALID_REQUEST", "Some fields are invalid: " + errors);
    problem.setProperty("errors", errors);
    return new ResponseEntity<>(problem, headers, 400);
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return new ResponseEntity<>(
        problem(
            413,
            "Upload too large",
            "UPLOAD_TOO_LARGE",
            "The upload is larger than this API accepts; see the attachment limits in the API"
                + " documentation"),
        headers,
        413);
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
      problem.setProperty("code", HttpStatus.valueOf(statusCode.value()).name());
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  private volatile boolean closing;

  /** From here on the app shuts down: failures of requests still running are its closing. */
  @EventListener(ContextClosedEvent.class)
  void closing() {
    closing = true;
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (closing || Unavailability.isTransient(e) || engineUnavailable(e)) {
      // The app is shutting down (closed pool, context or executor) or the engine is briefly
      // unavailable: the request changed nothing and is worth sending again (issue 8, 7c).
      log.warn("Request failed while Redress is unavailable: {}", e.toString());
      return ResponseEntity.status(503)
          .header(HttpHeaders.RETRY_AFTER, Unavailability.RETRY_AFTER_SECONDS)
          .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
          .body(
              problem(
                  503,
                  "Unavailable",
                  "UNAVAILABLE",
                  "Redress cannot take this request now (it is restarting or a service it needs"
                      + " is briefly unavailable); the failed step changed nothing. Send it again in a few"
                      + " seconds."));
    }
    log.error("Unexpected error in the Redress API", e);
    return respond(
        problem(
            500,
            "Internal error",
            "INTERNAL_ERROR",
            "Redress could not process the request; nothing was changed by the failed step. Try"
                + " again later."));
  }

  /** The engine answered 503/504 (e.g. it shuts down) to a command this request needed. */
  private static boolean engineUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ProblemException p && (p.code() == 503 || p.code() == 504)) {
        return true;
      }
    }
    return false;
  }

  static ProblemDetail problem(int status, String title, String code, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
    problem.setTitle(title);
    problem.setType(URI.create("https://redress.example/problems/" + code.toLowerCase()));
    problem.setProperty("code", code);
    return problem;
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
