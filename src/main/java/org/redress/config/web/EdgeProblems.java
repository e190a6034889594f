package org.redress.config.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;
import org.redress.shared.web.ApiProblems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** The wording of errors raised before a controller is chosen, shared by the error paths. */
final class EdgeProblems {

  private EdgeProblems() {}

  static Map<String, Object> problem(
      String method, String path, int status, Throwable error, String contentType) {
    String code = ApiProblems.codeOf(status);
    String detail;
    switch (status) {
      case 404 -> detail = "No endpoint " + method + " " + path + "; see the API documentation";
      case 405 ->
          detail = "Method " + method + " is not allowed on " + path + "; see the Allow header";
      case 415 -> detail = unsupported(contentType, error);
      case 413 -> {
        if (error instanceof MaxUploadSizeExceededException) {
          code = "UPLOAD_TOO_LARGE";
          detail =
              "The upload is larger than this API accepts; see the attachment and deployment"
                  + " limits in the documentation";
        } else {
          detail = "The request is larger than this API accepts";
        }
      }
      case 401 -> detail = "Sign in first";
      case 403 -> detail = "Your account's roles do not allow this request";
      case 406 -> detail = "This API answers with JSON; accept application/json";
      case 503 -> detail = "Redress cannot take this request now; try again shortly";
      default -> {
        if (status >= 500) {
          detail =
              "Redress could not process the request; nothing was changed by the failed step."
                  + " Try again later.";
        } else if (error instanceof MultipartException) {
          detail = "The multipart request is malformed";
        } else {
          detail = "The request is malformed";
        }
      }
    }
    return ApiProblems.of(path, status, code, detail);
  }

  /** Writes the problem, with the headers its exception asks for (e.g. Allow on a 405). */
  static void write(
      HttpServletResponse response, Map<String, Object> problem, Throwable error, ObjectMapper json)
      throws IOException {
    if (error instanceof HttpRequestMethodNotSupportedException e
        && e.getSupportedHttpMethods() != null) {
      response.setHeader(
          HttpHeaders.ALLOW,
          e.getSupportedHttpMethods().stream()
              .map(Object::toString)
              .collect(Collectors.joining(", ")));
    }
    response.setStatus((Integer) problem.get("status"));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }

  private static String unsupported(String contentType, Throwable error) {
    String detail =
        "Content type '" + (contentType == null ? "none" : contentType) + "' is not supported here";
    if (error instanceof HttpMediaTypeNotSupportedException e
        && !e.getSupportedMediaTypes().isEmpty()) {
      detail +=
          "; send "
              + e.getSupportedMediaTypes().stream()
                  .map(MediaType::toString)
                  .collect(Collectors.joining(" or "));
    }
    return detail;
  }
}
