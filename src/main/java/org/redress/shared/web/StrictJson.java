package org.redress.shared.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Strict reading of a JSON request body into a record, for endpoints whose every problem must be
 * listed at once (the statement of reasons, issue 8): the body is limited in size (413), must be
 * exactly one JSON value without trailing content or duplicate keys (400), and is then bound field
 * by field, so that a wrong type, an unknown enum constant or an unknown field becomes one {@link
 * Problem} with its path instead of a 400 that hides every other problem.
 *
 * <p>Binds records whose components are String, Boolean, Long, Integer, Instant (ISO 8601 with an
 * offset), enums (exact constant names), records and {@code List}s of them; JSON null and absent
 * fields bind to null.
 */
public final class StrictJson {

  /** A field that could not be bound: its JSON path (e.g. {@code measures[1].type}) and why. */
  public record Problem(String field, String message) {}

  /** The bound record (fields with problems are null) and the problems found. */
  public record Bound<T>(T value, List<Problem> problems) {}

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private StrictJson() {}

  /**
   * The request body, at most {@code maxBytes} long.
   *
   * @throws ApiException 413 {@code REQUEST_TOO_LARGE} for a longer body, whether it declares its
   *     length or not
   */
  public static byte[] body(HttpServletRequest request, int maxBytes) {
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      throw tooLarge(maxBytes);
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(maxBytes + 1);
      if (body.length > maxBytes) {
        throw tooLarge(maxBytes);
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses exactly one JSON value.
   *
   * @throws ApiException 400 {@code MALFORMED_REQUEST}: no JSON, invalid JSON, a duplicate key, or
   *     content after the value
   */
  public static JsonNode parse(byte[] body) {
    try (JsonParser parser = MAPPER.createParser(body)) {
      if (parser.nextToken() == null) {
        throw malformed("the body is empty; send one JSON object");
      }
      JsonNode node = MAPPER.readTree(parser);
      JsonToken after = parser.nextToken();
      if (after != null) {
        throw malformed(
            "there is content after the JSON value at line "
                + parser.currentLocation().getLineNr()
                + ", column "
                + parser.currentLocation().getColumnNr()
                + "; send exactly one JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw malformed(
          e.getOriginalMessage()
              + (e.getLocation() == null
                  ? ""
                  : " (line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()
                      + ")"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Binds {@code node} to the record type, collecting a {@link Problem} per field that is of the
   * wrong type, not a known constant, or not a field of the record at all ({@code what} names the
   * whole, e.g. "the statement of reasons").
   */
  public static <T extends Record> Bound<T> bind(JsonNode node, Class<T> type, String what) {
    List<Problem> problems = new ArrayList<>();
    Object value = value(node, type, "", what, problems);
    return new Bound<>(type.cast(value), List.copyOf(problems));
  }

  private static Object value(
      JsonNode node, Type type, String path, String what, List<Problem> problems) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    Class<?> raw = raw(type);
    if (raw == String.class) {
      return node.isTextual() ? node.textValue() : problem(path, "must be text", problems);
    }
    if (raw == Boolean.class) {
      return node.isBoolean()
          ? node.booleanValue()
          : problem(path, "must be true or false", problems);
    }
    if (raw == Long.class) {
      return node.isIntegralNumber() && node.canConvertToLong()
          ? node.longValue()
          : problem(path, "must be a whole number", problems);
    }
    if (raw == Integer.class) {
      return node.isIntegralNumber() && node.canConvertToInt()
          ? node.intValue()
          : problem(path, "must be a whole number", problems);
    }
    if (raw == Instant.class) {
      return instant(node, path, problems);
    }
    if (raw.isEnum()) {
      return constant(node, raw, path, problems);
    }
    if (raw == List.class) {
      if (!node.isArray()) {
        return problem(path, "must be a list", problems);
      }
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        list.add(value(node.get(i), element, path + "[" + i + "]", what, problems));
      }
      return list;
    }
    if (raw.isRecord()) {
      return record(node, raw, path, what, problems);
    }
    throw new IllegalArgumentException("Expected a bindable type, but got " + type);
  }

  private static Object record(
      JsonNode node, Class<?> type, String path, String what, List<Problem> problems) {
    if (!node.isObject()) {
      return problem(path.isEmpty() ? "" : path, "must be a JSON object", problems);
    }
    RecordComponent[] components = type.getRecordComponents();
    Set<String> known =
        Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      String name = it.next().getKey();
      if (!known.contains(name)) {
        problems.add(
            new Problem(
                child(path, name),
                "is not a field of "
                    + what
                    + "; check its spelling (known here: "
                    + Arrays.stream(components)
                        .map(RecordComponent::getName)
                        .collect(Collectors.joining(", "))
                    + ")"));
      }
    }
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      types[i] = c.getType();
      args[i] =
          value(
              node.get(c.getName()), c.getGenericType(), child(path, c.getName()), what, problems);
    }
    try {
      Constructor<?> canonical = type.getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return canonical.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Expected to construct " + type.getSimpleName(), e);
    }
  }

  private static Object instant(JsonNode node, String path, List<Problem> problems) {
    if (node.isTextual()) {
      try {
        return OffsetDateTime.parse(node.textValue()).toInstant();
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    return problem(
        path, "must be an ISO 8601 date and time with offset, like 2026-11-20T14:00:00Z", problems);
  }

  private static Object constant(
      JsonNode node, Class<?> type, String path, List<Problem> problems) {
    Object[] constants = type.getEnumConstants();
    if (node.isTextual()) {
      for (Object constant : constants) {
        if (((Enum<?>) constant).name().equals(node.textValue())) {
          return constant;
        }
      }
    }
    return problem(
        path,
        "must be one of "
            + Arrays.stream(constants)
                .map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining(", ")),
        problems);
  }

  private static Object problem(String path, String message, List<Problem> problems) {
    problems.add(new Problem(path, message));
    return null;
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalArgumentException("Expected a class or parameterized type, but got " + type);
  }

  private static ApiException tooLarge(int maxBytes) {
    return new ApiException(
        413,
        "REQUEST_TOO_LARGE",
        "Request too large",
        "The request body is larger than the "
            + maxBytes
            + " bytes this endpoint accepts; see the field limits in the API documentation");
  }

  private static ApiException malformed(String why) {
    return new ApiException(
        400,
        "MALFORMED_REQUEST",
        "Malformed request",
        "The request body is not valid JSON: " + why);
  }
}
