package org.redress.engine.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.redress.engine.state.SearchSupport.Column;
import org.redress.engine.state.SearchSupport.Page;
import org.redress.engine.state.SearchSupport.Type;
import org.springframework.jdbc.core.RowMapper;

/** Read side of message subscriptions and correlations (who waits, who got which message). */
public class MessageQueries {

  /** A correlation as the correlated-message-subscriptions search reports it. */
  public record CorrelationView(MessageCorrelation correlation, long subscriptionKey) {}

  private static final Map<String, Column> SUBSCRIPTION_COLUMNS =
      Map.ofEntries(
          Map.entry("messageSubscriptionKey", new Column("s.key", Type.KEY)),
          Map.entry("processInstanceKey", new Column("s.process_instance_key", Type.KEY)),
          Map.entry("elementInstanceKey", new Column("s.element_instance_key", Type.KEY)),
          Map.entry("processDefinitionId", new Column("s.bpmn_process_id", Type.STRING)),
          Map.entry("processDefinitionKey", new Column("s.process_definition_key", Type.KEY)),
          Map.entry("elementId", new Column("s.element_id", Type.STRING)),
          Map.entry("messageName", new Column("s.message_name", Type.STRING)),
          Map.entry("correlationKey", new Column("s.correlation_key", Type.STRING)),
          Map.entry("tenantId", new Column("s.tenant_id", Type.STRING)),
          Map.entry("messageSubscriptionState", new Column("s.state", Type.ENUM)),
          Map.entry("lastUpdatedDate", new Column("s.last_updated", Type.DATE)));

  private static final Map<String, Column> CORRELATION_COLUMNS =
      Map.ofEntries(
          Map.entry("correlationKey", new Column("c.correlation_key", Type.STRING)),
          Map.entry("correlationTime", new Column("c.correlation_time", Type.DATE)),
          Map.entry("elementId", new Column("c.element_id", Type.STRING)),
          Map.entry("elementInstanceKey", new Column("c.element_instance_key", Type.KEY)),
          Map.entry("messageKey", new Column("c.message_key", Type.KEY)),
          Map.entry("messageName", new Column("c.message_name", Type.STRING)),
          Map.entry("partitionId", new Column("1", Type.INT)),
          Map.entry("processDefinitionId", new Column("c.bpmn_process_id", Type.STRING)),
          Map.entry("processDefinitionKey", new Column("c.process_definition_key", Type.KEY)),
          Map.entry("processInstanceKey", new Column("c.process_instance_key", Type.KEY)),
          Map.entry("subscriptionKey", new Column("coalesce(c.subscription_key, -1)", Type.KEY)),
          Map.entry("tenantId", new Column("c.tenant_id", Type.STRING)));

  private static final RowMapper<MessageCorrelation> CORRELATION =
      (rs, n) ->
          new MessageCorrelation(
              rs.getLong("message_key"),
              rs.getString("bpmn_process_id"),
              InstanceStore.nullableLong(rs, "subscription_key"),
              rs.getLong("process_instance_key"),
              rs.getLong("process_definition_key"),
              rs.getString("element_id"),
              InstanceStore.nullableLong(rs, "element_instance_key"),
              rs.getString("message_name"),
              rs.getString("correlation_key"),
              rs.getBoolean("start_event"),
              rs.getString("tenant_id"),
              InstanceStore.instant(rs, "correlation_time"));

  private final SearchSupport search;

  public MessageQueries(SearchSupport search) {
    this.search = search;
  }

  public Page<MessageSubscription> searchSubscriptions(JsonNode request) {
    return search.search(
        "SELECT s.* FROM engine.message_subscription s",
        "TRUE",
        SUBSCRIPTION_COLUMNS,
        request,
        "s.key",
        InstanceStore.SUBSCRIPTION);
  }

  public Page<MessageCorrelation> searchCorrelations(JsonNode request) {
    return search.search(
        "SELECT c.* FROM engine.message_correlation c",
        "TRUE",
        CORRELATION_COLUMNS,
        request,
        "c.correlation_time, c.message_key",
        CORRELATION);
  }
}
