package org.redress.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.support.TestDatabase;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

class EmbeddedPostgresConfigurationIT {

  @TempDir Path dataDirectory;

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
        .withUserConfiguration(EmbeddedPostgresConfiguration.class)
        .withPropertyValues("redress.embedded-postgres.data-directory=" + dataDirectory);
  }

  @Test
  void shouldUseConfiguredServerWhenDataSourceUrlIsSet() {
    runner()
        .withPropertyValues(
            "spring.datasource.url=" + TestDatabase.jdbcUrl(),
            "spring.datasource.username=" + TestDatabase.username(),
            "spring.datasource.password=" + TestDatabase.password())
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(EmbeddedPostgresConfiguration.class);
              assertThat(context).doesNotHaveBean(EmbeddedPostgres.class);
              assertThat(
                      jdbc(context.getBean(DataSource.class)).sql("SELECT 1").query().singleValue())
                  .isEqualTo(1);
            });
    assertThat(dataDirectory).isEmptyDirectory();
  }

  @Test
  void shouldKeepCommittedDataWhenRestarted() {
    runner()
        .run(
            context -> {
              JdbcClient jdbc = jdbc(context.getBean(DataSource.class));
              jdbc.sql("CREATE TABLE kept (value text)").update();
              jdbc.sql("INSERT INTO kept VALUES ('first run')").update();
              // Durability settings win over zonky's test-oriented defaults.
              assertThat(setting(jdbc, "fsync")).isEqualTo("on");
              assertThat(setting(jdbc, "synchronous_commit")).isEqualTo("on");
              assertThat(setting(jdbc, "max_connections")).isEqualTo("100");
              assertThat(setting(jdbc, "shared_buffers")).isEqualTo("128MB");
            });
    assertThat(dataDirectory.resolve("postmaster.pid")).doesNotExist();

    runner()
        .run(
            context ->
                assertThat(values(context.getBean(DataSource.class))).containsExactly("first run"));
  }

  @Test
  void shouldStopOrphanedServerWhenPreviousRunWasKilled() throws Exception {
    // given committed data and a server whose JVM died by kill -9
    runner()
        .run(
            context -> {
              JdbcClient jdbc = jdbc(context.getBean(DataSource.class));
              jdbc.sql("CREATE TABLE kept (value text)").update();
              jdbc.sql("INSERT INTO kept VALUES ('before kill')").update();
            });
    Process killed = startServerInAnotherJvm(dataDirectory.toAbsolutePath().normalize());
    long orphanPid = Long.parseLong(Files.readAllLines(pidFile()).get(0).trim());
    killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

    // when
    runner()
        .run(
            context -> {
              // then
              assertThat(context).hasNotFailed();
              assertThat(values(context.getBean(DataSource.class))).containsExactly("before kill");
              assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive)).isEmpty();
            });
  }

  private Path pidFile() {
    return dataDirectory.resolve("postmaster.pid");
  }

  private static Process startServerInAnotherJvm(Path dataDirectory) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    ServerThatGetsKilled.class.getName(),
                    dataDirectory.toString()))
            .redirectErrorStream(true)
            .start();
    try (BufferedReader output =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      StringBuilder log = new StringBuilder();
      String line;
      while ((line = output.readLine()) != null) {
        if (line.equals(ServerThatGetsKilled.READY)) {
          return process;
        }
        log.append(line).append('\n');
      }
      throw new IllegalStateException(
          "The server JVM exited with " + process.waitFor() + ":\n" + log);
    }
  }

  private static JdbcClient jdbc(DataSource dataSource) {
    return JdbcClient.create(dataSource);
  }

  private static String setting(JdbcClient jdbc, String name) {
    return jdbc.sql("SELECT current_setting(:name)")
        .param("name", name)
        .query(String.class)
        .single();
  }

  private static List<String> values(DataSource dataSource) {
    return jdbc(dataSource).sql("SELECT value FROM kept").query(String.class).list();
  }

  /** Runs the embedded server the way the app does, until it is killed. */
  static final class ServerThatGetsKilled {

    static final String READY = "server ready";

    public static void main(String[] args) throws Exception {
      Path dataDirectory = Path.of(args[0]);
      EmbeddedPostgres postgres =
          new EmbeddedPostgresConfiguration()
              .embeddedPostgres(new EmbeddedPostgresProperties(dataDirectory, 0));
      JdbcClient jdbc = jdbc(postgres.getPostgresDatabase());
      jdbc.sql("SELECT count(*) FROM kept").query(Long.class).single();
      System.out.println(READY);
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
