package org.redress.engine.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.redress.engine.ConditionalOnEmbeddedEngine;
import org.redress.engine.EngineClock;
import org.redress.engine.EngineRejection;
import org.redress.engine.command.EngineCluster;
import org.redress.engine.command.PurgeEngine;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Zeebe management ("monitoring") endpoints Camunda Process Test calls on its monitoring
 * address, served on the app's own port: the controllable clock ({@code /actuator/clock}) and the
 * cluster purge ({@code /actuator/cluster/purge}). They are plain controllers, not Spring Boot
 * Actuator endpoints: Boot has no endpoints with the ids clock or cluster, and its actuator mapping
 * only claims the endpoints that are exposed (health, info), so these paths reach this class.
 */
@RestController
@ConditionalOnEmbeddedEngine
@RequestMapping("/actuator")
class ManagementController {

  private final EngineClock clock;
  private final EngineCluster cluster;
  private final PurgeEngine purgeEngine;

  ManagementController(EngineClock clock, PurgeEngine purgeEngine, EngineCluster cluster) {
    this.clock = clock;
    this.cluster = cluster;
    this.purgeEngine = purgeEngine;
  }

  /** Zeebe's clock response: the engine's current time. */
  record ClockResponse(long epochMilli, String instant) {}

  record AddRequest(Long offsetMilli) {}

  record PinRequest(Long epochMilli) {}

  /**
   * Zeebe's PlannedOperationsResponse, reduced: CPT reads only {@code changeId}. The purge is done
   * when the response is sent, so nothing is planned and the topology is unchanged.
   */
  record PurgeResponse(
      long changeId,
      List<Object> currentTopology,
      List<Object> plannedChanges,
      List<Object> expectedTopology) {}

  @GetMapping("/clock")
  ClockResponse current() {
    return now();
  }

  /** Moves the clock by {@code offsetMilli} (may be negative); due timers fire at once. */
  @PostMapping("/clock/add")
  ClockResponse add(@RequestBody AddRequest body) {
    if (body.offsetMilli() == null) {
      throw EngineRejection.invalidArgument("Expected 'offsetMilli' (milliseconds to add)");
    }
    clock.add(Duration.ofMillis(body.offsetMilli()));
    cluster.clockChanged();
    return now();
  }

  /** Freezes the clock at {@code epochMilli}. */
  @PostMapping("/clock/pin")
  ClockResponse pin(@RequestBody PinRequest body) {
    if (body.epochMilli() == null || body.epochMilli() < 0) {
      throw EngineRejection.invalidArgument(
          "Expected 'epochMilli' (epoch milliseconds >= 0) to pin the clock at");
    }
    clock.pin(Instant.ofEpochMilli(body.epochMilli()));
    cluster.clockChanged();
    return now();
  }

  /** Back to system time. */
  @DeleteMapping("/clock")
  ClockResponse reset() {
    clock.reset();
    cluster.clockChanged();
    return now();
  }

  /** Deletes every deployment, instance and piece of history; answers when done. */
  @PostMapping("/cluster/purge")
  PurgeResponse purge() {
    long changeId = purgeEngine.purge();
    return new PurgeResponse(changeId, List.of(), List.of(), List.of());
  }

  private ClockResponse now() {
    Instant now = clock.now();
    return new ClockResponse(now.toEpochMilli(), now.toString());
  }
}
