package org.redress.engine.state;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.redress.engine.model.BpmnElementType;

/**
 * One element instance (the process instance itself is the one of type PROCESS). Mutable inside a
 * single command; the store writes new and changed ones when the command commits.
 */
public final class ElementInstance extends ChangeTracked {

  private final long key;
  private final long processInstanceKey;
  private final long processDefinitionKey;
  private final String bpmnProcessId;
  private final int version;
  private final String elementId;
  private final String elementName;
  private final BpmnElementType type;
  private final long flowScopeKey;
  private final Instant startDate;
  private final Long parentProcessInstanceKey;
  private final Long parentElementInstanceKey;
  private final String tenantId;
  private ElementState state;
  private Instant endDate;
  private Map<String, Map<String, Integer>> takenFlows;
  private String pendingTrigger;

  public ElementInstance(
      long key,
      long processInstanceKey,
      long processDefinitionKey,
      String bpmnProcessId,
      int version,
      String elementId,
      String elementName,
      BpmnElementType type,
      long flowScopeKey,
      ElementState state,
      Instant startDate,
      Instant endDate,
      Long parentProcessInstanceKey,
      Long parentElementInstanceKey,
      String tenantId,
      Map<String, Map<String, Integer>> takenFlows,
      String pendingTrigger,
      boolean isNew) {
    super(isNew);
    this.key = key;
    this.processInstanceKey = processInstanceKey;
    this.processDefinitionKey = processDefinitionKey;
    this.bpmnProcessId = bpmnProcessId;
    this.version = version;
    this.elementId = elementId;
    this.elementName = elementName;
    this.type = type;
    this.flowScopeKey = flowScopeKey;
    this.state = state;
    this.startDate = startDate;
    this.endDate = endDate;
    this.parentProcessInstanceKey = parentProcessInstanceKey;
    this.parentElementInstanceKey = parentElementInstanceKey;
    this.tenantId = tenantId;
    this.takenFlows = takenFlows;
    this.pendingTrigger = pendingTrigger;
  }

  public long key() {
    return key;
  }

  public long processInstanceKey() {
    return processInstanceKey;
  }

  public long processDefinitionKey() {
    return processDefinitionKey;
  }

  public String bpmnProcessId() {
    return bpmnProcessId;
  }

  public int version() {
    return version;
  }

  public String elementId() {
    return elementId;
  }

  public String elementName() {
    return elementName;
  }

  public BpmnElementType type() {
    return type;
  }

  /** The enclosing scope's key; -1 for a process instance. */
  public long flowScopeKey() {
    return flowScopeKey;
  }

  public ElementState state() {
    return state;
  }

  public Instant startDate() {
    return startDate;
  }

  public Instant endDate() {
    return endDate;
  }

  public Long parentProcessInstanceKey() {
    return parentProcessInstanceKey;
  }

  public Long parentElementInstanceKey() {
    return parentElementInstanceKey;
  }

  public String tenantId() {
    return tenantId;
  }

  public boolean isActive() {
    return state.isActive();
  }

  public void transitionTo(ElementState next, Instant now) {
    state = next;
    if (!next.isActive()) {
      endDate = now;
    }
    changed();
  }

  /** Counts of incoming flows taken towards each parallel join in this scope, not yet consumed. */
  public Map<String, Integer> takenFlows(String gatewayId) {
    if (takenFlows == null) {
      takenFlows = new LinkedHashMap<>();
    }
    changed();
    return takenFlows.computeIfAbsent(gatewayId, g -> new LinkedHashMap<>());
  }

  public Map<String, Map<String, Integer>> allTakenFlows() {
    return takenFlows == null ? Map.of() : takenFlows;
  }

  /** Drops tokens waiting at joins (the scope is being ended by a terminate end event). */
  public void clearTakenFlows() {
    if (takenFlows != null && !takenFlows.isEmpty()) {
      takenFlows.clear();
      changed();
    }
  }

  public boolean hasWaitingJoinTokens() {
    if (takenFlows == null) {
      return false;
    }
    for (Map<String, Integer> counts : takenFlows.values()) {
      for (int count : counts.values()) {
        if (count > 0) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * What starts once this element's termination has finished (a boundary event), or, on a scope
   * whose children are being terminated, once the last of them has (an event sub-process); JSON,
   * null when nothing waits. Kept in the row so that a termination held by canceling task listeners
   * continues after a restart.
   */
  public String pendingTrigger() {
    return pendingTrigger;
  }

  public void setPendingTrigger(String trigger) {
    if (!java.util.Objects.equals(pendingTrigger, trigger)) {
      pendingTrigger = trigger;
      changed();
    }
  }

  /** Not yet written: created by the running command. */
  public boolean isNewRow() {
    return isNew();
  }
}
