package org.redress.engine.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.redress.engine.model.BpmnModelTransformer;
import org.redress.engine.model.ExecutableProcess;
import org.redress.engine.state.DefinitionStore;
import org.redress.engine.state.DefinitionStore.ProcessDefinitionRow;

/**
 * Deployed processes by key. Definitions never change once deployed, so the executable model is
 * built once per key (from the stored XML after a restart) and kept.
 */
public class ProcessDefinitions {

  private final DefinitionStore store;
  private final BpmnModelTransformer transformer;
  private final Map<Long, DeployedProcess> byKey = new ConcurrentHashMap<>();

  public ProcessDefinitions(DefinitionStore store, BpmnModelTransformer transformer) {
    this.store = store;
    this.transformer = transformer;
  }

  public Optional<DeployedProcess> byKey(long key) {
    DeployedProcess cached = byKey.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    return store.byKey(key).map(this::load);
  }

  public Optional<DeployedProcess> latest(String tenantId, String bpmnProcessId) {
    return store.latest(tenantId, bpmnProcessId).map(row -> byKey(row.key()).orElseThrow());
  }

  public Optional<DeployedProcess> byVersion(String tenantId, String bpmnProcessId, int version) {
    return store
        .byVersion(tenantId, bpmnProcessId, version)
        .map(row -> byKey(row.key()).orElseThrow());
  }

  /** Keeps the definition from being purged until the transaction ends; false when it is gone. */
  public boolean lockShared(long key) {
    return store.lockShared(key);
  }

  /** Caches a definition deployed in this JVM (its model is already built). */
  public void remember(ProcessDefinitionRow row, ExecutableProcess process) {
    byKey.put(row.key(), new DeployedProcess(row, process));
  }

  /** Forgets everything (after a purge of all engine data). */
  public void clear() {
    byKey.clear();
  }

  private DeployedProcess load(ProcessDefinitionRow row) {
    String xml = store.xml(row.key()).orElseThrow();
    ExecutableProcess process =
        transformer.transform(row.resourceName(), xml.getBytes(StandardCharsets.UTF_8)).stream()
            .filter(p -> p.bpmnProcessId().equals(row.bpmnProcessId()))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Expected process '"
                            + row.bpmnProcessId()
                            + "' in stored XML, but not found"));
    DeployedProcess deployed = new DeployedProcess(row, process);
    byKey.putIfAbsent(row.key(), deployed);
    return deployed;
  }
}
