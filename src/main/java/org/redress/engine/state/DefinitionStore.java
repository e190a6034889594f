package org.redress.engine.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Deployments and process definitions (with their BPMN XML). */
public class DefinitionStore {

  /** A stored process definition. */
  public record ProcessDefinitionRow(
      long key,
      String bpmnProcessId,
      int version,
      String name,
      String versionTag,
      String resourceName,
      String checksum,
      long deploymentKey,
      String tenantId) {}

  private static final String COLUMNS =
      "key, bpmn_process_id, version, name, version_tag, resource_name, checksum, deployment_key,"
          + " tenant_id";

  private static final RowMapper<ProcessDefinitionRow> ROW =
      (rs, n) ->
          new ProcessDefinitionRow(
              rs.getLong("key"),
              rs.getString("bpmn_process_id"),
              rs.getInt("version"),
              rs.getString("name"),
              rs.getString("version_tag"),
              rs.getString("resource_name"),
              rs.getString("checksum"),
              rs.getLong("deployment_key"),
              rs.getString("tenant_id"));

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  public DefinitionStore(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** Serialises deployments of one process id until the transaction ends (version numbering). */
  public void lockProcessId(String tenantId, String bpmnProcessId) {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:id))")
        .param("id", tenantId + "/" + bpmnProcessId)
        .query()
        .singleRow();
  }

  /** What {@link #lockSharedLatest} found. */
  public enum Found {
    GONE,
    LATEST,
    OUTDATED
  }

  /**
   * Keeps a definition from being deleted until the transaction ends, as {@link #lockShared}, and
   * tells whether it still exists and is the latest version of its process id (another app instance
   * may have deployed a newer one since it was cached).
   */
  public Found lockSharedLatest(long key) {
    StatementPipeline read = new StatementPipeline().genericPlans();
    StatementPipeline.Rows<Boolean> found =
        read.query(
            """
            SELECT NOT EXISTS (SELECT 1 FROM engine.process_definition newer
                                WHERE newer.tenant_id = d.tenant_id
                                  AND newer.bpmn_process_id = d.bpmn_process_id
                                  AND newer.version > d.version)
              FROM engine.process_definition d WHERE d.key = :key
            """,
            new MapSqlParameterSource("key", key),
            (rs, row) -> rs.getBoolean(1));
    read.run(template);
    if (found.list().isEmpty()) {
      return Found.GONE;
    }
    return found.list().get(0) ? Found.LATEST : Found.OUTDATED;
  }

  /**
   * Keeps a definition from being deleted until the transaction ends; false when it no longer
   * exists. Definitions are only ever deleted by a purge, which locks the table in ACCESS EXCLUSIVE
   * mode first: the ACCESS SHARE lock that this read holds until the end of the transaction is
   * enough to make the purge wait. (A row lock, FOR SHARE, wrote the row and, with many instances
   * started at once, built multixacts for every start.)
   */
  public boolean lockShared(long key) {
    return lockSharedLatest(key) != Found.GONE;
  }

  public void insertDeployment(long key, String tenantId, Instant createdAt) {
    jdbc.sql(
            "INSERT INTO engine.deployment (key, tenant_id, created_at) VALUES (:key, :tenant, :at)")
        .param("key", key)
        .param("tenant", tenantId)
        .param("at", InstanceStore.ts(createdAt))
        .update();
  }

  public void insertProcessDefinition(ProcessDefinitionRow row, String xml, Instant createdAt) {
    jdbc.sql(
            """
            INSERT INTO engine.process_definition (key, bpmn_process_id, version, name, version_tag,
                resource_name, bpmn_xml, checksum, deployment_key, tenant_id, created_at)
            VALUES (:key, :id, :version, :name, :versionTag, :resourceName, :xml, :checksum,
                :deploymentKey, :tenant, :at)
            """)
        .param("key", row.key())
        .param("id", row.bpmnProcessId())
        .param("version", row.version())
        .param("name", row.name())
        .param("versionTag", row.versionTag())
        .param("resourceName", row.resourceName())
        .param("xml", xml)
        .param("checksum", row.checksum())
        .param("deploymentKey", row.deploymentKey())
        .param("tenant", row.tenantId())
        .param("at", InstanceStore.ts(createdAt))
        .update();
  }

  public Optional<ProcessDefinitionRow> latest(String tenantId, String bpmnProcessId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM engine.process_definition WHERE tenant_id = :tenant"
                + " AND bpmn_process_id = :id ORDER BY version DESC LIMIT 1")
        .param("tenant", tenantId)
        .param("id", bpmnProcessId)
        .query(ROW)
        .optional();
  }

  public Optional<ProcessDefinitionRow> byVersion(
      String tenantId, String bpmnProcessId, int version) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM engine.process_definition WHERE tenant_id = :tenant"
                + " AND bpmn_process_id = :id AND version = :version")
        .param("tenant", tenantId)
        .param("id", bpmnProcessId)
        .param("version", version)
        .query(ROW)
        .optional();
  }

  public Optional<ProcessDefinitionRow> byKey(long key) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM engine.process_definition WHERE key = :key")
        .param("key", key)
        .query(ROW)
        .optional();
  }

  public Optional<String> xml(long key) {
    return jdbc.sql("SELECT bpmn_xml FROM engine.process_definition WHERE key = :key")
        .param("key", key)
        .query(String.class)
        .optional();
  }

  public List<ProcessDefinitionRow> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM engine.process_definition ORDER BY key")
        .query(ROW)
        .list();
  }
}
