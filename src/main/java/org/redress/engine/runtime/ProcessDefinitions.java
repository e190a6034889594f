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
  // Latest definition key by tenant and process id, as last seen; creating an instance checks it
  // in its transaction (DefinitionStore.lockSharedLatest) and looks again when it is outdated.
  private final Map<String, Long> latestKeys = new ConcurrentHashMap<>();

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

  /** The latest version as last seen (no database read when known); see {@link #forgetLatest}. */
  public Optional<DeployedProcess> latest(String tenantId, String bpmnProcessId) {
    Long known = latestKeys.get(latestId(tenantId, bpmnProcessId));
    if (known != null) {
      Optional<DeployedProcess> cached = byKey(known);
      if (cached.isPresent()) {
        return cached;
      }
    }
    Optional<DeployedProcess> latest =
        store.latest(tenantId, bpmnProcessId).map(row -> byKey(row.key()).orElseThrow());
    latest.ifPresent(p -> latestKeys.put(latestId(tenantId, bpmnProcessId), p.key()));
    return latest;
  }

  /** The next {@link #latest} reads the database (a newer version was found). */
  public void forgetLatest(String tenantId, String bpmnProcessId) {
    latestKeys.remove(latestId(tenantId, bpmnProcessId));
  }

  /** Like {@link #lockShared}, and tells whether the definition is still its process's latest. */
  public DefinitionStore.Found lockSharedLatest(long key) {
    return store.lockSharedLatest(key);
  }

  private static String latestId(String tenantId, String bpmnProcessId) {
    return tenantId + '\u0000' + bpmnProcessId;
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
    latestKeys.remove(latestId(row.tenantId(), row.bpmnProcessId()));
  }

  /** Forgets everything (after a purge of all engine data). */
  public void clear() {
    byKey.clear();
    latestKeys.clear();
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
