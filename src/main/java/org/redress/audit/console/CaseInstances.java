package org.redress.audit.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.ProcessInstanceSequenceFlow;
import io.camunda.client.api.search.response.Variable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redress.audit.EnginePages;

/**
 * A case's process instances as the engine reports them through the Camunda client: the call
 * hierarchy (the root {@code account-suspension} and every instance it called, such as {@code
 * appeal-review} and {@code fund-release}), and for one instance the path taken, where it waits,
 * its incidents, element instances and variables (like Operate's instance view).
 */
public class CaseInstances {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CamundaClient camunda;

  public CaseInstances(CamundaClient camunda) {
    this.camunda = camunda;
  }

  /** One process instance in the case's call hierarchy. */
  public record Node(
      long key,
      String processDefinitionId,
      String name,
      long processDefinitionKey,
      Long parentKey,
      int depth,
      String state,
      Instant startedAt,
      Instant endedAt,
      boolean incident) {}

  /** One element instance of a process instance. */
  public record Element(
      long key,
      String elementId,
      String name,
      String type,
      String state,
      Instant startedAt,
      Instant endedAt,
      boolean incident) {}

  /** A variable as the engine holds it (JSON text), with the scope it lives in. */
  public record Var(String name, String value, long scopeKey, boolean truncated) {}

  /** An open incident of the instance. */
  public record InstanceIncident(
      long key, String elementId, String errorType, String message, Instant createdAt) {

    public String headline() {
      return firstLine(message);
    }

    public boolean hasMore() {
      return message != null && !message.strip().equals(headline());
    }
  }

  /** The first line of an engine message (job failures often carry a stack trace). */
  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String stripped = message.strip();
    int end = stripped.indexOf('\n');
    return (end < 0 ? stripped : stripped.substring(0, end)).strip();
  }

  /**
   * What the diagram widget marks: completed elements, taken sequence flows, tokens waiting per
   * element, incidents (element id to message) and the selected element.
   */
  public record Markers(
      List<String> completed,
      List<String> taken,
      Map<String, Integer> active,
      Map<String, String> incidents,
      String selected) {

    public String json() {
      try {
        return JSON.writeValueAsString(this);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** One process instance in detail. */
  public record Detail(
      Node instance,
      List<Element> elements,
      List<Var> variables,
      List<InstanceIncident> incidents,
      Markers markers) {}

  /** The root and every called instance, depth first in the order they were started. */
  public List<Node> hierarchy(long root) {
    List<Node> nodes = new ArrayList<>();
    Deque<Node> stack = new ArrayDeque<>();
    stack.push(node(camunda.newProcessInstanceGetRequest(root).send().join(), 0));
    while (!stack.isEmpty()) {
      Node node = stack.pop();
      nodes.add(node);
      List<ProcessInstance> children =
          EnginePages.all(
              cursor ->
                  camunda
                      .newProcessInstanceSearchRequest()
                      .filter(f -> f.parentProcessInstanceKey(node.key()))
                      .sort(s -> s.processInstanceKey().asc())
                      .page(p -> EnginePages.page(p, cursor))
                      .send()
                      .join());
      for (int i = children.size() - 1; i >= 0; i--) {
        stack.push(node(children.get(i), node.depth() + 1));
      }
    }
    return nodes;
  }

  /** The instance's element instances, variables, incidents and diagram markers. */
  public Detail detail(Node instance) {
    long key = instance.key();
    List<ElementInstance> found = EnginePages.elementInstances(camunda, key);
    List<Element> elements = new ArrayList<>();
    Set<String> completed = new LinkedHashSet<>();
    Map<String, Integer> active = new LinkedHashMap<>();
    for (ElementInstance e : found) {
      if (e.getType() == ElementInstanceType.PROCESS) {
        continue;
      }
      elements.add(
          new Element(
              e.getElementInstanceKey(),
              e.getElementId(),
              e.getElementName(),
              String.valueOf(e.getType()),
              String.valueOf(e.getState()),
              instant(e.getStartDate()),
              instant(e.getEndDate()),
              Boolean.TRUE.equals(e.getIncident())));
      if (e.getState() == ElementInstanceState.COMPLETED) {
        completed.add(e.getElementId());
      } else if (e.getState() == ElementInstanceState.ACTIVE) {
        active.merge(e.getElementId(), 1, Integer::sum);
      }
    }
    List<String> taken = new ArrayList<>();
    for (ProcessInstanceSequenceFlow flow :
        camunda.newProcessInstanceSequenceFlowsRequest(key).send().join()) {
      if (!taken.contains(flow.getElementId())) {
        taken.add(flow.getElementId());
      }
    }
    List<InstanceIncident> incidents = new ArrayList<>();
    Map<String, String> incidentMarkers = new LinkedHashMap<>();
    for (Incident i :
        EnginePages.all(
            cursor ->
                camunda
                    .newIncidentSearchRequest()
                    .filter(f -> f.processInstanceKey(key).state(IncidentState.ACTIVE))
                    .page(p -> EnginePages.page(p, cursor))
                    .send()
                    .join())) {
      incidents.add(
          new InstanceIncident(
              i.getIncidentKey(),
              i.getElementId(),
              i.getErrorType() == null ? null : i.getErrorType().name(),
              i.getErrorMessage(),
              instant(i.getCreationTime())));
      incidentMarkers.merge(
          i.getElementId(), firstLine(i.getErrorMessage()), (a, b) -> a + "\n" + b);
    }
    List<Var> variables =
        EnginePages.all(
                cursor ->
                    camunda
                        .newVariableSearchRequest()
                        .filter(f -> f.processInstanceKey(key))
                        .page(p -> EnginePages.page(p, cursor))
                        .send()
                        .join())
            .stream()
            .map(
                (Variable v) ->
                    new Var(
                        v.getName(),
                        v.getValue(),
                        v.getScopeKey() == null ? key : v.getScopeKey(),
                        Boolean.TRUE.equals(v.isTruncated())))
            .sorted(Comparator.comparingLong(Var::scopeKey).thenComparing(Var::name))
            .toList();
    String selected = incidents.isEmpty() ? null : incidents.get(0).elementId();
    if (selected == null && !active.isEmpty()) {
      selected = active.keySet().iterator().next();
    }
    return new Detail(
        instance,
        elements,
        variables,
        incidents,
        new Markers(List.copyOf(completed), taken, active, incidentMarkers, selected));
  }

  /** The BPMN XML of the instance's process definition. */
  public String diagramXml(long processDefinitionKey) {
    return camunda.newProcessDefinitionGetXmlRequest(processDefinitionKey).send().join();
  }

  private static Node node(ProcessInstance p, int depth) {
    return new Node(
        p.getProcessInstanceKey(),
        p.getProcessDefinitionId(),
        p.getProcessDefinitionName() == null
            ? p.getProcessDefinitionId()
            : p.getProcessDefinitionName(),
        p.getProcessDefinitionKey(),
        p.getParentProcessInstanceKey(),
        depth,
        String.valueOf(p.getState()),
        instant(p.getStartDate()),
        instant(p.getEndDate()),
        Boolean.TRUE.equals(p.getHasIncident()));
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
