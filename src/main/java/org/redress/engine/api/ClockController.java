package org.redress.engine.api;

import java.time.Instant;
import org.redress.engine.ConditionalOnEmbeddedEngine;
import org.redress.engine.EngineClock;
import org.redress.engine.EngineRejection;
import org.redress.engine.command.EngineCluster;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The Camunda 8.8 clock API: pin the engine clock, and reset it to system time. */
@RestController
@ConditionalOnEmbeddedEngine
class ClockController {

  private final EngineClock clock;
  private final EngineCluster cluster;

  ClockController(EngineClock clock, EngineCluster cluster) {
    this.clock = clock;
    this.cluster = cluster;
  }

  record PinRequest(Long timestamp) {}

  @PutMapping("/v2/clock")
  ResponseEntity<Void> pin(@RequestBody PinRequest body) {
    if (body.timestamp() == null || body.timestamp() < 0) {
      throw EngineRejection.invalidArgument(
          "Expected 'timestamp' as epoch milliseconds >= 0 to pin the clock");
    }
    clock.pin(Instant.ofEpochMilli(body.timestamp()));
    cluster.clockChanged();
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/v2/clock/reset")
  ResponseEntity<Void> reset() {
    clock.reset();
    cluster.clockChanged();
    return ResponseEntity.noContent().build();
  }
}
