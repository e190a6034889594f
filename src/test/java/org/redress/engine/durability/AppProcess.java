package org.redress.engine.durability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.redress.support.TestServer;

/**
 * The Redress app as a separate JVM, so that a test can kill it like a crash does ({@link #kill()}
 * is SIGKILL: no shutdown hooks, no connection or lease is given back). Its output goes to {@code
 * target/engine-restart-it/<name>.log}. The child JVM gets the test JVM's classpath minus the test
 * classes (so no test configuration is component-scanned into the app), or runs the app jar ({@link
 * #startOwnDatabase}, for the engine benchmark).
 */
public final class AppProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;

  private AppProcess(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static AppProcess start(String name, String jdbcUrl, String username, String password) {
    return start(name, jdbcUrl, username, password, List.of());
  }

  /** With extra command-line arguments ({@code --property=value}). */
  static AppProcess start(
      String name, String jdbcUrl, String username, String password, List<String> arguments) {
    int port = TestServer.freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-XX:TieredStopAtLevel=1"); // faster start-up; throughput is irrelevant here
    command.add("-cp");
    command.add(String.join(File.pathSeparator, appClasspath()));
    command.add("org.redress.RedressApplication");
    command.add("--server.port=" + port);
    command.add("--camunda.client.rest-address=http://localhost:" + port);
    command.add("--spring.datasource.url=" + jdbcUrl);
    command.add("--spring.datasource.username=" + username);
    command.add("--spring.datasource.password=" + password);
    command.add("--spring.main.banner-mode=off");
    command.add("--management.health.camunda.enabled=false");
    command.add("--camunda.client.deployment.enabled=false");
    command.addAll(TestServer.engineCredentialArguments());
    return launch(name, port, command, arguments, "engine-restart-it");
  }

  /**
   * The app as users run it, for the engine benchmark: its own embedded PostgreSQL in {@code
   * dataDirectory}, all its job workers and schedulers, the engine credential of the tests. Started
   * from {@code jar} ({@code java -jar}) when given, else from the classpath of this JVM without
   * its test classes (the same code, without building the jar first). Output goes to {@code
   * target/engine-benchmark/<name>.log}.
   *
   * @param jvmOptions options of the app JVM ({@code -Xmx1g}, {@code -XX:StartFlightRecording...})
   * @param arguments extra {@code --property=value}; one given here replaces a default
   */
  public static AppProcess startOwnDatabase(
      String name, Path jar, Path dataDirectory, List<String> jvmOptions, List<String> arguments) {
    int port = TestServer.freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    if (jar != null) {
      command.add("-jar");
      command.add(jar.toAbsolutePath().toString());
    } else {
      command.add("-cp");
      command.add(String.join(File.pathSeparator, appClasspath()));
      command.add("org.redress.RedressApplication");
    }
    command.add("--server.port=" + port);
    command.add("--camunda.client.rest-address=http://localhost:" + port);
    command.add("--redress.embedded-postgres.data-directory=" + dataDirectory.toAbsolutePath());
    command.add("--spring.main.banner-mode=off");
    command.addAll(TestServer.engineCredentialArguments());
    return launch(name, port, command, arguments, "engine-benchmark");
  }

  private static AppProcess launch(
      String name, int port, List<String> command, List<String> arguments, String logFolder) {
    try {
      Path logDirectory = targetDirectory().resolve(logFolder);
      Files.createDirectories(logDirectory);
      Path log = logDirectory.resolve(name + ".log");
      // an argument given here replaces the default above for the same property
      for (String argument : arguments) {
        String key =
            argument.contains("=") ? argument.substring(0, argument.indexOf('=') + 1) : argument;
        command.removeIf(existing -> existing.startsWith(key));
      }
      command.addAll(arguments);
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
              .start();
      AppProcess app = new AppProcess(name, process, port, log);
      // Safety net if the test JVM ends without running @AfterAll.
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      return app;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start app process " + name, e);
    }
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  /** The operating system's id of the app JVM. */
  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  /** Polls {@code GET /v2/topology} until it answers 200; fails fast when the process died. */
  public void awaitReady(Duration timeout) {
    awaitReady(timeout, "/v2/topology");
  }

  /** Polls {@code path} (GET; the engine credential on {@code /v2}) until it answers 200. */
  public void awaitReady(Duration timeout, String path) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path));
    if (path.startsWith("/v2/")) {
      builder.header("Authorization", TestServer.engineAuthorization());
    }
    HttpRequest request = builder.timeout(Duration.ofSeconds(2)).GET().build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "App process " + name + " exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + name, e);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "App process " + name + " not ready within " + timeout + "; see " + log);
      }
      try {
        Thread.sleep(200); // polling interval
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + name, e);
      }
    }
  }

  /**
   * SIGTERM: the app shuts down in order (its embedded PostgreSQL too); SIGKILL when it has not
   * ended within the timeout.
   */
  public void stop(Duration timeout) {
    process.destroy();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
  }

  /** SIGKILL (kill -9) and wait until the process is gone. */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("App process " + name + " did not die after SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while killing " + name, e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  /**
   * The test JVM's classpath without test classes. Surefire/failsafe publish the real classpath in
   * {@code surefire.test.class.path}; {@code java.class.path} may be a manifest-only booter jar.
   */
  private static List<String> appClasspath() {
    try {
      return appClasspathEntries();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the classpath of this JVM", e);
    }
  }

  private static List<String> appClasspathEntries() throws IOException {
    String classpath = System.getProperty("surefire.test.class.path");
    if (classpath == null || classpath.isBlank()) {
      classpath = System.getProperty("java.class.path");
    }
    Set<String> entries = new LinkedHashSet<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      if (Path.of(entry).getFileName().toString().startsWith("surefirebooter")) {
        entries.addAll(manifestClasspath(Path.of(entry)));
      } else {
        entries.add(entry);
      }
    }
    entries.removeIf(entry -> Path.of(entry).normalize().endsWith("test-classes"));
    return List.copyOf(entries);
  }

  private static List<String> manifestClasspath(Path jar) throws IOException {
    List<String> entries = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      String value = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
      if (value == null) {
        return entries;
      }
      for (String url : value.trim().split("\\s+")) {
        try {
          entries.add(Path.of(jar.getParent().toUri().resolve(url)).toString());
        } catch (IllegalArgumentException e) {
          throw new IOException("Unreadable Class-Path entry " + url + " in " + jar, e);
        }
      }
    }
    return entries;
  }

  /** Maven's target directory, found from the compiled test classes. */
  private static Path targetDirectory() {
    try {
      Path testClasses =
          Path.of(AppProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isDirectory(testClasses) ? testClasses.getParent() : Path.of("target");
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return Path.of("target");
    }
  }
}
