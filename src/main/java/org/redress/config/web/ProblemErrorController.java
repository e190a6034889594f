package org.redress.config.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.redress.shared.web.ApiProblems;
import org.redress.shared.web.Unavailability;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
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
      Map<String, Object> problem = problem(request, path);
      if ((Integer) problem.get("status") == 503) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Unavailability.RETRY_AFTER_SECONDS);
      }
      EdgeProblems.write(response, problem, null, json);
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
    int status = (Integer) problem.get("status");
    ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
    if (status == 503) {
      response.header(HttpHeaders.RETRY_AFTER, Unavailability.RETRY_AFTER_SECONDS);
    }
    return response.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private Map<String, Object> problem(HttpServletRequest request, String path) {
    int status = getStatus(request).value();
    Throwable error = errorAttributes.getError(new ServletWebRequest(request));
    if (status == 500 && Unavailability.isTransient(error)) {
      status = 503; // the app is closing (closed pool or context): retry, not a defect
    }
    return EdgeProblems.problem(request.getMethod(), path, status, error, request.getContentType());
  }

  /** The path of the request that failed (this request is the container's error dispatch). */
  static String originalPath(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return uri == null ? request.getRequestURI() : uri.toString();
  }
}
