package org.redress.engine.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.redress.engine.EngineClock;
import org.redress.engine.EngineRejection;
import org.redress.engine.model.BpmnModelTransformer;
import org.redress.engine.model.ExecutableProcess;
import org.redress.engine.model.ModelValidationException;
import org.redress.engine.runtime.ProcessDefinitions;
import org.redress.engine.state.DefinitionStore;
import org.redress.engine.state.DefinitionStore.ProcessDefinitionRow;
import org.redress.engine.state.KeyGenerator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deploys resources all or nothing: every resource is validated before anything is stored. A
 * process whose XML equals its latest version is not deployed again (Zeebe returns the existing
 * version); otherwise it gets the next version number.
 */
public class DeployResources {

  /** One uploaded file. */
  public record Resource(String name, byte[] content) {}

  /** The deployment: its key and one entry per deployed (or already deployed) process. */
  public record Deployment(long key, String tenantId, List<ProcessDefinitionRow> processes) {}

  private final TransactionTemplate transactions;
  private final DefinitionStore store;
  private final ProcessDefinitions definitions;
  private final BpmnModelTransformer transformer;
  private final KeyGenerator keys;
  private final EngineClock clock;

  public DeployResources(
      TransactionTemplate transactions,
      DefinitionStore store,
      ProcessDefinitions definitions,
      BpmnModelTransformer transformer,
      KeyGenerator keys,
      EngineClock clock) {
    this.transactions = transactions;
    this.store = store;
    this.definitions = definitions;
    this.transformer = transformer;
    this.keys = keys;
    this.clock = clock;
  }

  public Deployment deploy(List<Resource> resources, String tenantId) {
    if (resources.isEmpty()) {
      throw EngineRejection.invalidArgument(
          "Expected to deploy at least one resource, but none was given");
    }
    record Parsed(Resource resource, ExecutableProcess process, String xml, String checksum) {}
    List<Parsed> parsed = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (Resource resource : resources) {
      String name = resource.name() == null ? "" : resource.name();
      if (!name.endsWith(".bpmn") && !name.endsWith(".xml")) {
        throw EngineRejection.invalidArgument(
            "Expected to deploy BPMN resources (*.bpmn), but '"
                + name
                + "' is of a type the embedded engine does not support yet");
      }
      String xml = new String(resource.content(), StandardCharsets.UTF_8);
      String checksum = sha256(resource.content());
      for (ExecutableProcess process : transformer.transform(name, resource.content())) {
        String earlier = seen.putIfAbsent(process.bpmnProcessId(), name);
        if (earlier != null) {
          throw new ModelValidationException(
              name,
              List.of(
                  "process id '"
                      + process.bpmnProcessId()
                      + "' is also defined in '"
                      + earlier
                      + "' of the same deployment"));
        }
        parsed.add(new Parsed(resource, process, xml, checksum));
      }
    }
    long deploymentKey = keys.nextKey();
    List<ProcessDefinitionRow> rows =
        transactions.execute(
            status -> {
              store.insertDeployment(deploymentKey, tenantId, clock.now());
              List<ProcessDefinitionRow> result = new ArrayList<>();
              for (Parsed p : parsed) {
                String id = p.process().bpmnProcessId();
                store.lockProcessId(tenantId, id);
                var latest = store.latest(tenantId, id);
                if (latest.isPresent() && latest.get().checksum().equals(p.checksum())) {
                  result.add(latest.get());
                  continue;
                }
                ProcessDefinitionRow row =
                    new ProcessDefinitionRow(
                        keys.nextKey(),
                        id,
                        latest.map(r -> r.version() + 1).orElse(1),
                        p.process().info().name(),
                        null,
                        p.resource().name(),
                        p.checksum(),
                        deploymentKey,
                        tenantId);
                store.insertProcessDefinition(row, p.xml(), clock.now());
                result.add(row);
              }
              return result;
            });
    for (int i = 0; i < rows.size(); i++) {
      definitions.remember(rows.get(i), parsed.get(i).process());
    }
    return new Deployment(deploymentKey, tenantId, rows);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
