package org.redress.config.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.redress.shared.web.ApiProblems;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error report for the JSON APIs: errors Tomcat answers before any servlet runs (a
 * request header over {@code server.max-http-request-header-size}, a malformed request line) are
 * problem details instead of its HTML page. Other paths get Tomcat's report without server
 * information or stack trace.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  private static final ObjectMapper JSON = new ObjectMapper();

  public ProblemErrorReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    String path = request.getRequestURI();
    if (status < 400 || !ApiProblems.isApiPath(path) || response.getContentWritten() > 0) {
      super.report(request, response, throwable);
      return;
    }
    Throwable coyoteError = response.getCoyoteResponse().getErrorException();
    String message =
        (response.getMessage()
                + " "
                + (throwable == null ? "" : throwable.getMessage())
                + " "
                + (coyoteError == null ? "" : coyoteError.getMessage()))
            .toLowerCase();
    String code = ApiProblems.codeOf(status);
    String detail = "The request is malformed";
    String raw = path.toLowerCase();
    if (status == 400 && (raw.contains("%2f") || raw.contains("%5c") || raw.contains("%2e"))) {
      // what Spring Security's firewall refuses too, rejected here by Tomcat first
      code = "REQUEST_REJECTED";
      detail =
          "The request was refused: its path is not in a form this API accepts (an encoded '/',"
              + " '\\' or '.'); use the plain path";
    } else if (message.contains("header") && message.contains("too large")) {
      code = "REQUEST_HEADER_TOO_LARGE";
      detail = "The request headers are larger than this server accepts";
    } else if (status == 413) {
      detail = "The request is larger than this server accepts";
    } else if (status >= 500) {
      detail = "The server could not process the request; try again later";
    }
    Map<String, Object> problem = ApiProblems.of(path, status, code, detail);
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getOutputStream().write(JSON.writeValueAsBytes(problem));
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // the connection is gone or already used; Tomcat closes it
    }
  }
}
