package org.redress.engine.api;

import java.time.Duration;
import java.util.Map;
import org.redress.engine.ConditionalOnEmbeddedEngine;
import org.redress.engine.command.EventCommands;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Publishing (buffered, fire and forget) and correlating (synchronous) messages. */
@RestController
@ConditionalOnEmbeddedEngine
class MessageController {

  private final EventCommands eventCommands;

  MessageController(EventCommands eventCommands) {
    this.eventCommands = eventCommands;
  }

  record PublicationRequest(
      String name,
      String correlationKey,
      Long timeToLive,
      String messageId,
      Map<String, Object> variables,
      String tenantId) {}

  record PublicationResult(String messageKey, String tenantId) {}

  record CorrelationRequest(
      String name, String correlationKey, Map<String, Object> variables, String tenantId) {}

  record CorrelationResult(String messageKey, String tenantId, String processInstanceKey) {}

  @PostMapping("/v2/messages/publication")
  PublicationResult publish(@RequestBody PublicationRequest body) {
    String tenant = ApiFormat.tenant(body.tenantId());
    long ttl = body.timeToLive() == null ? 0 : Math.max(0, body.timeToLive());
    EventCommands.Correlation result =
        eventCommands.publish(
            body.name(),
            body.correlationKey() == null ? "" : body.correlationKey(),
            Duration.ofMillis(ttl),
            body.messageId(),
            ApiFormat.orEmpty(body.variables()),
            tenant);
    return new PublicationResult(ApiFormat.key(result.messageKey()), tenant);
  }

  @PostMapping("/v2/messages/correlation")
  CorrelationResult correlate(@RequestBody CorrelationRequest body) {
    String tenant = ApiFormat.tenant(body.tenantId());
    EventCommands.Correlation result =
        eventCommands.correlate(
            body.name(),
            body.correlationKey() == null ? "" : body.correlationKey(),
            ApiFormat.orEmpty(body.variables()),
            tenant);
    return new CorrelationResult(
        ApiFormat.key(result.messageKey()), tenant, ApiFormat.key(result.processInstanceKey()));
  }
}
