package org.redress.support;

import io.camunda.client.CredentialsProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Fixes the app's HTTP port before its context starts. The app's own Camunda client calls the app's
 * {@code /v2} endpoints, so its address has to be known up front; {@code server.port=0} would
 * reveal the port too late.
 *
 * <p>It also fixes the engine API's internal credential ({@link #ENGINE_CLIENT_ID}, {@link
 * #ENGINE_CLIENT_SECRET}), so that tests can call {@code /v2} themselves: over plain HTTP with
 * {@link #engineAuthorization()}, with a Camunda client built with {@link #engineCredentials()}.
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

  /** {@code redress.engine.client-id} of test apps. */
  public static final String ENGINE_CLIENT_ID = "redress-engine-test";

  /** {@code redress.engine.client-secret} of test apps. */
  public static final String ENGINE_CLIENT_SECRET = "engine-secret-of-the-tests";

  private TestServer() {}

  /**
   * Sets {@code server.port} to a free port, points {@code camunda.client.rest-address} at it and
   * sets the engine client credential.
   *
   * @return the chosen port
   */
  public static int register(DynamicPropertyRegistry registry) {
    int port = freePort();
    registry.add("server.port", () -> port);
    registry.add("camunda.client.rest-address", () -> "http://localhost:" + port);
    registry.add("redress.engine.client-id", () -> ENGINE_CLIENT_ID);
    registry.add("redress.engine.client-secret", () -> ENGINE_CLIENT_SECRET);
    return port;
  }

  /** The engine credential as command-line arguments, for apps started outside Spring tests. */
  public static List<String> engineCredentialArguments() {
    return List.of(
        "--redress.engine.client-id=" + ENGINE_CLIENT_ID,
        "--redress.engine.client-secret=" + ENGINE_CLIENT_SECRET);
  }

  /** {@code Authorization} header value for {@code /v2} and the engine's management endpoints. */
  public static String engineAuthorization() {
    return basic(ENGINE_CLIENT_ID, ENGINE_CLIENT_SECRET);
  }

  /** For {@code CamundaClient.newClientBuilder().credentialsProvider(...)}. */
  public static CredentialsProvider engineCredentials() {
    return CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
        .username(ENGINE_CLIENT_ID)
        .password(ENGINE_CLIENT_SECRET)
        .applyEnvironmentOverrides(false)
        .build();
  }

  /** An HTTP Basic {@code Authorization} header value. */
  public static String basic(String username, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
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
