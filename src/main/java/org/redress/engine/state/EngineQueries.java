package org.redress.engine.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
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

  /**
   * An element instance with the key of an active incident raised on that very element, if any.
   * Like Camunda's flow node instances, the searches leave out the process instance's own row (type
   * PROCESS): Camunda does not export it as an element instance, and CPT's assertions (e.g.
   * hasActiveElementsExactly) count on that.
   */
  public record ElementInstanceView(ElementInstance instance, Long incidentKey) {

    public boolean hasIncident() {
      return incidentKey != null;
    }
  }

  /** A deployed process definition as the process-definition search reports it. */
  public record ProcessDefinitionView(
      long key,
      String bpmnProcessId,
      int version,
      String name,
      String versionTag,
      String resourceName,
      String tenantId) {}

  /** A sequence flow an instance took (at least once), in the order first taken. */
  public record SequenceFlowView(
      long processInstanceKey,
      long processDefinitionKey,
      String bpmnProcessId,
      String flowId,
      String tenantId) {}

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

  /** The oldest active incident on the element instance {@code e} itself (null: none). */
  private static final String ELEMENT_INCIDENT_KEY =
      "(SELECT min(i.key) FROM engine.incident i WHERE i.element_instance_key = e.key"
          + " AND i.state = 'ACTIVE')";

  private static final Map<String, Column> ELEMENT_INSTANCE_COLUMNS =
      Map.ofEntries(
          Map.entry("elementInstanceKey", new Column("e.key", Type.KEY)),
          Map.entry("processInstanceKey", new Column("e.process_instance_key", Type.KEY)),
          Map.entry("processDefinitionKey", new Column("e.process_definition_key", Type.KEY)),
          Map.entry("processDefinitionId", new Column("e.bpmn_process_id", Type.STRING)),
          Map.entry("elementId", new Column("e.element_id", Type.STRING)),
          Map.entry("elementName", new Column("e.element_name", Type.STRING)),
          Map.entry("type", new Column("e.type", Type.ENUM)),
          Map.entry("state", new Column(ACTIVE_AS_ACTIVE.formatted("e"), Type.ENUM)),
          Map.entry("hasIncident", new Column(ELEMENT_INCIDENT_KEY + " IS NOT NULL", Type.BOOL)),
          Map.entry("incidentKey", new Column(ELEMENT_INCIDENT_KEY, Type.KEY)),
          Map.entry("elementInstanceScopeKey", new Column("e.flow_scope_key", Type.KEY)),
          Map.entry("startDate", new Column("e.start_date", Type.DATE)),
          Map.entry("endDate", new Column("e.end_date", Type.DATE)),
          Map.entry("tenantId", new Column("e.tenant_id", Type.STRING)));

  private static final Map<String, Column> VARIABLE_COLUMNS =
      Map.ofEntries(
          Map.entry("variableKey", new Column("v.key", Type.KEY)),
          Map.entry("name", new Column("v.name", Type.STRING)),
          Map.entry("value", new Column("v.value", Type.STRING)),
          Map.entry("scopeKey", new Column("v.scope_key", Type.KEY)),
          Map.entry("processInstanceKey", new Column("v.process_instance_key", Type.KEY)),
          Map.entry("tenantId", new Column("v.tenant_id", Type.STRING)),
          // values are never truncated
          Map.entry("isTruncated", new Column("FALSE", Type.BOOL)));

  private static final String IS_LATEST_VERSION =
      "NOT EXISTS (SELECT 1 FROM engine.process_definition newer"
          + " WHERE newer.tenant_id = d.tenant_id AND newer.bpmn_process_id = d.bpmn_process_id"
          + " AND newer.version > d.version)";

  private static final Map<String, Column> PROCESS_DEFINITION_COLUMNS =
      Map.ofEntries(
          Map.entry("processDefinitionKey", new Column("d.key", Type.KEY)),
          Map.entry("processDefinitionId", new Column("d.bpmn_process_id", Type.STRING)),
          Map.entry("name", new Column("d.name", Type.STRING)),
          Map.entry("resourceName", new Column("d.resource_name", Type.STRING)),
          Map.entry("version", new Column("d.version", Type.INT)),
          Map.entry("versionTag", new Column("d.version_tag", Type.STRING)),
          Map.entry("tenantId", new Column("d.tenant_id", Type.STRING)),
          Map.entry("isLatestVersion", new Column(IS_LATEST_VERSION, Type.BOOL)),
          // start forms are not supported by the embedded engine
          Map.entry("hasStartForm", new Column("FALSE", Type.BOOL)));

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

  private static final RowMapper<ElementInstanceView> ELEMENT_INSTANCE =
      (rs, n) ->
          new ElementInstanceView(
              InstanceStore.ELEMENT.mapRow(rs, n), InstanceStore.nullableLong(rs, "incident_key"));

  private static final String ELEMENT_INSTANCE_SELECT =
      "SELECT e.*, " + ELEMENT_INCIDENT_KEY + " AS incident_key FROM engine.element_instance e";

  private static final RowMapper<ProcessDefinitionView> PROCESS_DEFINITION =
      (rs, n) ->
          new ProcessDefinitionView(
              rs.getLong("key"),
              rs.getString("bpmn_process_id"),
              rs.getInt("version"),
              rs.getString("name"),
              rs.getString("version_tag"),
              rs.getString("resource_name"),
              rs.getString("tenant_id"));

  // Never the XML: a search would drag every deployed model through the connection.
  private static final String PROCESS_DEFINITION_SELECT =
      "SELECT d.key, d.bpmn_process_id, d.version, d.name, d.version_tag, d.resource_name,"
          + " d.tenant_id FROM engine.process_definition d";

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

  public Page<ElementInstanceView> searchElementInstances(JsonNode request) {
    return search.search(
        ELEMENT_INSTANCE_SELECT,
        "e.type <> 'PROCESS'",
        ELEMENT_INSTANCE_COLUMNS,
        request,
        "e.key",
        ELEMENT_INSTANCE);
  }

  public Optional<ElementInstanceView> elementInstance(long key) {
    return jdbc.sql(ELEMENT_INSTANCE_SELECT + " WHERE e.key = :key AND e.type <> 'PROCESS'")
        .param("key", key)
        .query(ELEMENT_INSTANCE)
        .optional();
  }

  public Page<Variable> searchVariables(JsonNode request) {
    return search.search(
        "SELECT v.* FROM engine.variable v",
        "TRUE",
        VARIABLE_COLUMNS,
        request,
        "v.key",
        InstanceStore.VARIABLE);
  }

  public Optional<Variable> variable(long key) {
    return jdbc.sql("SELECT * FROM engine.variable WHERE key = :key")
        .param("key", key)
        .query(InstanceStore.VARIABLE)
        .optional();
  }

  public Page<ProcessDefinitionView> searchProcessDefinitions(JsonNode request) {
    return search.search(
        PROCESS_DEFINITION_SELECT,
        "TRUE",
        PROCESS_DEFINITION_COLUMNS,
        request,
        "d.key",
        PROCESS_DEFINITION);
  }

  public Optional<ProcessDefinitionView> processDefinition(long key) {
    return jdbc.sql(PROCESS_DEFINITION_SELECT + " WHERE d.key = :key")
        .param("key", key)
        .query(PROCESS_DEFINITION)
        .optional();
  }

  /** Each sequence flow the instance took, once, in the order it was first taken. */
  public List<SequenceFlowView> takenSequenceFlows(long processInstanceKey) {
    return jdbc.sql(
            """
            SELECT process_instance_key, process_definition_key, bpmn_process_id, flow_id,
                   tenant_id
              FROM engine.sequence_flow
             WHERE process_instance_key = :pi
             GROUP BY process_instance_key, process_definition_key, bpmn_process_id, flow_id,
                   tenant_id
             ORDER BY min(key)
            """)
        .param("pi", processInstanceKey)
        .query(
            (rs, n) ->
                new SequenceFlowView(
                    rs.getLong("process_instance_key"),
                    rs.getLong("process_definition_key"),
                    rs.getString("bpmn_process_id"),
                    rs.getString("flow_id"),
                    rs.getString("tenant_id")))
        .list();
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
