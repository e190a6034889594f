package org.redress.config.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.redress.shared.web.ApiProblems;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors Spring MVC raises before it has chosen a controller (no handler for the path, method or
 * content type; a multipart body over the servlet limit), so that no controller advice applies: on
 * the API paths they are answered here as problem details, directly. Going through the container's
 * error page instead would lose the multipart error, which Spring raises again on the error
 * dispatch, and leave an empty 413.
 */
class ApiEdgeExceptionResolver implements HandlerExceptionResolver {

  private final ObjectMapper json;

  ApiEdgeExceptionResolver(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    String path = request.getRequestURI();
    if (handler != null
        || !ApiProblems.isApiPath(path)
        || !(ex instanceof ErrorResponse error)
        || response.isCommitted()) {
      return null;
    }
    try {
      EdgeProblems.write(
          response,
          EdgeProblems.problem(
              request.getMethod(),
              path,
              error.getStatusCode().value(),
              ex,
              request.getContentType()),
          ex,
          json);
    } catch (IOException e) {
      // the client has gone
    }
    return new ModelAndView();
  }
}
