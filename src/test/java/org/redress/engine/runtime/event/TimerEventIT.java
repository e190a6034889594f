package org.redress.engine.runtime.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.engine.EngineHarness;

/** Timers with a pinned engine clock: nothing sleeps, the test moves time. */
class TimerEventIT {

  private final EngineHarness engine = new EngineHarness();
  private final String id = "p" + UUID.randomUUID().toString().replace("-", "");

  @BeforeEach
  void pinClock() {
    engine.clock.pin(Instant.parse("2031-03-01T08:00:00Z"));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private void advance(Duration duration) {
    engine.clock.add(duration);
    engine.scheduler.runOnce();
  }

  @Test
  void shouldWaitForDurationWhenIntermediateTimerIsReached() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateCatchEvent("Timer_Wait", t -> t.timerWithDurationExpression("wait"))
            .endEvent("End")
            .done());
    long pi = engine.start(id, Map.of("wait", "PT10M"));

    // when / then not before its due date
    advance(Duration.ofMinutes(9));
    assertThat(engine.processState(pi)).isEqualTo("ACTIVATED");
    advance(Duration.ofMinutes(2));
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
    assertThat(engine.lifecycle(pi))
        .containsSubsequence("Timer_Wait:ELEMENT_ACTIVATED", "Timer_Wait:ELEMENT_COMPLETED");
  }

  @Test
  void shouldInterruptTaskWhenInterruptingBoundaryTimerFires() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("Task_Review", t -> t.zeebeJobType(id + "-review"))
            .boundaryEvent("Timer_Sla", b -> b.timerWithDuration("P3D"))
            .endEvent("End_Escalated")
            .moveToActivity("Task_Review")
            .endEvent("End_Reviewed")
            .done());
    long pi = engine.start(id, Map.of());

    // when
    advance(Duration.ofDays(3));

    // then
    assertThat(engine.lifecycle(pi))
        .containsSubsequence(
            "Task_Review:ELEMENT_TERMINATED",
            "Timer_Sla:ELEMENT_ACTIVATING",
            "End_Escalated:ELEMENT_COMPLETED");
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
  }

  @Test
  void shouldFireRepeatedlyAndKeepTaskWhenNonInterruptingCycleTimerFires() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("Task_Review", t -> t.zeebeJobType(id + "-review"))
            .boundaryEvent("Timer_Reminder", b -> b.cancelActivity(false).timerWithCycle("R2/PT1H"))
            .serviceTask("Task_Remind", t -> t.zeebeJobType(id + "-remind"))
            .endEvent("End_Reminded")
            .moveToActivity("Task_Review")
            .endEvent("End_Reviewed")
            .done());
    long pi = engine.start(id, Map.of());

    // when three hours pass
    advance(Duration.ofHours(1));
    advance(Duration.ofHours(1));
    advance(Duration.ofHours(1));

    // then it fired exactly twice and the task still waits
    assertThat(engine.lifecycle(pi).stream().filter("Timer_Reminder:ELEMENT_ACTIVATING"::equals))
        .hasSize(2);
    engine.completeJob(id + "-review", Map.of());
    engine.completeJob(id + "-remind", Map.of());
    engine.completeJob(id + "-remind", Map.of());
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
  }

  @Test
  void shouldStartInstancesWhenTimerStartEventIsDue() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent("Start_Daily")
            .timerWithCycle("R2/PT24H")
            .endEvent()
            .done());

    // when
    advance(Duration.ofHours(24));
    advance(Duration.ofHours(24));
    advance(Duration.ofHours(24));

    // then
    assertThat(
            engine
                .jdbc
                .sql(
                    "SELECT count(*) FROM engine.element_instance WHERE bpmn_process_id = :id"
                        + " AND type = 'PROCESS' AND state = 'COMPLETED'")
                .param("id", id)
                .query(Long.class)
                .single())
        .isEqualTo(2L);
  }

  @Test
  void shouldRunEventSubProcessAlongsideWhenNonInterruptingTimerStartFires() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .eventSubProcess(
                "EventSubProcess_Reminder",
                e ->
                    e.startEvent("Start_Reminder")
                        .interrupting(false)
                        .timerWithDuration("PT1H")
                        .serviceTask("Task_Remind", t -> t.zeebeJobType(id + "-remind"))
                        .endEvent())
            .startEvent()
            .serviceTask("Task_Main", t -> t.zeebeJobType(id + "-main"))
            .endEvent()
            .done());
    long pi = engine.start(id, Map.of());

    // when
    advance(Duration.ofHours(1));
    engine.completeJob(id + "-remind", Map.of());

    // then the main task is still there
    assertThat(engine.processState(pi)).isEqualTo("ACTIVATED");
    engine.completeJob(id + "-main", Map.of());
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
  }

  @Test
  void shouldFireOnceAfterRestartWhenTimerWasDueWhileEngineWasDown() {
    // given a timer due while "the engine is down" (nothing runs the scheduler)
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .intermediateCatchEvent("Timer_Wait", t -> t.timerWithDuration("PT5M"))
            .endEvent()
            .done());
    long pi = engine.start(id, Map.of());
    engine.clock.add(Duration.ofHours(2));

    // when two engines on the same database come up and run their schedulers concurrently
    try (EngineHarness second = new EngineHarness()) {
      second.clock.pin(engine.clock.now());
      Thread other = new Thread(second.scheduler::runOnce);
      other.start();
      engine.scheduler.runOnce();
      try {
        other.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    // then it fired exactly once
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
    assertThat(
            engine
                .jdbc
                .sql(
                    "SELECT count(*) FROM engine.element_instance WHERE process_instance_key = :k"
                        + " AND element_id = 'Timer_Wait' AND state = 'COMPLETED'")
                .param("k", pi)
                .query(Long.class)
                .single())
        .isEqualTo(1L);
  }
}
