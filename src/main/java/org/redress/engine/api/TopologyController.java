package org.redress.engine.api;

import java.util.List;
import org.redress.engine.ConditionalOnEmbeddedEngine;
import org.redress.engine.command.PurgeEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One broker, one healthy leader partition: what the client and CPT check before they start. The
 * last completed change is the last purge (CPT waits for it after purging), -1 before the first.
 */
@RestController
@ConditionalOnEmbeddedEngine
class TopologyController {

  static final String VERSION = "8.8.14";

  private final int port;
  private final PurgeEngine purgeEngine;

  TopologyController(@Value("${server.port:8080}") int port, PurgeEngine purgeEngine) {
    this.port = port;
    this.purgeEngine = purgeEngine;
  }

  record Partition(int partitionId, String role, String health) {}

  record Broker(int nodeId, String host, int port, String version, List<Partition> partitions) {}

  record Topology(
      List<Broker> brokers,
      int clusterSize,
      int partitionsCount,
      int replicationFactor,
      String gatewayVersion,
      String lastCompletedChangeId) {}

  @GetMapping("/v2/topology")
  Topology topology() {
    Broker broker =
        new Broker(0, "localhost", port, VERSION, List.of(new Partition(1, "leader", "healthy")));
    return new Topology(
        List.of(broker), 1, 1, 1, VERSION, Long.toString(purgeEngine.lastCompletedChangeId()));
  }

  @GetMapping("/v2/status")
  ResponseEntity<Void> status() {
    return ResponseEntity.noContent().build();
  }
}
