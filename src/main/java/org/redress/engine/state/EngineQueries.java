package org.redress.engine.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.redress.engine.state.SearchSupport.Column;
import org.redress.engine.state.SearchSupport.Page;
import org.redress.engine.state.SearchSupport.Type;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Read side for the REST searches and gets. Runtime and history share rows, so what a command
 * committed is visible to the next search at once.
 */
public class EngineQueries {

  /** A process instance with its incident flag. */
  public record ProcessInstanceView(ElementInstance instance, boolean hasIncident) {}

  private static final String ACTIVE_AS_ACTIVE =
      "(CASE WHEN %1$s.state IN ('ACTIVATING','ACTIVATED','COMPLETING','TERMINATING')"
          + " THEN 'ACTIVE' ELSE %1$s.state END)";

  private static final String HAS_INCIDENT =
      "EXISTS (SELECT 1 FROM engine.incident i WHERE i.process_instance_key = e.key"
          + " AND i.state = 'ACTIVE')";

  private static final Map<String, Column> PROCESS_INSTANCE_COLUMNS =
      Map.ofEntries(
          Map.entry("processInstanceKey", new Column("e.key", Type.KEY)),
          Map.entry("processDefinitionId", new Column("e.bpmn_process_id", Type.STRING)),
          Map.entry("processDefinitionName", new Column("e.element_name", Type.STRING)),
          Map.entry("processDefinitionVersion", new Column("e.version", Type.INT)),
          Map.entry("processDefinitionKey", new Column("e.process_definition_key", Type.KEY)),
          Map.entry(
              "parentProcessInstanceKey", new Column("e.parent_process_instance_key", Type.KEY)),
          Map.entry(
              "parentElementInstanceKey", new Column("e.parent_element_instance_key", Type.KEY)),
          Map.entry("startDate", new Column("e.start_date", Type.DATE)),
          Map.entry("endDate", new Column("e.end_date", Type.DATE)),
          Map.entry("state", new Column(ACTIVE_AS_ACTIVE.formatted("e"), Type.ENUM)),
          Map.entry("hasIncident", new Column(HAS_INCIDENT, Type.BOOL)),
          Map.entry("tenantId", new Column("e.tenant_id", Type.STRING)));

  private static final Map<String, Column> JOB_COLUMNS =
      Map.ofEntries(
          Map.entry("jobKey", new Column("j.key", Type.KEY)),
          Map.entry("type", new Column("j.type", Type.STRING)),
          Map.entry("worker", new Column("j.worker", Type.STRING)),
          Map.entry("state", new Column("j.intent", Type.ENUM)),
          Map.entry("kind", new Column("j.kind", Type.ENUM)),
          Map.entry("listenerEventType", new Column("j.listener_event_type", Type.ENUM)),
          Map.entry("retries", new Column("j.retries", Type.INT)),
          Map.entry("deadline", new Column("j.deadline", Type.DATE)),
          Map.entry("endTime", new Column("j.end_time", Type.DATE)),
          Map.entry("errorMessage", new Column("j.error_message", Type.STRING)),
          Map.entry("errorCode", new Column("j.error_code", Type.STRING)),
          Map.entry("elementId", new Column("j.element_id", Type.STRING)),
          Map.entry("elementInstanceKey", new Column("j.element_instance_key", Type.KEY)),
          Map.entry("processInstanceKey", new Column("j.process_instance_key", Type.KEY)),
          Map.entry("processDefinitionKey", new Column("j.process_definition_key", Type.KEY)),
          Map.entry("processDefinitionId", new Column("j.bpmn_process_id", Type.STRING)),
          Map.entry("tenantId", new Column("j.tenant_id", Type.STRING)),
          Map.entry(
              "hasFailedWithRetriesLeft", new Column("j.has_failed_with_retries_left", Type.BOOL)));

  private static final Map<String, Column> INCIDENT_COLUMNS =
      Map.ofEntries(
          Map.entry("incidentKey", new Column("i.key", Type.KEY)),
          Map.entry("errorType", new Column("i.error_type", Type.ENUM)),
          Map.entry("errorMessage", new Column("i.error_message", Type.STRING)),
          Map.entry("state", new Column("i.state", Type.ENUM)),
          Map.entry("elementId", new Column("i.element_id", Type.STRING)),
          Map.entry("elementInstanceKey", new Column("i.element_instance_key", Type.KEY)),
          Map.entry("jobKey", new Column("i.job_key", Type.KEY)),
          Map.entry("processInstanceKey", new Column("i.process_instance_key", Type.KEY)),
          Map.entry("processDefinitionKey", new Column("i.process_definition_key", Type.KEY)),
          Map.entry("processDefinitionId", new Column("i.bpmn_process_id", Type.STRING)),
          Map.entry("creationTime", new Column("i.creation_time", Type.DATE)),
          Map.entry("tenantId", new Column("i.tenant_id", Type.STRING)));

  private static final RowMapper<ProcessInstanceView> PROCESS_INSTANCE =
      (rs, n) ->
          new ProcessInstanceView(
              InstanceStore.ELEMENT.mapRow(rs, n), rs.getBoolean("has_incident"));

  private static final String PROCESS_INSTANCE_SELECT =
      "SELECT e.*, " + HAS_INCIDENT + " AS has_incident FROM engine.element_instance e";

  private final JdbcClient jdbc;
  private final SearchSupport search;

  public EngineQueries(JdbcClient jdbc, SearchSupport search) {
    this.jdbc = jdbc;
    this.search = search;
  }

  public Page<ProcessInstanceView> searchProcessInstances(JsonNode request) {
    return search.search(
        PROCESS_INSTANCE_SELECT,
        "e.type = 'PROCESS'",
        PROCESS_INSTANCE_COLUMNS,
        request,
        "e.key",
        PROCESS_INSTANCE);
  }

  public Optional<ProcessInstanceView> processInstance(long key) {
    return jdbc.sql(PROCESS_INSTANCE_SELECT + " WHERE e.key = :key AND e.type = 'PROCESS'")
        .param("key", key)
        .query(PROCESS_INSTANCE)
        .optional();
  }

  public Page<Job> searchJobs(JsonNode request) {
    return search.search(
        "SELECT j.* FROM engine.job j", "TRUE", JOB_COLUMNS, request, "j.key", InstanceStore.JOB);
  }

  public Page<Incident> searchIncidents(JsonNode request) {
    return search.search(
        "SELECT i.* FROM engine.incident i",
        "TRUE",
        INCIDENT_COLUMNS,
        request,
        "i.key",
        InstanceStore.INCIDENT);
  }

  public Optional<Incident> incident(long key) {
    return jdbc.sql("SELECT * FROM engine.incident WHERE key = :key")
        .param("key", key)
        .query(InstanceStore.INCIDENT)
        .optional();
  }
}
