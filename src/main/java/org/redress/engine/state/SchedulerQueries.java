package org.redress.engine.state;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the scheduler asks before a pass, in one read-only statement: is any of its work due now,
 * and are there buffered messages at all. An idle engine answers both with a few probes of partial
 * indexes instead of running the pass's claiming statements.
 */
public class SchedulerQueries {

  /**
   * @param workDue a timer is due, a job lease ran out or a back-off ended (exactly the rows that
   *     {@link EventStore#dueTimers}, {@link JobStore#timeOutExpired} and {@link
   *     JobStore#recurAfterBackOff} claim at {@code now})
   * @param messagesBuffered some message is buffered (it may expire or be stranded)
   */
  public record Due(boolean workDue, boolean messagesBuffered) {}

  private final JdbcClient jdbc;

  public SchedulerQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Due due(Instant now) {
    return jdbc.sql(
            """
            SELECT EXISTS (SELECT 1 FROM engine.timer
                            WHERE state = 'CREATED' AND due_date <= :now)
                OR EXISTS (SELECT 1 FROM engine.job
                            WHERE state = 'ACTIVATED' AND deadline <= :now)
                OR EXISTS (SELECT 1 FROM engine.job
                            WHERE state = 'FAILED' AND recur_at IS NOT NULL AND recur_at <= :now),
                   EXISTS (SELECT 1 FROM engine.message)
            """)
        .param("now", InstanceStore.ts(now))
        .query((rs, n) -> new Due(rs.getBoolean(1), rs.getBoolean(2)))
        .single();
  }
}
