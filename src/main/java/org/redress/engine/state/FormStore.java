package org.redress.engine.state;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Deployed Camunda forms (JSON schemas) by id and version. */
public class FormStore {

  /** A deployed form. */
  public record FormRow(
      long key,
      String formId,
      int version,
      String resourceName,
      String schema,
      String checksum,
      long deploymentKey,
      String tenantId) {}

  private static final RowMapper<FormRow> ROW =
      (rs, n) ->
          new FormRow(
              rs.getLong("key"),
              rs.getString("form_id"),
              rs.getInt("version"),
              rs.getString("resource_name"),
              rs.getString("schema"),
              rs.getString("checksum"),
              rs.getLong("deployment_key"),
              rs.getString("tenant_id"));

  private final JdbcClient jdbc;

  public FormStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<FormRow> latest(String tenantId, String formId) {
    return jdbc.sql(
            "SELECT * FROM engine.form WHERE tenant_id = :tenant AND form_id = :id"
                + " ORDER BY version DESC LIMIT 1")
        .param("tenant", tenantId)
        .param("id", formId)
        .query(ROW)
        .optional();
  }

  public Optional<FormRow> byKey(long key) {
    return jdbc.sql("SELECT * FROM engine.form WHERE key = :key")
        .param("key", key)
        .query(ROW)
        .optional();
  }

  public void insert(FormRow row, Instant createdAt) {
    jdbc.sql(
            """
            INSERT INTO engine.form (key, form_id, version, resource_name, schema, checksum,
                deployment_key, tenant_id, created_at)
            VALUES (:key, :id, :version, :resourceName, :schema, :checksum, :deploymentKey,
                :tenant, :at)
            """)
        .param("key", row.key())
        .param("id", row.formId())
        .param("version", row.version())
        .param("resourceName", row.resourceName())
        .param("schema", row.schema())
        .param("checksum", row.checksum())
        .param("deploymentKey", row.deploymentKey())
        .param("tenant", row.tenantId())
        .param("at", InstanceStore.ts(createdAt))
        .update();
  }
}
