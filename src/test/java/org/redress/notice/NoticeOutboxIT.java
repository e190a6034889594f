package org.redress.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.redress.support.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox: a notice is stored once per key and delivered once, also after failures. */
class NoticeOutboxIT {

  static DataSource dataSource;

  final JdbcClient jdbc = JdbcClient.create(dataSource());
  final NoticeRepository repository = new NoticeRepository(jdbc);
  final NoticeProperties properties =
      new NoticeProperties(
          NoticeProperties.ChannelKind.LOCAL,
          Duration.ofSeconds(1),
          500,
          new NoticeProperties.Http(null, Duration.ofSeconds(1), Duration.ofSeconds(1)),
          null,
          null);
  // Far beyond real time: the app contexts other tests left running in this JVM dispatch due
  // notices of the shared database by the real clock, and must never find this test's notices due.
  MutableClock clock = new MutableClock(Instant.parse("2096-11-23T10:00:00Z"));
  final NoticeService notices =
      new NoticeService(repository, new NoticeTemplates(properties), clock);

  @Test
  void shouldStoreOneNoticeWhenTheSameKeyIsSentTwice() {
    String caseId = "case-" + UUID.randomUUID();

    Notice first = notices.send(received(caseId, "key-" + caseId));
    Notice second = notices.send(received(caseId, "key-" + caseId));

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(notices.noticesOfCase(caseId)).hasSize(1);
    assertThatThrownBy(() -> notices.send(received("other-" + caseId, "key-" + caseId)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("belong to case");
  }

  @Test
  void shouldDeliverOnceAfterAFailedAttemptWhenTheChannelRecovers() {
    // given a channel that fails once, then works
    String caseId = "case-" + UUID.randomUUID();
    String accountId = "acc-" + caseId;
    AtomicInteger calls = new AtomicInteger();
    LocalInboxChannel inbox = new LocalInboxChannel(jdbc);
    NoticeChannel flaky =
        notice -> {
          if (notice.caseId().equals(caseId) && calls.incrementAndGet() == 1) {
            throw new IllegalStateException("push service unavailable");
          }
          inbox.deliver(notice);
        };
    NoticeDispatcher dispatcher = dispatcher(flaky);
    Notice notice = notices.send(received(caseId, "key-" + caseId));

    // when the first dispatch fails
    dispatcher.dispatchDue();

    // then it stays pending with the error, and is not retried before its back-off
    Notice failed = notices.noticesOfCase(caseId).get(0);
    assertThat(failed.status()).isEqualTo("PENDING");
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).contains("push service unavailable");
    dispatcher.dispatchDue();
    assertThat(calls.get()).isEqualTo(1);

    // when the back-off has passed, it is delivered once; later dispatches do nothing
    clock.add(Duration.ofSeconds(3));
    dispatcher.dispatchDue();
    dispatcher.dispatchDue();
    assertThat(notices.noticesOfCase(caseId).get(0).status()).isEqualTo("DELIVERED");
    assertThat(notices.inbox(accountId)).hasSize(1);
    assertThat(notices.inbox(accountId).get(0).noticeId()).isEqualTo(notice.id());
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void shouldNotShowANoticeTwiceWhenItIsDeliveredAgainAfterACrash() {
    // given a notice the inbox accepted, but whose DELIVERED mark was lost in a crash
    String caseId = "case-" + UUID.randomUUID();
    Notice notice = notices.send(received(caseId, "key-" + caseId));
    LocalInboxChannel inbox = new LocalInboxChannel(jdbc);
    inbox.deliver(notice);

    // when the dispatcher delivers it (again)
    dispatcher(inbox).dispatchDue();

    // then the user sees it once
    assertThat(notices.inbox("acc-" + caseId)).hasSize(1);
    assertThat(notices.noticesOfCase(caseId).get(0).status()).isEqualTo("DELIVERED");
  }

  @Test
  void shouldTryDeliveryOnScheduledPassesOnlyWhenTheNoticeIsDue() {
    // given a notice whose first scheduled delivery failed (next attempt in 2 s)
    String caseId = "case-" + UUID.randomUUID();
    AtomicInteger calls = new AtomicInteger();
    LocalInboxChannel inbox = new LocalInboxChannel(jdbc);
    NoticeDispatcher dispatcher =
        dispatcher(
            notice -> {
              if (notice.caseId().equals(caseId) && calls.incrementAndGet() == 1) {
                throw new IllegalStateException("push service unavailable");
              }
              inbox.deliver(notice);
            });
    notices.send(received(caseId, "key-" + caseId));
    dispatcher.scheduled();
    assertThat(calls).hasValue(1);

    // when a scheduled pass runs before the next attempt is due, then nothing is tried
    dispatcher.scheduled();
    assertThat(calls).hasValue(1);

    // when one runs after it, then the notice is delivered
    clock.add(Duration.ofSeconds(3));
    dispatcher.scheduled();
    assertThat(calls).hasValue(2);
    assertThat(notices.noticesOfCase(caseId).get(0).status()).isEqualTo("DELIVERED");
  }

  NoticeDispatcher dispatcher(NoticeChannel channel) {
    return new NoticeDispatcher(
        repository,
        channel,
        new TransactionTemplate(new DataSourceTransactionManager(dataSource())),
        properties,
        clock);
  }

  static NoticeRequest received(String caseId, String key) {
    return new NoticeRequest(
        caseId,
        "acc-" + caseId,
        NoticeKind.APPEAL_RECEIVED,
        Locale.ENGLISH,
        key,
        Map.of(
            "caseId",
            caseId,
            "caseLink",
            "http://localhost/api/cases/" + caseId + "?token=t",
            "appealId",
            "appeal-1",
            "receivedAt",
            Instant.parse("2026-11-23T10:00:00Z")));
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void add(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static synchronized DataSource dataSource() {
    if (dataSource == null) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(TestDatabase.jdbcUrl());
      config.setUsername(TestDatabase.username());
      config.setPassword(TestDatabase.password());
      config.setMaximumPoolSize(4);
      dataSource = new HikariDataSource(config);
      Flyway.configure()
          .dataSource(dataSource)
          .schemas("engine", "redress")
          .defaultSchema("redress")
          .createSchemas(true)
          .load()
          .migrate();
    }
    return dataSource;
  }
}
