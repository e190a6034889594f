package org.redress.shared.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Client-facing wording of the errors Spring and Jackson raise on bad input. Their own messages
 * name Java classes and methods (e.g. {@code Cannot deserialize value of type
 * `org.redress.suspension.Measure`}); a client needs the field, what was sent and what is expected,
 * in JSON terms (house rule 10).
 */
public final class ProblemMessages {

  /** A Java type or member name as Jackson prints it, e.g. `java.util.ArrayList<...>`. */
  private static final Pattern BACKTICKED = Pattern.compile("`[^`]*`");

  private static final Pattern QUALIFIED =
      Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+([A-Z][\\w$]*)");

  /** {@code Enum.valueOf}'s message: No enum constant org.x.Type.VALUE. */
  private static final Pattern ENUM_CONSTANT =
      Pattern.compile("No enum constant (?:[\\w$]+\\.)*([\\w$]+)");

  private ProblemMessages() {}

  /** What is wrong with an unreadable request body, without Java names. */
  public static String unreadableBody(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause == null) {
      String message = e.getMessage();
      // StrictJsonConfiguration already worded the problem for a client (no cause kept);
      // Spring's own message for a missing body names the Java handler method.
      if (message != null && !message.startsWith("Required request body is missing")) {
        return "The request body is not valid JSON of the expected shape: " + message;
      }
      return "The request body is missing; expected a JSON object";
    }
    if (cause instanceof PropertyBindingException unknown) {
      return "The request body has an unknown field '" + path(unknown) + "'";
    }
    if (cause instanceof InvalidFormatException format) {
      return "'"
          + path(format)
          + "' cannot be "
          + quoted(format.getValue())
          + "; expected "
          + expected(format.getTargetType());
    }
    if (cause instanceof MismatchedInputException mismatch) {
      String original = String.valueOf(mismatch.getOriginalMessage());
      if (original.startsWith("Trailing token")) {
        return "The request body has content after its JSON value";
      }
      String path = path(mismatch);
      return path.isEmpty()
          ? "The request body has the wrong shape; expected " + expected(mismatch.getTargetType())
          : "'" + path + "' has the wrong type; expected " + expected(mismatch.getTargetType());
    }
    if (cause instanceof JsonMappingException mapping) {
      String path = path(mapping);
      return path.isEmpty()
          ? "The request body is not JSON of the expected shape"
          : "'" + path + "' is invalid: " + clean(mapping.getOriginalMessage());
    }
    if (cause instanceof JsonProcessingException parse) {
      return "The request body is not valid JSON"
          + location(parse.getLocation())
          + ": "
          + clean(parse.getOriginalMessage());
    }
    return "The request body is not JSON of the expected shape";
  }

  /** A path or query parameter that could not be converted, e.g. a key that is not a number. */
  public static String typeMismatch(MethodArgumentTypeMismatchException e) {
    return "'"
        + e.getName()
        + "' cannot be "
        + quoted(e.getValue())
        + "; expected "
        + expected(e.getRequiredType());
  }

  /**
   * A message of unknown origin (e.g. an {@link IllegalArgumentException} of a library) with any
   * package-qualified Java name replaced, e.g. {@code No enum constant org.x.State.FOO}.
   */
  public static String withoutJavaNames(String message) {
    if (message == null) {
      return "invalid";
    }
    String text = ENUM_CONSTANT.matcher(message).replaceAll("Unknown value '$1'");
    return QUALIFIED.matcher(BACKTICKED.matcher(text).replaceAll("a value")).replaceAll("$1");
  }

  /**
   * A bean-validation property path as the client knows it: without the Java method and parameter
   * nodes (e.g. {@code open.request.facts} becomes {@code facts}).
   */
  public static String propertyPath(jakarta.validation.Path path) {
    StringBuilder result = new StringBuilder();
    for (jakarta.validation.Path.Node node : path) {
      if (node.getKind() == jakarta.validation.ElementKind.METHOD
          || node.getKind() == jakarta.validation.ElementKind.PARAMETER
          || node.getKind() == jakarta.validation.ElementKind.CONSTRUCTOR
          || node.getKind() == jakarta.validation.ElementKind.RETURN_VALUE
          || node.getName() == null) {
        continue;
      }
      if (!result.isEmpty()) {
        result.append('.');
      }
      result.append(node.getName());
      if (node.getIndex() != null) {
        result.append('[').append(node.getIndex()).append(']');
      }
    }
    return result.toString();
  }

  /** Removes Java type names and Jackson's source locations from a parser message. */
  static String clean(String message) {
    if (message == null || message.isBlank()) {
      return "unreadable";
    }
    String line = message.lines().findFirst().orElse("");
    int source = line.indexOf(" (start marker at");
    if (source >= 0) {
      line = line.substring(0, source);
    }
    line = BACKTICKED.matcher(line).replaceAll("a value");
    return QUALIFIED.matcher(line).replaceAll("a value").strip();
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String location(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static String quoted(Object value) {
    if (value == null) {
      return "null";
    }
    String text = String.valueOf(value);
    return "'" + (text.length() > 100 ? text.substring(0, 100) + "..." : text) + "'";
  }

  /** The expected JSON type of a Java type, in a client's words. */
  static String expected(Class<?> type) {
    if (type == null) {
      return "a value of another type";
    }
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(c -> ((Enum<?>) c).name())
              .collect(Collectors.joining(", "));
    }
    if (CharSequence.class.isAssignableFrom(type)
        || type == Character.class
        || type == char.class) {
      return "a string";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "a date-time in ISO 8601 (e.g. 2026-01-31T12:00:00Z)";
    }
    if (java.time.temporal.TemporalAmount.class.isAssignableFrom(type)) {
      return "a duration in ISO 8601 (e.g. P7D)";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "an object";
    }
    return "an object";
  }
}
