package org.redress.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.support.TestDatabase;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Several statements in one round trip: results in order, large inserts chunked, all or none. */
class StatementPipelineIT {

  private static HikariDataSource dataSource;
  private static JdbcTemplate jdbc;
  private static TransactionTemplate transactions;
  private String table;

  @BeforeAll
  static void connect() {
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(TestDatabase.jdbcUrl());
    dataSource.setUsername(TestDatabase.username());
    dataSource.setPassword(TestDatabase.password());
    dataSource.setMaximumPoolSize(2);
    jdbc = new JdbcTemplate(dataSource);
    transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  @AfterAll
  static void disconnect() {
    dataSource.close();
  }

  @BeforeEach
  void createTable() {
    table = "pipeline_" + UUID.randomUUID().toString().replace("-", "");
    StringBuilder columns = new StringBuilder("key bigint PRIMARY KEY, name text NOT NULL");
    for (int i = 0; i < 20; i++) {
      columns.append(", c").append(i).append(" bigint");
    }
    jdbc.execute("CREATE TABLE public." + table + " (" + columns + ")");
  }

  @Test
  void shouldWriteEveryRowWhenOneInsertHasMoreParametersThanPostgresAllows() {
    // given 3,000 rows of 22 parameters each: 66,000 parameters, over PostgreSQL's 65,535
    List<SqlParameterSource> rows = new ArrayList<>();
    for (long key = 1; key <= 3_000; key++) {
      rows.add(row(key, "row " + key));
    }

    // when
    StatementPipeline writes = new StatementPipeline();
    writes.insertRows(insertSql(), rows);
    transactions.executeWithoutResult(status -> writes.run(jdbc));

    // then
    assertThat(jdbc.queryForObject("SELECT count(*) FROM public." + table, Long.class))
        .isEqualTo(3_000L);
    assertThat(
            jdbc.queryForObject(
                "SELECT name || ':' || c19 FROM public." + table + " WHERE key = 2999",
                String.class))
        .isEqualTo("row 2999:2999");
  }

  @Test
  void shouldAnswerEachQueryWithItsOwnRowsWhenQueriesAndWritesAreMixed() {
    // given
    jdbc.update("INSERT INTO public." + table + " (key, name) VALUES (1, 'one'), (2, 'two')");

    // when: a write between two queries; the second query sees it
    StatementPipeline pipeline = new StatementPipeline().genericPlans();
    StatementPipeline.Rows<String> before =
        pipeline.query(
            "SELECT name FROM public." + table + " WHERE key <= :max ORDER BY key",
            new MapSqlParameterSource("max", 2),
            (rs, n) -> rs.getString(1));
    pipeline.update(
        "UPDATE public." + table + " SET name = :name WHERE key = :key",
        new MapSqlParameterSource().addValue("name", "uno").addValue("key", 1));
    StatementPipeline.Rows<String> after =
        pipeline.query(
            "SELECT name FROM public." + table + " WHERE key = :key",
            new MapSqlParameterSource("key", 1),
            (rs, n) -> rs.getString(1));
    transactions.executeWithoutResult(status -> pipeline.run(jdbc));

    // then
    assertThat(before.list()).containsExactly("one", "two");
    assertThat(after.list()).containsExactly("uno");
  }

  @Test
  void shouldWriteNothingWhenOneStatementFails() {
    // given a pipeline whose second insert repeats a key
    jdbc.update("INSERT INTO public." + table + " (key, name) VALUES (1, 'kept')");
    StatementPipeline writes = new StatementPipeline();
    writes.update(
        "UPDATE public." + table + " SET name = :name WHERE key = 1",
        new MapSqlParameterSource("name", "changed"));
    writes.insertRows(insertSql(), List.of(row(7, "new"), row(1, "duplicate")));

    // when / then
    assertThatThrownBy(() -> transactions.executeWithoutResult(status -> writes.run(jdbc)))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(
            jdbc.queryForList("SELECT name FROM public." + table + " ORDER BY key", String.class))
        .containsExactly("kept");
  }

  private String insertSql() {
    StringBuilder columns = new StringBuilder("key, name");
    StringBuilder values = new StringBuilder(":key, :name");
    for (int i = 0; i < 20; i++) {
      columns.append(", c").append(i);
      values.append(", :c").append(i);
    }
    return "INSERT INTO public." + table + " (" + columns + ") VALUES (" + values + ")";
  }

  private static SqlParameterSource row(long key, String name) {
    MapSqlParameterSource row = new MapSqlParameterSource().addValue("key", key);
    row.addValue("name", name);
    for (int i = 0; i < 20; i++) {
      row.addValue("c" + i, key);
    }
    return row;
  }
}
