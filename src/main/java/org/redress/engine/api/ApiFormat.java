package org.redress.engine.api;

import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.engine.EngineRejection;

/** Wire conventions of the Camunda REST API: string keys, ISO dates in UTC, the default tenant. */
final class ApiFormat {

  static final String DEFAULT_TENANT = "<default>";

  private ApiFormat() {}

  static String key(long key) {
    return Long.toString(key);
  }

  static String key(Long key) {
    return key == null ? null : Long.toString(key);
  }

  static String date(Instant instant) {
    return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  static long parseKey(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException | NullPointerException e) {
      throw EngineRejection.invalidArgument(
          "Expected " + name + " to be a numeric key, but was '" + value + "'");
    }
  }

  /** Only the default tenant exists: multi-tenancy is not supported by the embedded engine. */
  static String tenant(String tenantId) {
    if (tenantId == null || tenantId.isEmpty() || DEFAULT_TENANT.equals(tenantId)) {
      return DEFAULT_TENANT;
    }
    throw EngineRejection.invalidArgument(
        "Expected tenant '<default>' (multi-tenancy is disabled), but got '" + tenantId + "'");
  }

  static List<String> tenants(List<String> tenantIds) {
    if (tenantIds == null || tenantIds.isEmpty()) {
      return List.of(DEFAULT_TENANT);
    }
    tenantIds.forEach(ApiFormat::tenant);
    return List.of(DEFAULT_TENANT);
  }

  /** Variables stored as JSON text, written into a response without re-parsing. */
  static Map<String, Object> rawVariables(Map<String, String> json, List<String> only) {
    Map<String, Object> result = new LinkedHashMap<>();
    json.forEach(
        (name, value) -> {
          if (only == null || only.isEmpty() || only.contains(name)) {
            result.put(name, new RawValue(value));
          }
        });
    return result;
  }

  static <T> Map<String, T> orEmpty(Map<String, T> map) {
    return map == null ? Map.of() : map;
  }
}
