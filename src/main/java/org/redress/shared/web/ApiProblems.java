package org.redress.shared.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Problem details (RFC 9457) for errors raised outside the controllers (Spring MVC before a handler
 * is chosen, the servlet container, Spring Security's firewall, the readiness gate), in the shape
 * of the API the path belongs to:
 *
 * <ul>
 *   <li>{@code /api/**}: as {@link ApiExceptionHandler} writes them, {@code type}
 *       https://redress.example/problems/&lt;code&gt;, the status's reason as {@code title} and a
 *       stable {@code code};
 *   <li>{@code /v2/**}: as the engine API writes them, {@code type about:blank} and Zeebe's
 *       rejection type as {@code title} (what the Camunda client shows), repeated as {@code code}.
 * </ul>
 */
public final class ApiProblems {

  private ApiProblems() {}

  /** Whether the path belongs to the Redress API or the engine API (the JSON APIs). */
  public static boolean isApiPath(String path) {
    return isRedressApi(path) || isEngineApi(path);
  }

  public static boolean isRedressApi(String path) {
    return path != null && (path.equals("/api") || path.startsWith("/api/"));
  }

  public static boolean isEngineApi(String path) {
    return path != null && (path.equals("/v2") || path.startsWith("/v2/"));
  }

  /**
   * The problem detail of the API the path belongs to.
   *
   * @param code the Redress API's code; the engine API uses its rejection type instead
   */
  public static Map<String, Object> of(String path, int status, String code, String detail) {
    Map<String, Object> problem = new LinkedHashMap<>();
    boolean engine = isEngineApi(path);
    String effectiveCode = engine ? engineRejection(status) : code;
    problem.put(
        "type", engine ? "about:blank" : "https://redress.example/problems/" + code.toLowerCase());
    problem.put("title", engine ? effectiveCode : reason(status));
    problem.put("status", status);
    problem.put("detail", detail);
    if (path != null) {
      problem.put("instance", URI.create(safePath(path)).toString());
    }
    problem.put("code", effectiveCode);
    return problem;
  }

  /** The Redress API's code for a status without a more precise one. */
  public static String codeOf(int status) {
    return switch (status) {
      case 400 -> "BAD_REQUEST";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 406 -> "NOT_ACCEPTABLE";
      case 408 -> "REQUEST_TIMEOUT";
      case 409 -> "CONFLICT";
      case 413 -> "REQUEST_TOO_LARGE";
      case 414 -> "URI_TOO_LONG";
      case 415 -> "UNSUPPORTED_MEDIA_TYPE";
      case 429 -> "TOO_MANY_REQUESTS";
      case 431 -> "REQUEST_HEADER_TOO_LARGE";
      case 503 -> "UNAVAILABLE";
      default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
    };
  }

  /**
   * Zeebe's rejection type for a status, as the engine API's own handler titles its problems (a
   * refused request is INVALID_ARGUMENT whatever its 4xx status).
   */
  public static String engineRejection(int status) {
    return switch (status) {
      case 401 -> "UNAUTHORIZED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 409 -> "INVALID_STATE";
      case 429 -> "RESOURCE_EXHAUSTED";
      case 503 -> "UNAVAILABLE";
      case 504 -> "DEADLINE_EXCEEDED";
      default -> status >= 500 ? "INTERNAL" : "INVALID_ARGUMENT";
    };
  }

  private static String reason(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    return known == null ? "Error" : known.getReasonPhrase();
  }

  /** The path as a URI reference; characters a URI cannot hold are dropped. */
  private static String safePath(String path) {
    try {
      return URI.create(path).toString();
    } catch (IllegalArgumentException e) {
      return path.replaceAll("[^A-Za-z0-9/._~%;=-]", "");
    }
  }
}
