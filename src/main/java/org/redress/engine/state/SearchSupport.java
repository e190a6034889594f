package org.redress.engine.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.redress.engine.EngineRejection;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Turns a Camunda search request ({@code filter}, {@code sort}, {@code page}) into SQL. Filter
 * properties may be a plain value (equality) or an operator object ({@code $eq, $neq, $exists, $in,
 * $notIn, $like, $gt, $gte, $lt, $lte}); empty arrays mean "no constraint", as the 8.8 Java client
 * always sends them. Cursors are opaque and encode an offset.
 */
public final class SearchSupport {

  /** How a filterable/sortable field is stored. */
  public enum Type {
    KEY,
    STRING,
    INT,
    DATE,
    ENUM,
    BOOL,
    /** A text[] column; the filter asks whether it contains the value. */
    ARRAY
  }

  /** A field of the REST model and the SQL expression behind it. */
  public record Column(String sql, Type type) {}

  /** One page of results. */
  public record Page<T>(List<T> items, long totalItems, int from) {

    public String startCursor() {
      return items.isEmpty() ? null : cursor(from);
    }

    public String endCursor() {
      return items.isEmpty() ? null : cursor(from + items.size() - 1);
    }
  }

  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 10_000;

  private final NamedParameterJdbcTemplate jdbc;

  public SearchSupport(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param select the SELECT list and FROM clause
   * @param baseWhere a condition every row must meet ("TRUE" for none)
   * @param tieBreaker the unique column ordering rows with equal sort values
   */
  public <T> Page<T> search(
      String select,
      String baseWhere,
      Map<String, Column> columns,
      JsonNode request,
      String tieBreaker,
      RowMapper<T> mapper) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    List<String> conditions = new ArrayList<>();
    conditions.add(baseWhere);
    JsonNode filter = request == null ? null : request.get("filter");
    if (filter != null && !filter.isNull()) {
      if (!filter.isObject()) {
        throw EngineRejection.invalidArgument("Expected 'filter' to be an object");
      }
      Iterator<Map.Entry<String, JsonNode>> fields = filter.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        if (value == null || value.isNull() || (value.isArray() && value.isEmpty())) {
          continue;
        }
        Column column = columns.get(field.getKey());
        if (column == null) {
          throw EngineRejection.invalidArgument(
              "The filter property '"
                  + field.getKey()
                  + "' is not supported by the embedded engine for this search");
        }
        addCondition(field.getKey(), column, value, conditions, params);
      }
    }
    String where = " WHERE " + String.join(" AND ", conditions);
    Long total =
        jdbc.queryForObject(
            "SELECT count(*) FROM (" + select + where + ") counted", params, Long.class);

    StringBuilder order = new StringBuilder(" ORDER BY ");
    JsonNode sort = request == null ? null : request.get("sort");
    if (sort != null && sort.isArray()) {
      for (JsonNode entry : sort) {
        String fieldName = entry.path("field").asText();
        Column column = columns.get(fieldName);
        if (column == null) {
          throw EngineRejection.invalidArgument(
              "Expected a sortable field, but '" + fieldName + "' is not one");
        }
        String direction = entry.path("order").asText("ASC").toUpperCase();
        if (!direction.equals("ASC") && !direction.equals("DESC")) {
          throw EngineRejection.invalidArgument(
              "Expected sort order ASC or DESC, but was '" + direction + "'");
        }
        order.append(column.sql()).append(' ').append(direction).append(" NULLS LAST, ");
      }
    }
    order.append(tieBreaker).append(" ASC");

    JsonNode page = request == null ? null : request.get("page");
    int limit = DEFAULT_LIMIT;
    int from = 0;
    if (page != null && page.isObject()) {
      limit = page.path("limit").asInt(DEFAULT_LIMIT);
      if (limit < 1 || limit > MAX_LIMIT) {
        throw EngineRejection.invalidArgument(
            "Expected page.limit between 1 and " + MAX_LIMIT + ", but was " + limit);
      }
      if (page.hasNonNull("after")) {
        from = decodeCursor(page.get("after").asText()) + 1;
      } else if (page.hasNonNull("before")) {
        from = Math.max(0, decodeCursor(page.get("before").asText()) - limit);
      } else {
        from = page.path("from").asInt(0);
        if (from < 0) {
          throw EngineRejection.invalidArgument("Expected page.from >= 0, but was " + from);
        }
      }
    }
    params.addValue("limit", limit).addValue("offset", from);
    List<T> items =
        jdbc.query(select + where + order + " LIMIT :limit OFFSET :offset", params, mapper);
    return new Page<>(items, total == null ? 0 : total, from);
  }

  private static void addCondition(
      String name,
      Column column,
      JsonNode value,
      List<String> conditions,
      MapSqlParameterSource params) {
    if (column.type() == Type.ARRAY) {
      addArrayCondition(name, column, value, conditions, params);
      return;
    }
    if (!value.isObject()) {
      String p = param(params, name, convert(name, column, value));
      conditions.add(column.sql() + " = :" + p);
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> operators = value.fields();
    while (operators.hasNext()) {
      Map.Entry<String, JsonNode> op = operators.next();
      JsonNode operand = op.getValue();
      if (operand == null || operand.isNull() || (operand.isArray() && operand.isEmpty())) {
        continue;
      }
      switch (op.getKey()) {
        case "$eq" ->
            conditions.add(
                column.sql() + " = :" + param(params, name, convert(name, column, operand)));
        case "$neq" ->
            conditions.add(
                "("
                    + column.sql()
                    + " IS DISTINCT FROM :"
                    + param(params, name, convert(name, column, operand))
                    + ")");
        case "$exists" ->
            conditions.add(column.sql() + (operand.asBoolean() ? " IS NOT NULL" : " IS NULL"));
        case "$gt" ->
            conditions.add(
                column.sql() + " > :" + param(params, name, convert(name, column, operand)));
        case "$gte" ->
            conditions.add(
                column.sql() + " >= :" + param(params, name, convert(name, column, operand)));
        case "$lt" ->
            conditions.add(
                column.sql() + " < :" + param(params, name, convert(name, column, operand)));
        case "$lte" ->
            conditions.add(
                column.sql() + " <= :" + param(params, name, convert(name, column, operand)));
        case "$in", "$notIn" -> {
          if (!operand.isArray()) {
            throw EngineRejection.invalidArgument(
                "Expected an array for " + op.getKey() + " of '" + name + "'");
          }
          List<Object> values = new ArrayList<>();
          operand.forEach(v -> values.add(convert(name, column, v)));
          String p = param(params, name, values);
          conditions.add(
              op.getKey().equals("$in")
                  ? column.sql() + " IN (:" + p + ")"
                  : "(" + column.sql() + " IS NULL OR " + column.sql() + " NOT IN (:" + p + "))");
        }
        case "$like" -> {
          if (column.type() != Type.STRING && column.type() != Type.ENUM) {
            throw EngineRejection.invalidArgument("'" + name + "' does not support $like");
          }
          conditions.add(
              column.sql() + " LIKE :" + param(params, name, likePattern(operand.asText())));
        }
        default ->
            throw EngineRejection.invalidArgument(
                "Expected a filter operator ($eq, $neq, $exists, $in, $notIn, $like, $gt, $gte, $lt,"
                    + " $lte), but '"
                    + name
                    + "' has '"
                    + op.getKey()
                    + "'");
      }
    }
  }

  private static void addArrayCondition(
      String name,
      Column column,
      JsonNode value,
      List<String> conditions,
      MapSqlParameterSource params) {
    if (!value.isObject()) {
      conditions.add(":" + param(params, name, value.asText()) + " = ANY(" + column.sql() + ")");
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> operators = value.fields();
    while (operators.hasNext()) {
      Map.Entry<String, JsonNode> op = operators.next();
      JsonNode operand = op.getValue();
      if (operand == null || operand.isNull() || (operand.isArray() && operand.isEmpty())) {
        continue;
      }
      switch (op.getKey()) {
        case "$eq" ->
            conditions.add(
                ":" + param(params, name, operand.asText()) + " = ANY(" + column.sql() + ")");
        case "$neq" ->
            conditions.add(
                "NOT (:" + param(params, name, operand.asText()) + " = ANY(" + column.sql() + "))");
        case "$in" -> {
          List<String> values = new ArrayList<>();
          operand.forEach(v -> values.add(v.asText()));
          conditions.add(
              "EXISTS (SELECT 1 FROM unnest("
                  + column.sql()
                  + ") member WHERE member IN (:"
                  + param(params, name, values)
                  + "))");
        }
        case "$exists" ->
            conditions.add(
                (operand.asBoolean() ? "" : "NOT ") + "(cardinality(" + column.sql() + ") > 0)");
        default ->
            throw EngineRejection.invalidArgument(
                "'"
                    + name
                    + "' supports only $eq, $neq, $in and $exists, but got '"
                    + op.getKey()
                    + "'");
      }
    }
  }

  private static Object convert(String name, Column column, JsonNode value) {
    try {
      return switch (column.type()) {
        case KEY -> Long.parseLong(value.asText());
        case INT -> {
          if (!value.canConvertToInt() && !value.isTextual()) {
            throw new NumberFormatException();
          }
          yield value.isTextual() ? Integer.parseInt(value.asText()) : value.asInt();
        }
        case BOOL -> {
          if (!value.isBoolean()) {
            throw new IllegalArgumentException();
          }
          yield value.asBoolean();
        }
        case DATE -> Timestamp.from(OffsetDateTime.parse(value.asText()).toInstant());
        case STRING, ENUM, ARRAY -> value.asText();
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw EngineRejection.invalidArgument(
          "Expected the filter value of '"
              + name
              + "' to be a "
              + column.type().name().toLowerCase()
              + ", but was '"
              + value.asText()
              + "'");
    } catch (IllegalArgumentException e) {
      throw EngineRejection.invalidArgument(
          "Expected the filter value of '" + name + "' to be a boolean, but was '" + value + "'");
    }
  }

  private static String param(MapSqlParameterSource params, String name, Object value) {
    String p = name.replaceAll("[^A-Za-z0-9]", "") + params.getValues().size();
    params.addValue(p, value);
    return p;
  }

  /** Camunda's wildcards: {@code *} any run, {@code ?} one character, backslash escapes. */
  static String likePattern(String pattern) {
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        char next = pattern.charAt(++i);
        if (next == '%' || next == '_' || next == '\\') {
          sql.append('\\');
        }
        sql.append(next);
      } else if (c == '*') {
        sql.append('%');
      } else if (c == '?') {
        sql.append('_');
      } else if (c == '%' || c == '_') {
        sql.append('\\').append(c);
      } else {
        sql.append(c);
      }
    }
    return sql.toString();
  }

  static String cursor(int index) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("o:" + index).getBytes(StandardCharsets.UTF_8));
  }

  private static int decodeCursor(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!text.startsWith("o:")) {
        throw new IllegalArgumentException();
      }
      return Integer.parseInt(text.substring(2));
    } catch (IllegalArgumentException e) {
      throw EngineRejection.invalidArgument(
          "Expected a cursor from an earlier search response, but got '" + cursor + "'");
    }
  }
}
