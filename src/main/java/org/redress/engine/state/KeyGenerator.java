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

  /**
   * The monitor is never held while the next block is fetched: callers outside a transaction borrow
   * a pooled connection for it, and callers inside one (holding a connection) must not wait for
   * them, or a full pool deadlocks until its connection timeout. Threads that find the block used
   * up at the same moment each fetch one; all but the first are dropped (keys stay unique).
   */
  public long nextKey() {
    while (true) {
      synchronized (this) {
        if (next < limit) {
          return next++;
        }
      }
      long start = jdbc.sql("SELECT nextval('engine.key_seq')").query(Long.class).single();
      synchronized (this) {
        if (next >= limit) {
          next = start;
          limit = start + BLOCK;
        }
      }
    }
  }
}
