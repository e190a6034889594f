package org.redress.audit.console;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.redress.audit.ActorType;
import org.redress.audit.AuditEntry;
import org.redress.audit.AuditTrail;
import org.redress.audit.EnginePages;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine's open incidents with their cases, and the admin's two remedies (R-OPS-1: each is
 * recorded in the case's audit trail with the admin's name). Everything goes through the Camunda
 * client, so this works against a Camunda 8 cluster too. An incident is mapped to its case by
 * walking up to the root process instance, which the case row names.
 */
public class OpenIncidents {

  /** Audit action of a retries update. */
  public static final String ACTION_RETRIES_UPDATED = "INCIDENT_RETRIES_UPDATED";

  /** Audit action of a resolution. */
  public static final String ACTION_RESOLVED = "INCIDENT_RESOLVED";

  private final CamundaClient camunda;
  private final JdbcClient jdbc;
  private final AuditTrail audit;

  public OpenIncidents(CamundaClient camunda, JdbcClient jdbc, AuditTrail audit) {
    this.camunda = camunda;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** Every open incident, oldest first. */
  public List<OpenIncident> all() {
    List<Incident> incidents =
        EnginePages.all(
            cursor ->
                camunda
                    .newIncidentSearchRequest()
                    .filter(f -> f.state(IncidentState.ACTIVE))
                    .page(p -> EnginePages.page(p, cursor))
                    .send()
                    .join());
    Map<Long, Long> rootOf = new HashMap<>();
    for (Incident i : incidents) {
      root(i.getProcessInstanceKey(), rootOf);
    }
    Map<Long, String> caseOf = casesOfRoots(new HashSet<>(rootOf.values()));
    return incidents.stream()
        .map(
            i ->
                new OpenIncident(
                    i.getIncidentKey(),
                    caseOf.get(rootOf.get(i.getProcessInstanceKey())),
                    i.getProcessInstanceKey(),
                    i.getProcessDefinitionId(),
                    i.getElementId(),
                    i.getErrorType() == null ? null : i.getErrorType().name(),
                    i.getErrorMessage(),
                    i.getCreationTime() == null ? null : i.getCreationTime().toInstant(),
                    i.getJobKey()))
        .sorted(
            Comparator.comparing(
                    OpenIncident::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(OpenIncident::incidentKey))
        .toList();
  }

  /** The ids of the cases that have an open incident. */
  public Set<String> caseIds() {
    return all().stream()
        .map(OpenIncident::caseId)
        .filter(id -> id != null)
        .collect(Collectors.toSet());
  }

  /** The open incident with that key, if there is one. */
  public Optional<OpenIncident> find(long incidentKey) {
    return all().stream().filter(i -> i.incidentKey() == incidentKey).findFirst();
  }

  /**
   * Gives the incident's job {@code retries} more tries (the job is activated again once the
   * incident is resolved), recorded in the case's audit trail.
   */
  public void updateRetries(OpenIncident incident, int retries, String admin) {
    if (incident.jobKey() == null) {
      throw new IllegalArgumentException("Incident " + incident.incidentKey() + " has no job");
    }
    camunda.newUpdateRetriesCommand(incident.jobKey()).retries(retries).send().join();
    record(
        incident,
        ACTION_RETRIES_UPDATED,
        admin,
        "Retries of the failed job at "
            + incident.elementId()
            + " set to "
            + retries
            + " (incident "
            + incident.incidentKey()
            + ")",
        Map.of("retries", retries));
  }

  /** Resolves the incident (the engine tries the element again), recorded in the audit trail. */
  public void resolve(OpenIncident incident, String admin) {
    camunda.newResolveIncidentCommand(incident.incidentKey()).send().join();
    record(
        incident,
        ACTION_RESOLVED,
        admin,
        "Incident " + incident.incidentKey() + " at " + incident.elementId() + " resolved",
        Map.of());
  }

  private void record(
      OpenIncident incident,
      String action,
      String admin,
      String summary,
      Map<String, Object> extra) {
    Map<String, Object> details = new LinkedHashMap<>(extra);
    details.put("incidentKey", incident.incidentKey());
    details.put("processInstanceKey", incident.processInstanceKey());
    details.put("elementId", incident.elementId());
    if (incident.jobKey() != null) {
      details.put("jobKey", incident.jobKey());
    }
    if (incident.errorMessage() != null) {
      details.put("errorMessage", incident.errorMessage());
    }
    audit.record(
        new AuditEntry(incident.caseId(), action, admin, ActorType.PERSON, summary, details, null));
  }

  /** The root process instance of {@code key}, memoised in {@code rootOf} for every step up. */
  private long root(long key, Map<Long, Long> rootOf) {
    Long known = rootOf.get(key);
    if (known != null) {
      return known;
    }
    ProcessInstance instance = camunda.newProcessInstanceGetRequest(key).send().join();
    Long parent = instance.getParentProcessInstanceKey();
    long root = parent == null ? key : root(parent, rootOf);
    rootOf.put(key, root);
    return root;
  }

  private Map<Long, String> casesOfRoots(Collection<Long> roots) {
    if (roots.isEmpty()) {
      return Map.of();
    }
    Map<Long, String> cases = new HashMap<>();
    jdbc.sql(
            """
            SELECT process_instance_key, case_id FROM redress.suspension_case
             WHERE process_instance_key IN (:roots)
            """)
        .param("roots", List.copyOf(roots))
        .query(
            rs -> {
              cases.put(rs.getLong("process_instance_key"), rs.getString("case_id"));
            });
    return cases;
  }
}
