package org.redress.engine.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.EmptySqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Several statements sent to PostgreSQL in one round trip: the PostgreSQL driver sends every
 * statement of a multi-statement query before it waits for the first answer, and the server runs
 * them in order, each after the previous one has finished (so a row lock taken by one holds for the
 * next). A command on an instance used to wait for a dozen answers one after the other; each wait
 * costs a wake-up of the database process and of the request thread, which on the engine's hot path
 * cost more CPU than the statements themselves.
 *
 * <p>Statements keep their named parameters ({@code :key}); they are turned into positional ones
 * once per statement text. Values must be scalars or arrays (no collections to expand). If one
 * statement fails, the ones after it do not run and {@link #run} throws, translated like any {@link
 * JdbcTemplate} call; the caller's transaction then rolls back.
 */
final class StatementPipeline {

  private record Positional(String sql, ParsedSql parsed) {}

  private static final Map<String, Positional> POSITIONAL = new ConcurrentHashMap<>();
  // One string per sequence of statements: the driver looks its prepared statements up by the text,
  // and hashing and comparing a fresh copy of a long text for every command costs CPU.
  private static final Map<List<Positional>, String> TEXTS = new ConcurrentHashMap<>();
  private static final int MAX_TEXTS = 1_000;

  /** Rows of one query of the pipeline, readable once the pipeline has run. */
  static final class Rows<T> {
    private final RowMapper<T> mapper;
    private List<T> rows;

    private Rows(RowMapper<T> mapper) {
      this.mapper = mapper;
    }

    List<T> list() {
      if (rows == null) {
        throw new IllegalStateException("The pipeline has not run");
      }
      return rows;
    }

    private void read(ResultSet rs) throws SQLException {
      List<T> read = new ArrayList<>();
      int row = 0;
      while (rs.next()) {
        read.add(mapper.mapRow(rs, row++));
      }
      rows = read;
    }
  }

  private final List<Positional> statements = new ArrayList<>();
  private final List<Integer> counts = new ArrayList<>(); // parameters of each statement
  private final List<Object> values = new ArrayList<>();
  private final List<Rows<?>> results = new ArrayList<>(); // null entries: updates

  /**
   * Makes the rest of the transaction use the generic plans of its prepared statements ({@code
   * plan_cache_mode}, until commit). The engine's statements look rows up by key or by a partial
   * index; with PostgreSQL's default ({@code auto}) many of them were planned anew on every
   * execution, which cost more than a third of PostgreSQL's CPU on the engine's hot path ({@code
   * EngineBenchmark}: 3.6 CPU-ms per instance with {@code auto}, 2.3 with generic plans). Set per
   * transaction, so the app's own queries keep the default.
   */
  StatementPipeline genericPlans() {
    update(GENERIC_PLANS, EmptySqlParameterSource.INSTANCE);
    return this;
  }

  private static final String GENERIC_PLANS = "SET LOCAL plan_cache_mode = force_generic_plan";

  /** Adds a query; its rows are in the result after {@link #run}. */
  <T> Rows<T> query(String namedSql, SqlParameterSource params, RowMapper<T> mapper) {
    add(namedSql, params);
    Rows<T> rows = new Rows<>(mapper);
    results.add(rows);
    return rows;
  }

  /** Adds an insert, update or delete. */
  void update(String namedSql, SqlParameterSource params) {
    add(namedSql, params);
    results.add(null);
  }

  /**
   * Adds one statement that inserts all {@code rows}: {@code namedInsert} is a one-row {@code
   * INSERT INTO ... (...) VALUES (...)}, whose values tuple is repeated for each row. Nothing for
   * no rows.
   */
  void insertRows(String namedInsert, List<SqlParameterSource> rows) {
    if (rows.isEmpty()) {
      return;
    }
    MultiRow multiRow = MULTI_ROW.computeIfAbsent(namedInsert, MultiRow::parse);
    // The driver takes at most 65,535 parameters per execution: large writes go in chunks.
    int perStatement = Math.max(1, MAX_PARAMETERS / Math.max(1, multiRow.parameters()));
    for (int from = 0; from < rows.size(); from += perStatement) {
      List<SqlParameterSource> chunk =
          rows.subList(from, Math.min(rows.size(), from + perStatement));
      Positional positional =
          POSITIONAL_ROWS.computeIfAbsent(
              new RowsKey(namedInsert, chunk.size()),
              key -> new Positional(multiRow.sql(chunk.size()), multiRow.tuple()));
      statements.add(positional);
      int before = values.size();
      for (SqlParameterSource row : chunk) {
        for (Object value : NamedParameterUtils.buildValueArray(multiRow.tuple(), row, null)) {
          values.add(value);
        }
      }
      counts.add(values.size() - before);
      results.add(null);
    }
  }

  private static final int MAX_PARAMETERS = 30_000;

  private record RowsKey(String insert, int rows) {}

  private static final Map<String, MultiRow> MULTI_ROW = new ConcurrentHashMap<>();
  private static final Map<RowsKey, Positional> POSITIONAL_ROWS = new ConcurrentHashMap<>();

  /** A one-row insert split into its head and its values tuple (positional). */
  private record MultiRow(String head, String positionalTuple, ParsedSql tuple, int parameters) {

    static MultiRow parse(String namedInsert) {
      String text = namedInsert.strip();
      int values = text.lastIndexOf("VALUES");
      if (!text.startsWith("INSERT INTO") || values < 0 || !text.endsWith(")")) {
        throw new IllegalArgumentException("Not a one-row INSERT ... VALUES (...): " + text);
      }
      String tupleText = text.substring(values + "VALUES".length()).strip();
      ParsedSql tuple = NamedParameterUtils.parseSqlStatement(tupleText);
      String positionalTuple = NamedParameterUtils.substituteNamedParameters(tuple, null);
      return new MultiRow(
          text.substring(0, values + "VALUES".length()),
          positionalTuple,
          tuple,
          (int) positionalTuple.chars().filter(c -> c == '?').count());
    }

    String sql(int rows) {
      StringBuilder sql = new StringBuilder(head);
      for (int i = 0; i < rows; i++) {
        sql.append(i == 0 ? " " : ", ").append(positionalTuple);
      }
      return sql.toString();
    }
  }

  boolean isEmpty() {
    return results.isEmpty();
  }

  /** Sends every statement added, reads every answer; does nothing when empty. */
  void run(JdbcTemplate jdbc) {
    if (results.isEmpty()) {
      return;
    }
    jdbc.execute(
        (ConnectionCallback<Void>)
            connection -> {
              // The driver takes at most 65,535 parameters per execution: more go in several.
              int from = 0;
              int valueFrom = 0;
              while (from < statements.size()) {
                int to = from;
                int parameters = 0;
                while (to < statements.size()
                    && (to == from || parameters + counts.get(to) <= MAX_PARAMETERS)) {
                  parameters += counts.get(to);
                  to++;
                }
                try (PreparedStatement statement =
                    connection.prepareStatement(text(statements.subList(from, to)))) {
                  for (int i = 0; i < parameters; i++) {
                    set(statement, i + 1, values.get(valueFrom + i));
                  }
                  readAll(statement, statement.execute(), results.subList(from, to));
                }
                from = to;
                valueFrom += parameters;
              }
              return null;
            });
  }

  private static String text(List<Positional> statements) {
    String text = TEXTS.get(statements);
    if (text == null) {
      text = String.join(";\n", statements.stream().map(Positional::sql).toList());
      if (TEXTS.size() < MAX_TEXTS) {
        TEXTS.put(List.copyOf(statements), text);
      }
    }
    return text;
  }

  private static void set(PreparedStatement statement, int index, Object value)
      throws SQLException {
    if (value instanceof SqlParameterValue typed) {
      StatementCreatorUtils.setParameterValue(statement, index, typed, typed.getValue());
    } else {
      StatementCreatorUtils.setParameterValue(statement, index, SqlTypeValue.TYPE_UNKNOWN, value);
    }
  }

  private static void readAll(
      PreparedStatement statement, boolean isResultSet, List<Rows<?>> results) throws SQLException {
    boolean resultSet = isResultSet;
    for (Rows<?> rows : results) {
      if (resultSet) {
        try (ResultSet rs = statement.getResultSet()) {
          if (rows == null) {
            throw new IllegalStateException("An update of the pipeline returned rows");
          }
          rows.read(rs);
        }
      } else if (rows != null) {
        throw new IllegalStateException("A query of the pipeline returned no rows");
      }
      resultSet = statement.getMoreResults();
    }
  }

  private void add(String namedSql, SqlParameterSource params) {
    Positional positional =
        POSITIONAL.computeIfAbsent(
            namedSql,
            text -> {
              ParsedSql parsed = NamedParameterUtils.parseSqlStatement(text);
              String positionalSql = NamedParameterUtils.substituteNamedParameters(parsed, null);
              positionalSql = positionalSql.strip();
              if (positionalSql.endsWith(";")) {
                positionalSql = positionalSql.substring(0, positionalSql.length() - 1);
              }
              return new Positional(positionalSql, parsed);
            });
    statements.add(positional);
    int before = values.size();
    for (Object value : NamedParameterUtils.buildValueArray(positional.parsed(), params, null)) {
      values.add(value);
    }
    counts.add(values.size() - before);
  }
}
