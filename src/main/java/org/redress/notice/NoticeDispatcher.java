package org.redress.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers pending notices through the configured channel, a small batch per transaction with
 * {@code FOR UPDATE SKIP LOCKED} (several app instances share the work). A failed delivery stays
 * PENDING and is retried with exponential back-off (2 s doubling, at most 1 h). A crash after the
 * channel accepted a notice but before it was marked delivered re-delivers it; channels recognise
 * the notice id, so the user still sees it once.
 */
public class NoticeDispatcher {

  private static final Logger log = LoggerFactory.getLogger(NoticeDispatcher.class);
  private static final Duration MAX_BACK_OFF = Duration.ofHours(1);

  private final NoticeRepository repository;
  private final NoticeChannel channel;
  private final TransactionTemplate transactions;
  private final NoticeProperties properties;
  private final Clock clock;

  NoticeDispatcher(
      NoticeRepository repository,
      NoticeChannel channel,
      TransactionTemplate transactions,
      NoticeProperties properties,
      Clock clock) {
    this.repository = repository;
    this.channel = channel;
    this.transactions = transactions;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${redress.notice.dispatch-interval:1s}")
  void scheduled() {
    try {
      if (!repository.anyDue(clock.instant())) {
        return; // the usual case: a read instead of a claiming transaction every second
      }
      while (dispatchDue() == properties.dispatchBatch()) {
        // a full batch: there may be more
      }
    } catch (RuntimeException e) {
      log.warn("Notice dispatch failed, retrying at the next interval: {}", e.getMessage());
    }
  }

  /** Delivers one batch of due notices; returns how many were due. */
  public int dispatchDue() {
    Integer count =
        transactions.execute(
            status -> {
              Instant now = clock.instant();
              var due = repository.claimDue(now, properties.dispatchBatch());
              for (Notice notice : due) {
                try {
                  channel.deliver(notice);
                  repository.markDelivered(notice.id(), clock.instant());
                } catch (RuntimeException e) {
                  Duration backOff = Duration.ofSeconds(2L << Math.min(notice.attempts(), 20));
                  if (backOff.compareTo(MAX_BACK_OFF) > 0) {
                    backOff = MAX_BACK_OFF;
                  }
                  repository.markFailed(
                      notice.id(), String.valueOf(e.getMessage()), now.plus(backOff));
                  log.warn(
                      "Notice {} not delivered (attempt {}), retry in {}: {}",
                      notice.id(),
                      notice.attempts() + 1,
                      backOff,
                      e.getMessage());
                }
              }
              return due.size();
            });
    return count == null ? 0 : count;
  }
}
