package org.redress.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.redress.shared.DomainException;

/**
 * A refusal of an API request with its HTTP status: becomes an RFC 9457 problem detail with the
 * stable {@link #code()} and any extra properties (e.g. the list of missing statement elements).
 */
public class ApiException extends DomainException {

  private final int status;
  private final String title;
  private final Map<String, Object> properties;

  public ApiException(int status, String code, String title, String message) {
    this(status, code, title, message, Map.of());
  }

  public ApiException(
      int status, String code, String title, String message, Map<String, Object> properties) {
    super(code, message);
    this.status = status;
    this.title = title;
    this.properties = new LinkedHashMap<>(properties);
  }

  public static ApiException notFound(String code, String message) {
    return new ApiException(404, code, "Not found", message);
  }

  public static ApiException conflict(String code, String message) {
    return new ApiException(409, code, "Conflict", message);
  }

  public static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, "Bad request", message);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public Map<String, Object> properties() {
    return properties;
  }
}
