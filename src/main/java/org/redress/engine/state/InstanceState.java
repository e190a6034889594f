package org.redress.engine.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything one command may read or change of one process instance: its active element instances,
 * their variables, open jobs and active incidents. Loaded under the instance's row lock, changed in
 * memory, written back in one batch when the command commits.
 */
public final class InstanceState {

  private final ElementInstance processInstance;
  private final Map<Long, ElementInstance> elements = new LinkedHashMap<>();
  private final Map<Long, Map<String, Variable>> variables = new LinkedHashMap<>();
  private final Map<Long, Job> jobs = new LinkedHashMap<>();
  private final Map<Long, Incident> incidents = new LinkedHashMap<>();
  // Active incidents are read from the database on first use only: most commands (a job
  // completion on the happy path) never look at them, and an instance rarely has any.
  private Supplier<List<Incident>> incidentLoader;
  private final List<TakenSequenceFlow> takenFlows = new ArrayList<>();
  private final Map<Long, Timer> timers = new LinkedHashMap<>();
  private final Map<Long, MessageSubscription> subscriptions = new LinkedHashMap<>();
  private final List<MessageCorrelation> correlations = new ArrayList<>();
  private final Map<Long, UserTask> userTasks = new LinkedHashMap<>();
  private final List<UserTaskEvent> userTaskEvents = new ArrayList<>();

  InstanceState(ElementInstance processInstance) {
    this.processInstance = processInstance;
    elements.put(processInstance.key(), processInstance);
  }

  /** A brand-new instance: nothing to load. */
  public static InstanceState created(ElementInstance processInstance) {
    return new InstanceState(processInstance);
  }

  public ElementInstance processInstance() {
    return processInstance;
  }

  public ElementInstance element(long key) {
    return elements.get(key);
  }

  public Collection<ElementInstance> elements() {
    return elements.values();
  }

  public void addElement(ElementInstance element) {
    elements.put(element.key(), element);
  }

  /** Active direct children of a scope, in creation order. */
  public List<ElementInstance> activeChildren(long scopeKey) {
    List<ElementInstance> children = new ArrayList<>();
    for (ElementInstance element : elements.values()) {
      if (element.flowScopeKey() == scopeKey && element.isActive()) {
        children.add(element);
      }
    }
    return children;
  }

  public Map<String, Variable> variables(long scopeKey) {
    return variables.computeIfAbsent(scopeKey, k -> new LinkedHashMap<>());
  }

  Map<Long, Map<String, Variable>> allVariables() {
    return variables;
  }

  public Job job(long key) {
    return jobs.get(key);
  }

  public Collection<Job> jobs() {
    return jobs.values();
  }

  public void addJob(Job job) {
    jobs.put(job.key(), job);
  }

  public Collection<Incident> incidents() {
    loadIncidents();
    return incidents.values();
  }

  public Incident incident(long key) {
    loadIncidents();
    return incidents.get(key);
  }

  /** Active incidents are loaded with {@code loader} when first needed (within the command). */
  void loadIncidentsWith(Supplier<List<Incident>> loader) {
    this.incidentLoader = loader;
  }

  /** Incidents this command has loaded or added, the only ones it can have changed. */
  Collection<Incident> incidentsInMemory() {
    return incidents.values();
  }

  private void loadIncidents() {
    if (incidentLoader != null) {
      Supplier<List<Incident>> loader = incidentLoader;
      incidentLoader = null;
      for (Incident incident : loader.get()) {
        incidents.putIfAbsent(incident.key(), incident);
      }
    }
  }

  public void addIncident(Incident incident) {
    incidents.put(incident.key(), incident);
  }

  public Collection<Timer> timers() {
    return timers.values();
  }

  public Timer timer(long key) {
    return timers.get(key);
  }

  public void addTimer(Timer timer) {
    timers.put(timer.key(), timer);
  }

  public Collection<MessageSubscription> subscriptions() {
    return subscriptions.values();
  }

  public MessageSubscription subscription(long key) {
    return subscriptions.get(key);
  }

  public void addSubscription(MessageSubscription subscription) {
    subscriptions.put(subscription.key(), subscription);
  }

  public Collection<UserTask> userTasks() {
    return userTasks.values();
  }

  public UserTask userTask(long key) {
    return userTasks.get(key);
  }

  public void addUserTask(UserTask task) {
    userTasks.put(task.key(), task);
  }

  public void addUserTaskEvent(UserTaskEvent event) {
    userTaskEvents.add(event);
  }

  List<UserTaskEvent> userTaskEvents() {
    return userTaskEvents;
  }

  /** The open user task of an element instance, or null. */
  public UserTask userTaskOf(long elementInstanceKey) {
    for (UserTask task : userTasks.values()) {
      if (task.elementInstanceKey() == elementInstanceKey && task.isOpen()) {
        return task;
      }
    }
    return null;
  }

  /** Records a correlation made by this command (written on commit). */
  public void addCorrelation(MessageCorrelation correlation) {
    correlations.add(correlation);
  }

  /** True when this command already correlated the message to the process id. */
  public boolean correlatedInThisCommand(long messageKey, String bpmnProcessId) {
    for (MessageCorrelation c : correlations) {
      if (c.messageKey() == messageKey && c.bpmnProcessId().equals(bpmnProcessId)) {
        return true;
      }
    }
    return false;
  }

  List<MessageCorrelation> correlations() {
    return correlations;
  }

  public void addTakenFlow(TakenSequenceFlow flow) {
    takenFlows.add(flow);
  }

  /** Flows taken by this command (not yet written). */
  List<TakenSequenceFlow> takenFlows() {
    return takenFlows;
  }

  /** Active incidents on one element instance. */
  public List<Incident> activeIncidents(long elementInstanceKey) {
    loadIncidents();
    List<Incident> result = new ArrayList<>();
    for (Incident incident : incidents.values()) {
      if (incident.elementInstanceKey() == elementInstanceKey && incident.isActive()) {
        result.add(incident);
      }
    }
    return result;
  }
}
