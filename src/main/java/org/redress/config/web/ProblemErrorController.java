package org.redress.config.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.redress.shared.web.ApiProblems;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * The servlet container's error page ({@code /error}): errors of the JSON APIs sent with {@code
 * sendError} by any layer become problem details in the shape of their API ({@link ApiProblems}),
 * whatever the client accepts. Other paths (pages, documentation) get Spring Boot's error page or
 * JSON as before.
 */
class ProblemErrorController extends BasicErrorController {

  private final ErrorAttributes errorAttributes;
  private final ObjectMapper json;

  ProblemErrorController(
      ErrorAttributes errorAttributes,
      ErrorProperties properties,
      List<ErrorViewResolver> resolvers,
      ObjectMapper json) {
    super(errorAttributes, properties, resolvers);
    this.errorAttributes = errorAttributes;
    this.json = json;
  }

  @Override
  public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
    String path = originalPath(request);
    if (!ApiProblems.isApiPath(path)) {
      return super.errorHtml(request, response);
    }
    try {
      EdgeProblems.write(response, problem(request, path), null, json);
    } catch (IOException e) {
      // the client has gone; nothing more to tell it
    }
    return null;
  }

  @Override
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    String path = originalPath(request);
    if (!ApiProblems.isApiPath(path)) {
      return super.error(request);
    }
    Map<String, Object> problem = problem(request, path);
    return ResponseEntity.status((Integer) problem.get("status"))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private Map<String, Object> problem(HttpServletRequest request, String path) {
    HttpStatus status = getStatus(request);
    Throwable error = errorAttributes.getError(new ServletWebRequest(request));
    return EdgeProblems.problem(
        request.getMethod(), path, status.value(), error, request.getContentType());
  }

  /** The path of the request that failed (this request is the container's error dispatch). */
  static String originalPath(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return uri == null ? request.getRequestURI() : uri.toString();
  }
}
