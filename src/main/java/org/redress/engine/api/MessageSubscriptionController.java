package org.redress.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.redress.engine.ConditionalOnEmbeddedEngine;
import org.redress.engine.state.MessageCorrelation;
import org.redress.engine.state.MessageQueries;
import org.redress.engine.state.MessageSubscription;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Message subscription and correlated-message searches (Camunda Process Test uses both). */
@RestController
@ConditionalOnEmbeddedEngine
class MessageSubscriptionController {

  private final MessageQueries queries;

  MessageSubscriptionController(MessageQueries queries) {
    this.queries = queries;
  }

  record MessageSubscriptionResult(
      String messageSubscriptionKey,
      String processDefinitionId,
      String processDefinitionKey,
      String processInstanceKey,
      String elementId,
      String elementInstanceKey,
      String messageSubscriptionState,
      String lastUpdatedDate,
      String messageName,
      String correlationKey,
      String tenantId) {}

  record CorrelatedMessageSubscriptionResult(
      String correlationKey,
      String correlationTime,
      String elementId,
      String elementInstanceKey,
      String messageKey,
      String messageName,
      int partitionId,
      String processDefinitionId,
      String processDefinitionKey,
      String processInstanceKey,
      String subscriptionKey,
      String tenantId) {}

  @PostMapping("/v2/message-subscriptions/search")
  SearchResponse<MessageSubscriptionResult> subscriptions(
      @RequestBody(required = false) JsonNode body) {
    return SearchResponse.of(
        queries.searchSubscriptions(body), MessageSubscriptionController::toResult);
  }

  @PostMapping("/v2/correlated-message-subscriptions/search")
  SearchResponse<CorrelatedMessageSubscriptionResult> correlated(
      @RequestBody(required = false) JsonNode body) {
    return SearchResponse.of(
        queries.searchCorrelations(body), MessageSubscriptionController::toCorrelated);
  }

  private static MessageSubscriptionResult toResult(MessageSubscription s) {
    return new MessageSubscriptionResult(
        ApiFormat.key(s.key()),
        s.bpmnProcessId(),
        ApiFormat.key(s.processDefinitionKey()),
        ApiFormat.key(s.processInstanceKey()),
        s.elementId(),
        ApiFormat.key(s.elementInstanceKey()),
        s.state(),
        ApiFormat.date(s.lastUpdated()),
        s.messageName(),
        s.correlationKey(),
        s.tenantId());
  }

  private static CorrelatedMessageSubscriptionResult toCorrelated(MessageCorrelation c) {
    return new CorrelatedMessageSubscriptionResult(
        c.correlationKey(),
        ApiFormat.date(c.correlationTime()),
        c.elementId(),
        ApiFormat.key(c.elementInstanceKey()),
        ApiFormat.key(c.messageKey()),
        c.messageName(),
        1,
        c.bpmnProcessId(),
        ApiFormat.key(c.processDefinitionKey()),
        ApiFormat.key(c.processInstanceKey()),
        c.subscriptionKey() == null ? "-1" : ApiFormat.key(c.subscriptionKey()),
        c.tenantId());
  }
}
