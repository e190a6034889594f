package org.redress.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Fixes the app's HTTP port before its context starts. The app's own Camunda client calls the app's
 * {@code /v2} endpoints, so its address has to be known up front; {@code server.port=0} would
 * reveal the port too late.
 *
 * <p>Use with {@code @SpringBootTest(webEnvironment = DEFINED_PORT)} and read the port back through
 * {@code @LocalServerPort}:
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void properties(DynamicPropertyRegistry registry) {
 *   TestDatabase.register(registry);
 *   TestServer.register(registry);
 * }
 * }</pre>
 */
public final class TestServer {

  private TestServer() {}

  /**
   * Sets {@code server.port} to a free port and points {@code camunda.client.rest-address} at it.
   *
   * @return the chosen port
   */
  public static int register(DynamicPropertyRegistry registry) {
    int port = freePort();
    registry.add("server.port", () -> port);
    registry.add("camunda.client.rest-address", () -> "http://localhost:" + port);
    return port;
  }

  /**
   * A TCP port that was free a moment ago. Another process could take it before the app binds it;
   * the OS hands out ephemeral ports round-robin, so that is rare enough for tests.
   */
  public static int freePort() {
    // All interfaces, as the app binds them.
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free TCP port", e);
    }
  }
}
