package org.redress.engine.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Camunda user task. A transition (creating, assigning, updating, completing) that has task
 * listeners waits in the "-ING" state with the request kept in {@code pending} until every listener
 * job completed (or one denied it).
 */
public final class UserTask extends ChangeTracked {

  private final long key;
  private final long elementInstanceKey;
  private final long processInstanceKey;
  private final long processDefinitionKey;
  private final String bpmnProcessId;
  private final int version;
  private final String elementId;
  private final String name;
  private final Long formKey;
  private final String externalFormReference;
  private final Map<String, String> customHeaders;
  private final String tenantId;
  private final Instant creationDate;
  private String state;
  private String assignee;
  private List<String> candidateGroups;
  private List<String> candidateUsers;
  private Instant dueDate;
  private Instant followUpDate;
  private int priority;
  private Instant completionDate;
  private String pending;
  private int listenersDone;

  public UserTask(
      long key,
      long elementInstanceKey,
      long processInstanceKey,
      long processDefinitionKey,
      String bpmnProcessId,
      int version,
      String elementId,
      String name,
      String state,
      String assignee,
      List<String> candidateGroups,
      List<String> candidateUsers,
      Instant dueDate,
      Instant followUpDate,
      int priority,
      Long formKey,
      String externalFormReference,
      Map<String, String> customHeaders,
      String tenantId,
      Instant creationDate,
      Instant completionDate,
      String pending,
      int listenersDone,
      boolean isNew) {
    super(isNew);
    this.key = key;
    this.elementInstanceKey = elementInstanceKey;
    this.processInstanceKey = processInstanceKey;
    this.processDefinitionKey = processDefinitionKey;
    this.bpmnProcessId = bpmnProcessId;
    this.version = version;
    this.elementId = elementId;
    this.name = name;
    this.state = state;
    this.assignee = assignee;
    this.candidateGroups = candidateGroups;
    this.candidateUsers = candidateUsers;
    this.dueDate = dueDate;
    this.followUpDate = followUpDate;
    this.priority = priority;
    this.formKey = formKey;
    this.externalFormReference = externalFormReference;
    this.customHeaders = customHeaders;
    this.tenantId = tenantId;
    this.creationDate = creationDate;
    this.completionDate = completionDate;
    this.pending = pending;
    this.listenersDone = listenersDone;
  }

  public long key() {
    return key;
  }

  public long elementInstanceKey() {
    return elementInstanceKey;
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

  public String name() {
    return name;
  }

  public String state() {
    return state;
  }

  public boolean isOpen() {
    return !"COMPLETED".equals(state) && !"CANCELED".equals(state);
  }

  public String assignee() {
    return assignee;
  }

  public List<String> candidateGroups() {
    return candidateGroups;
  }

  public List<String> candidateUsers() {
    return candidateUsers;
  }

  public Instant dueDate() {
    return dueDate;
  }

  public Instant followUpDate() {
    return followUpDate;
  }

  public int priority() {
    return priority;
  }

  public Long formKey() {
    return formKey;
  }

  public String externalFormReference() {
    return externalFormReference;
  }

  public Map<String, String> customHeaders() {
    return customHeaders;
  }

  public String tenantId() {
    return tenantId;
  }

  public Instant creationDate() {
    return creationDate;
  }

  public Instant completionDate() {
    return completionDate;
  }

  /** The waiting transition's request as JSON, or null. */
  public String pending() {
    return pending;
  }

  public int listenersDone() {
    return listenersDone;
  }

  public void setState(String newState) {
    state = newState;
    changed();
  }

  public void setAssignee(String newAssignee) {
    assignee = newAssignee;
    changed();
  }

  public void setCandidateGroups(List<String> groups) {
    candidateGroups = List.copyOf(groups);
    changed();
  }

  public void setCandidateUsers(List<String> users) {
    candidateUsers = List.copyOf(users);
    changed();
  }

  public void setDueDate(Instant date) {
    dueDate = date;
    changed();
  }

  public void setFollowUpDate(Instant date) {
    followUpDate = date;
    changed();
  }

  public void setPriority(int newPriority) {
    priority = newPriority;
    changed();
  }

  public void complete(Instant now) {
    state = "COMPLETED";
    completionDate = now;
    pending = null;
    changed();
  }

  public void cancel(Instant now) {
    state = "CANCELED";
    completionDate = now;
    pending = null;
    changed();
  }

  /** Starts waiting for listeners of a transition. */
  public void await(String transitionState, String request) {
    state = transitionState;
    pending = request;
    listenersDone = 0;
    changed();
  }

  /** Keeps waiting for the next listener with an updated request (corrections so far). */
  public void updatePending(String request) {
    pending = request;
    changed();
  }

  public void listenerDone() {
    listenersDone++;
    changed();
  }

  /** The transition ended (done or denied): back to CREATED. */
  public void settle() {
    state = "CREATED";
    pending = null;
    listenersDone = 0;
    changed();
  }
}
