package org.redress.engine.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.redress.engine.EngineRejection;
import org.redress.engine.model.ModelValidationException;
import org.redress.shared.web.ProblemMessages;
import org.redress.shared.web.Unavailability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Every error of the engine API as an RFC 9457 problem detail ({@code application/problem+json}),
 * titled with Zeebe's rejection type, so that the Camunda client raises a ProblemException with a
 * message a person can act on. Never a stack trace.
 */
@RestControllerAdvice(basePackageClasses = EngineApiExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(EngineApiExceptionHandler.class);

  @ExceptionHandler(EngineRejection.class)
  ResponseEntity<ProblemDetail> rejection(EngineRejection e, HttpServletRequest request) {
    String title = e.type() == EngineRejection.Type.TIMEOUT ? "DEADLINE_EXCEEDED" : e.type().name();
    return problem(HttpStatus.valueOf(e.type().status()), title, e.getMessage(), request);
  }

  @ExceptionHandler(ModelValidationException.class)
  ResponseEntity<ProblemDetail> invalidModel(
      ModelValidationException e, HttpServletRequest request) {
    ResponseEntity<ProblemDetail> response =
        problem(HttpStatus.BAD_REQUEST, "INVALID_ARGUMENT", e.getMessage(), request);
    response.getBody().setProperty("resourceName", e.resourceName());
    response.getBody().setProperty("problems", e.problems());
    return response;
  }

  @ExceptionHandler({
    HttpMessageNotReadableException.class,
    MethodArgumentTypeMismatchException.class,
    MissingServletRequestPartException.class,
    MissingServletRequestParameterException.class,
    IllegalArgumentException.class
  })
  ResponseEntity<ProblemDetail> badRequest(Exception e, HttpServletRequest request) {
    String detail = ProblemMessages.withoutJavaNames(e.getMessage());
    if (e instanceof HttpMessageNotReadableException n) {
      detail = ProblemMessages.unreadableBody(n);
    } else if (e instanceof MethodArgumentTypeMismatchException m) {
      detail = ProblemMessages.typeMismatch(m);
    }
    return problem(HttpStatus.BAD_REQUEST, "INVALID_ARGUMENT", detail, request);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> tooLarge(Exception e, HttpServletRequest request) {
    return problem(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "INVALID_ARGUMENT",
        "The upload is larger than the engine accepts: " + e.getMessage(),
        request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(Exception e, HttpServletRequest request) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "INVALID_ARGUMENT", e.getMessage(), request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(Exception e, HttpServletRequest request) {
    return problem(HttpStatus.METHOD_NOT_ALLOWED, "INVALID_ARGUMENT", e.getMessage(), request);
  }

  private volatile boolean closing;

  /** From here on the app shuts down: failures of requests still running are its closing. */
  @EventListener(ContextClosedEvent.class)
  void closing() {
    closing = true;
  }

  /** No database connection within the pool's timeout: the engine is saturated (back-pressure). */
  @ExceptionHandler({
    CannotGetJdbcConnectionException.class,
    CannotCreateTransactionException.class
  })
  ResponseEntity<ProblemDetail> exhausted(Exception e, HttpServletRequest request) {
    if (closing) {
      return unexpected(e, request); // a closing pool is no overload
    }
    LOG.warn(
        "Engine API request {} {} found no free database connection: {}",
        request.getMethod(),
        request.getRequestURI(),
        e.getMessage());
    ResponseEntity<ProblemDetail> problem =
        problem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "RESOURCE_EXHAUSTED",
            "Expected to process the request, but no database connection became free in time;"
                + " nothing was changed, retry after a short back-off",
            request);
    return ResponseEntity.status(problem.getStatusCode())
        .headers(problem.getHeaders())
        .header("Retry-After", "1")
        .body(problem.getBody());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    if (closing || Unavailability.isTransient(e)) {
      // Shutting down (closed pool or context): nothing was changed; the client retries.
      LOG.warn(
          "Engine API request {} {} failed while the engine is unavailable: {}",
          request.getMethod(),
          request.getRequestURI(),
          e.toString());
      ResponseEntity<ProblemDetail> unavailable =
          problem(
              HttpStatus.SERVICE_UNAVAILABLE,
              "UNAVAILABLE",
              "The engine is shutting down or its database is unavailable; nothing was changed."
                  + " Send the request again in a few seconds.",
              request);
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, Unavailability.RETRY_AFTER_SECONDS)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(unavailable.getBody());
    }
    LOG.error("Engine API request {} {} failed", request.getMethod(), request.getRequestURI(), e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "INTERNAL",
        "The engine failed to process the request; nothing was changed. See the server log.",
        request);
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String title, String detail, HttpServletRequest request) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(title);
    body.setInstance(URI.create(request.getRequestURI()));
    // The same code property as every other API error of the app (house rule 10).
    body.setProperty("code", title);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }
}
