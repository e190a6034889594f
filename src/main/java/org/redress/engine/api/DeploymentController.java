package org.redress.engine.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.redress.engine.ConditionalOnEmbeddedEngine;
import org.redress.engine.command.DeployResources;
import org.redress.engine.state.DefinitionStore.ProcessDefinitionRow;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /v2/deployments}: multipart parts {@code resources} (repeated) and {@code tenantId}.
 */
@RestController
@ConditionalOnEmbeddedEngine
class DeploymentController {

  private final DeployResources deployResources;

  DeploymentController(DeployResources deployResources) {
    this.deployResources = deployResources;
  }

  record ProcessDefinitionDeployment(
      String processDefinitionId,
      int processDefinitionVersion,
      String resourceName,
      String tenantId,
      String processDefinitionKey) {}

  record FormDeployment(
      String formId, int version, String resourceName, String tenantId, String formKey) {}

  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record DeploymentMetadata(ProcessDefinitionDeployment processDefinition, FormDeployment form) {}

  record DeploymentResult(
      String deploymentKey, String tenantId, List<DeploymentMetadata> deployments) {}

  @PostMapping(path = "/v2/deployments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  DeploymentResult deploy(
      @RequestParam("resources") List<MultipartFile> resources,
      @RequestParam(name = "tenantId", required = false) String tenantId)
      throws IOException {
    List<DeployResources.Resource> files = new ArrayList<>();
    for (MultipartFile file : resources) {
      files.add(new DeployResources.Resource(file.getOriginalFilename(), file.getBytes()));
    }
    DeployResources.Deployment deployment =
        deployResources.deploy(files, ApiFormat.tenant(tenantId));
    List<DeploymentMetadata> items = new ArrayList<>();
    for (ProcessDefinitionRow row : deployment.processes()) {
      items.add(
          new DeploymentMetadata(
              new ProcessDefinitionDeployment(
                  row.bpmnProcessId(),
                  row.version(),
                  row.resourceName(),
                  row.tenantId(),
                  ApiFormat.key(row.key())),
              null));
    }
    for (var form : deployment.forms()) {
      items.add(
          new DeploymentMetadata(
              null,
              new FormDeployment(
                  form.formId(),
                  form.version(),
                  form.resourceName(),
                  form.tenantId(),
                  ApiFormat.key(form.key()))));
    }
    return new DeploymentResult(ApiFormat.key(deployment.key()), deployment.tenantId(), items);
  }
}
