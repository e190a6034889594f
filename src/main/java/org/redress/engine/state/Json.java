package org.redress.engine.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's JSON conventions for variable values: integers are longs, other numbers doubles,
 * objects keep their key order.
 */
public final class Json {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Expected a JSON-serialisable value, but: " + e, e);
    }
  }

  public static Object read(String json) {
    try {
      return MAPPER.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Expected stored JSON, but found: " + json, e);
    }
  }

  public static Map<String, String> readStringMap(String json) {
    if (json == null || json.isEmpty()) {
      return Map.of();
    }
    try {
      return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Expected a JSON object of strings, but found: " + json, e);
    }
  }

  public static Map<String, Map<String, Integer>> readTakenFlows(String json) {
    if (json == null) {
      return null;
    }
    try {
      return MAPPER.readValue(
          json, new TypeReference<LinkedHashMap<String, Map<String, Integer>>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Expected join counters, but found: " + json, e);
    }
  }
}
