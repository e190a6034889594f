package org.redress.config.startup;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.redress.engine.LocalDeployments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Deploys the processes and forms of {@code bpmn/} (on the classpath) to the engine the app works
 * with; an unchanged model does not become a new version.
 *
 * <ul>
 *   <li>Embedded engine: in-process, once every bean exists and before the web server's connector
 *       starts, so no request (nor the app's own job workers) meets an engine without the models.
 *       An invalid model stops the start (a build error, not a race).
 *   <li>Cluster ({@code redress.engine.embedded=false}): through the Camunda client on a background
 *       thread, retried with back-off up to {@link #MAX_BACKOFF} until the cluster answers; the app
 *       keeps running meanwhile and is not ready.
 * </ul>
 */
public class ProcessModelDeployment implements SmartInitializingSingleton, DisposableBean {

  static final List<String> LOCATIONS =
      List.of("classpath*:bpmn/*.bpmn", "classpath*:bpmn/forms/*.form");

  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(ProcessModelDeployment.class);

  private final ObjectProvider<LocalDeployments> local;
  private final ObjectProvider<CamundaClient> client;
  private final Duration requestTimeout;
  private volatile boolean deployed;
  private volatile String lastError = "not attempted yet";
  private volatile Thread retrier;

  private final boolean enabled;

  /**
   * @param enabled {@code camunda.client.deployment.enabled}: false leaves deploying to someone
   *     else (the models count as deployed for readiness)
   */
  ProcessModelDeployment(
      boolean enabled,
      ObjectProvider<LocalDeployments> local,
      ObjectProvider<CamundaClient> client,
      Duration requestTimeout) {
    this.enabled = enabled;
    this.local = local;
    this.client = client;
    this.requestTimeout = requestTimeout;
  }

  public boolean isDeployed() {
    return deployed;
  }

  /** Why the models are not deployed yet (the last failure), for the readiness details. */
  String lastError() {
    return lastError;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (!enabled) {
      deployed = true;
      log.info("Process models not deployed by this app (camunda.client.deployment.enabled=false)");
      return;
    }
    Map<String, byte[]> resources = load();
    LocalDeployments embedded = local.getIfAvailable();
    if (embedded != null) {
      List<String> processes = embedded.deploy(resources);
      deployed = true;
      log.info("Process models deployed to the embedded engine: {}", processes);
      return;
    }
    Thread thread = new Thread(() -> deployUntilAccepted(resources), "process-model-deployment");
    thread.setDaemon(true);
    retrier = thread;
    thread.start();
  }

  private void deployUntilAccepted(Map<String, byte[]> resources) {
    Duration backoff = Duration.ofSeconds(1);
    while (!Thread.currentThread().isInterrupted()) {
      try {
        deployRemote(resources);
        deployed = true;
        log.info("Process models deployed to the cluster: {}", resources.keySet());
        return;
      } catch (RuntimeException e) {
        lastError = String.valueOf(e.getMessage());
        log.warn(
            "Could not deploy the process models yet (retrying in {}): {}", backoff, lastError);
      }
      try {
        Thread.sleep(backoff.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      backoff =
          backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
              ? MAX_BACKOFF
              : backoff.multipliedBy(2);
    }
  }

  private void deployRemote(Map<String, byte[]> resources) {
    DeployResourceCommandStep1 first = client.getObject().newDeployResourceCommand();
    DeployResourceCommandStep2 command = null;
    for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
      command =
          command == null
              ? first.addResourceBytes(resource.getValue(), resource.getKey())
              : command.addResourceBytes(resource.getValue(), resource.getKey());
    }
    if (command != null) {
      command.requestTimeout(requestTimeout).send().join();
    }
  }

  @Override
  public void destroy() {
    Thread thread = retrier;
    if (thread != null) {
      thread.interrupt();
    }
  }

  /** The model files by file name (sorted, so that every start deploys them alike). */
  static Map<String, byte[]> load() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    Map<String, byte[]> resources = new TreeMap<>();
    try {
      for (String location : LOCATIONS) {
        for (Resource resource : resolver.getResources(location)) {
          try (InputStream in = resource.getInputStream()) {
            resources.put(resource.getFilename(), in.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the process models of bpmn/", e);
    }
    if (resources.isEmpty()) {
      throw new IllegalStateException("No process models found at " + LOCATIONS);
    }
    return resources;
  }
}
