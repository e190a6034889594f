package org.redress.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redress.engine.command.DeployResources;

/**
 * Deploys resources to the embedded engine in-process, as {@code POST /v2/deployments} does: the
 * app deploys its own process models this way before its web server accepts requests, so nothing is
 * served against an engine without them and start-up does not depend on an HTTP call to itself.
 */
public class LocalDeployments {

  private static final String DEFAULT_TENANT = "<default>";

  private final DeployResources deployResources;

  LocalDeployments(DeployResources deployResources) {
    this.deployResources = deployResources;
  }

  /**
   * Deploys the resources all or nothing; unchanged processes keep their version.
   *
   * @param resources file name to content ({@code .bpmn} and {@code .form} files)
   * @return the ids of the deployed processes
   * @throws org.redress.engine.model.ModelValidationException if a model is invalid
   */
  public List<String> deploy(Map<String, byte[]> resources) {
    List<DeployResources.Resource> files = new ArrayList<>();
    resources.forEach((name, content) -> files.add(new DeployResources.Resource(name, content)));
    return deployResources.deploy(files, DEFAULT_TENANT).processes().stream()
        .map(p -> p.bpmnProcessId())
        .toList();
  }
}
