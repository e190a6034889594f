package org.redress.engine.cpt;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.camunda.process.test.api.CamundaProcessTestExtension;
import io.camunda.process.test.api.CamundaProcessTestRuntimeMode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Map;
import org.redress.RedressApplication;
import org.redress.support.TestDatabase;
import org.redress.support.TestServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole Redress app (embedded engine included) as the "remote" Camunda runtime of Camunda
 * Process Test: started once per test JVM on a free port with the test database, and stopped by
 * Spring's JVM shutdown hook.
 *
 * <p>CPT checks {@code /v2/topology} in its {@code beforeAll}, before any Spring test context of
 * the test class would exist, so the app is started when the extension is built, i.e. while the
 * test class initialises:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final CamundaProcessTestExtension CPT = EmbeddedEngineRuntime.processTestExtension();
 *
 * CamundaClient client;                       // injected by CPT
 * CamundaProcessTestContext processTestContext; // injected by CPT
 * }</pre>
 *
 * <p>Credentials: every Camunda client built here, CPT's included, sends the engine client
 * credential of the tests ({@link TestServer#engineCredentials()}). CPT 8.8.14's management client
 * ({@code /actuator/clock}, {@code /actuator/cluster/purge} and its topology polls after a purge)
 * cannot send any: it adds HTTP Basic only with multi-tenancy on, and then the fixed {@code
 * demo:demo}; worse, it counts a 401 as success, so a clock move would silently do nothing. So this
 * app runs with {@code redress.engine.api.allow-anonymous-loopback=true}, which only CPT tests set.
 *
 * <p>CPT purges the engine after every test ({@code POST /actuator/cluster/purge}) and resets its
 * clock, so each test deploys its own processes. The purge empties the whole shared test database's
 * engine schema; test classes of a JVM run one after another, so no other test loses data it is
 * still using.
 */
public final class EmbeddedEngineRuntime {

  /** Never contacted: every client built here speaks REST only. */
  private static final URI UNUSED_GRPC_ADDRESS = URI.create("http://localhost:26500");

  private static ConfigurableApplicationContext context;
  private static URI address;

  private EmbeddedEngineRuntime() {}

  /** Starts the app on first call; later calls return the running one. */
  public static synchronized ConfigurableApplicationContext start() {
    if (context == null) {
      int port = TestServer.freePort();
      String url = "http://localhost:" + port;
      // As command-line arguments: they outrank application.yaml (builder "properties" do not).
      Map<String, String> settings =
          Map.of(
              "spring.datasource.url",
              TestDatabase.jdbcUrl(),
              "spring.datasource.username",
              TestDatabase.username(),
              "spring.datasource.password",
              TestDatabase.password(),
              "server.port",
              Integer.toString(port),
              "camunda.client.rest-address",
              url,
              "redress.engine.client-id",
              TestServer.ENGINE_CLIENT_ID,
              "redress.engine.client-secret",
              TestServer.ENGINE_CLIENT_SECRET,
              // CPT's management client (clock, purge) cannot send credentials in 8.8.14
              "redress.engine.api.allow-anonymous-loopback",
              "true",
              "spring.main.banner-mode",
              "off",
              // CPT tests bring their own workers; the app's Redress workers would otherwise
              // compete for the jobs of the workflow tests in the shared database.
              "camunda.client.worker.defaults.enabled",
              "false");
      context =
          new SpringApplicationBuilder(RedressApplication.class)
              .run(
                  settings.entrySet().stream()
                      .map(e -> "--" + e.getKey() + "=" + e.getValue())
                      .toArray(String[]::new));
      address = URI.create(url);
    }
    return context;
  }

  /**
   * The app's base address: the REST API is under {@code /v2}, management under {@code /actuator}.
   */
  public static synchronized URI address() {
    start();
    return address;
  }

  /** A Camunda Process Test extension in remote mode against the embedded engine. */
  public static CamundaProcessTestExtension processTestExtension() {
    URI base = address();
    return new CamundaProcessTestExtension()
        .withRuntimeMode(CamundaProcessTestRuntimeMode.REMOTE)
        .withRemoteCamundaClientBuilderFactory(() -> restOnly(clientBuilder(base)))
        .withRemoteCamundaMonitoringApiAddress(base)
        .withRemoteConnectorsRestApiAddress(base);
  }

  /** A client of the embedded engine, for tests that do not go through CPT. */
  public static CamundaClient newClient() {
    return clientBuilder(address()).build();
  }

  private static CamundaClientBuilder clientBuilder(URI base) {
    return CamundaClient.newClientBuilder()
        .restAddress(base)
        .grpcAddress(UNUSED_GRPC_ADDRESS)
        .preferRestOverGrpc(true)
        .credentialsProvider(TestServer.engineCredentials())
        // the address above wins over CAMUNDA_REST_ADDRESS & co. of the environment
        .applyEnvironmentVariableOverrides(false);
  }

  /**
   * CPT switches its clients to gRPC ({@code preferRestOverGrpc(false)}), which the embedded engine
   * does not speak; this builder ignores that, so the tests need no {@code CAMUNDA_PREFER_REST}
   * (Failsafe sets it anyway).
   */
  static CamundaClientBuilder restOnly(CamundaClientBuilder target) {
    return (CamundaClientBuilder)
        Proxy.newProxyInstance(
            CamundaClientBuilder.class.getClassLoader(),
            new Class<?>[] {CamundaClientBuilder.class},
            (proxy, method, args) -> {
              Object[] actual = args;
              if (isPreferRest(method)) {
                actual = new Object[] {true};
              }
              try {
                Object result = method.invoke(target, actual);
                return result == target ? proxy : result;
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static boolean isPreferRest(Method method) {
    return method.getName().equals("preferRestOverGrpc") && method.getParameterCount() == 1;
  }
}
