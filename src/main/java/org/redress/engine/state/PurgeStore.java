package org.redress.engine.state;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties every table of schema {@code engine} (runtime state, history, deployments) for the
 * management purge. Tables are found in the catalog, so tables added by later migrations are purged
 * too; Flyway's history table (should it ever live in this schema) and the key sequence are kept,
 * so keys stay unique across purges.
 */
public class PurgeStore {

  /** Every command on an instance locks this table first: taking it first avoids lock cycles. */
  private static final String FIRST = "engine.element_instance";

  private final JdbcClient jdbc;

  public PurgeStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The tables of schema engine, schema-qualified and quoted, the most contended one first; not the
   * live app instances ({@code node}) or the shared clock ({@code clock}), which are no engine data
   * (a purge keeps the clock, as Zeebe's does).
   */
  public List<String> engineTables() {
    List<String> tables =
        new ArrayList<>(
            jdbc.sql(
                    """
                    SELECT format('%I.%I', schemaname, tablename)
                      FROM pg_catalog.pg_tables
                     WHERE schemaname = 'engine'
                       AND tablename NOT IN ('flyway_schema_history', 'node', 'clock')
                     ORDER BY tablename
                    """)
                .query(String.class)
                .list());
    if (tables.remove(FIRST)) {
      tables.add(0, FIRST);
    }
    return tables;
  }

  /**
   * Deletes all rows of the given tables. Must run in a transaction: it takes every table's lock
   * first (waiting at most {@code lockTimeoutMillis} for running commands to finish, then failing
   * with a lock exception the caller may retry), so no command sees a half-purged engine.
   */
  public void truncate(List<String> tables, long lockTimeoutMillis) {
    if (tables.isEmpty()) {
      return;
    }
    String list = String.join(", ", tables);
    jdbc.sql("SELECT set_config('lock_timeout', :timeout, true)")
        .param("timeout", lockTimeoutMillis + "ms")
        .query()
        .singleRow();
    jdbc.sql("LOCK TABLE " + list + " IN ACCESS EXCLUSIVE MODE").update();
    jdbc.sql("TRUNCATE TABLE " + list).update();
  }
}
