package org.redress.engine.state;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Unique 64-bit keys shaped like Zeebe's ((1 << 51) + n). Blocks of {@link #BLOCK} keys are
 * reserved from a database sequence, so keys stay unique across restarts and across app instances
 * sharing the database without a round trip per key.
 */
public class KeyGenerator {

  /** Must equal the INCREMENT BY of engine.key_seq. */
  static final int BLOCK = 1000;

  private final JdbcClient jdbc;
  private long next;
  private long limit;

  public KeyGenerator(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public synchronized long nextKey() {
    if (next >= limit) {
      long start = jdbc.sql("SELECT nextval('engine.key_seq')").query(Long.class).single();
      next = start;
      limit = start + BLOCK;
    }
    return next++;
  }
}
