package org.redress.config;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Zero-set-up database: when no {@code spring.datasource.url} is set, the app runs its own
 * PostgreSQL 17 (zonky binaries) on a persistent data directory and exposes it as the {@code
 * DataSource}. With a URL this class is skipped and Boot's DataSource auto-configuration applies.
 *
 * <p>As root, zonky runs the server through {@code unshare -U} (PostgreSQL refuses uid 0), which
 * needs user namespaces to be enabled in the kernel.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresConfiguration {

  static final String DATABASE = "postgres";
  static final String USERNAME = "postgres";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  // Generous: after an unclean stop the server replays WAL before it accepts connections.
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(60);

  // zonky's own lock file in the data directory, held while an instance uses it.
  private static final String ZONKY_LOCK_FILE = "epg-lock";

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
    Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
    Files.createDirectories(dataDirectory);
    stopOrphanedServer(dataDirectory);
    long startedAt = System.nanoTime();
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setPort(properties.port())
            // Spring closes this bean after everything that uses the DataSource has stopped; a
            // JVM hook of its own could stop the server under a still-running app.
            .setRegisterShutdownHook(false)
            .setPGStartupWait(STARTUP_TIMEOUT)
            // C collation does not depend on the host's glibc, so the persistent indexes stay
            // valid when the OS is upgraded. Applies to initdb only.
            .setLocaleConfig("locale", "C")
            .setServerConfig("listen_addresses", "localhost")
            .setServerConfig("max_connections", "100")
            .setServerConfig("shared_buffers", "128MB")
            .setServerConfig("max_parallel_workers_per_gather", "1")
            .setServerConfig("max_parallel_workers", "2")
            // data is cached / on SSD: with the default 4.0 the planner may walk engine.job's
            // primary key instead of the activatable-jobs index (docs/benchmarks.md, item 2)
            .setServerConfig("random_page_cost", "1.1")
            // zonky tunes for throwaway test databases (fsync off via -F, asynchronous commit);
            // this one is the system of record, so a committed transaction must survive a crash.
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("timezone", "UTC")
            .start();
    log.info(
        "Embedded PostgreSQL on port {} with data in {} (started in {} ms)",
        postgres.getPort(),
        dataDirectory,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
    return postgres;
  }

  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(EmbeddedPostgres postgres) {
    HikariDataSource dataSource =
        DataSourceBuilder.create()
            .type(HikariDataSource.class)
            .url("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE)
            .username(USERNAME)
            .build();
    dataSource.setPoolName("redress-embedded");
    return dataSource;
  }

  /**
   * A kill -9 of the JVM leaves the postmaster (a daemon started by pg_ctl) running on the data
   * directory, and a new server cannot start beside it. When nobody holds zonky's lock, such a
   * server is an orphan of an earlier run and is shut down here. A postmaster.pid whose process is
   * gone is left to PostgreSQL, which replaces it itself; one whose PID now belongs to a process
   * that is not PostgreSQL (PID reuse after a reboot) is removed, because PostgreSQL would take it
   * for a live server.
   */
  static void stopOrphanedServer(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    ensureNotInUse(dataDirectory);
    Optional<ProcessHandle> recorded =
        readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    if (recorded.isEmpty()) {
      log.info("Found a stale {} (server not running); PostgreSQL will replace it", pidFile);
      return;
    }
    ProcessHandle process = recorded.get();
    if (!isPostgres(process)) {
      log.warn(
          "Removing stale {}: its PID {} now belongs to another program", pidFile, process.pid());
      Files.deleteIfExists(pidFile);
      return;
    }
    if (!isServerOf(process, dataDirectory)) {
      throw new IllegalStateException(
          "A PostgreSQL process (PID "
              + process.pid()
              + ") is recorded in "
              + pidFile
              + " but was not started on that directory by this app; stop it or remove the file");
    }
    log.warn(
        "Stopping PostgreSQL (PID {}) left running on {} by an earlier run that did not shut down",
        process.pid(),
        dataDirectory);
    // SIGTERM is a smart shutdown; the dead JVM's sessions are gone, so it completes promptly and
    // cleanly (no crash recovery needed at the next start).
    process.destroy();
    try {
      process.onExit().get(ORPHAN_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "PostgreSQL (PID " + process.pid() + ") did not stop within " + ORPHAN_STOP_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping PostgreSQL", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not stop PostgreSQL (PID " + process.pid() + ")", e);
    }
  }

  private static void ensureNotInUse(Path dataDirectory) throws IOException {
    Path lockFile = dataDirectory.resolve(ZONKY_LOCK_FILE);
    try (FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw inUse(dataDirectory, null);
      }
      lock.release();
    } catch (OverlappingFileLockException e) {
      throw inUse(dataDirectory, e);
    }
  }

  private static IllegalStateException inUse(Path dataDirectory, Exception cause) {
    return new IllegalStateException(
        "The embedded PostgreSQL data directory "
            + dataDirectory
            + " is in use by another running instance; stop it or set"
            + " redress.embedded-postgres.data-directory to another directory",
        cause);
  }

  private static Optional<Long> readPid(Path pidFile) throws IOException {
    List<String> lines = Files.readAllLines(pidFile);
    try {
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(command -> command.endsWith("/postgres")).orElse(false);
  }

  private static boolean isServerOf(ProcessHandle process, Path dataDirectory) {
    return process
        .info()
        .arguments()
        .map(List::of)
        .map(arguments -> arguments.contains(dataDirectory.toString()))
        .orElse(false);
  }

  /** Matches when {@code spring.datasource.url} is absent or blank. */
  static class NoDataSourceUrl extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      ConditionMessage.Builder message = ConditionMessage.forCondition("Embedded PostgreSQL");
      if (StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"))) {
        return ConditionOutcome.noMatch(message.because("spring.datasource.url is set"));
      }
      return ConditionOutcome.match(message.because("spring.datasource.url is not set"));
    }
  }
}
