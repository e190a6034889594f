package org.redress.engine.runtime.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.engine.EngineHarness;
import org.redress.engine.EngineRejection;
import org.redress.engine.command.EventCommands;

class MessageEventIT {

  private final EngineHarness engine = new EngineHarness();
  private final String id = "p" + UUID.randomUUID().toString().replace("-", "");
  private final String message = id + "-appeal";

  @BeforeEach
  void pinClock() {
    engine.clock.pin(Instant.parse("2031-06-01T08:00:00Z"));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private BpmnModelInstance waitForAppeal() {
    return Bpmn.createExecutableProcess(id)
        .startEvent()
        .intermediateCatchEvent(
            "Message_Appeal",
            c -> c.message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId")))
        .endEvent("End")
        .done();
  }

  private EventCommands.Correlation publish(String key, Duration ttl, Map<String, Object> vars) {
    return engine.messages.publish(message, key, ttl, null, vars, "<default>");
  }

  @Test
  void shouldCorrelateToWaitingInstanceWithMatchingKey() {
    // given
    engine.deploy(waitForAppeal());
    long mine = engine.start(id, Map.of("caseId", "case-1"));
    long other = engine.start(id, Map.of("caseId", "case-2"));

    // when
    publish("case-1", Duration.ZERO, Map.of("statement", "I did nothing wrong"));

    // then
    assertThat(engine.processState(mine)).isEqualTo("COMPLETED");
    assertThat(engine.variables(mine)).containsEntry("statement", "I did nothing wrong");
    assertThat(engine.processState(other)).isEqualTo("ACTIVATED");
  }

  @Test
  void shouldCorrelateBufferedMessageWhenInstanceArrivesWithinTimeToLive() {
    // given
    engine.deploy(waitForAppeal());
    publish("case-early", Duration.ofHours(1), Map.of("early", true));

    // when
    long pi = engine.start(id, Map.of("caseId", "case-early"));

    // then
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
    assertThat(engine.variables(pi)).containsEntry("early", true);

    // and the message correlates at most once per process id
    long second = engine.start(id, Map.of("caseId", "case-early"));
    assertThat(engine.processState(second)).isEqualTo("ACTIVATED");
  }

  @Test
  void shouldCorrelateMessageThatRacedTheSubscriptionWhenTheSchedulerRuns() {
    // given an instance waiting, and a buffered message stored without seeing its subscription,
    // as when a publication and the subscription commit at the same moment
    engine.deploy(waitForAppeal());
    long pi = engine.start(id, Map.of("caseId", "case-race"));
    engine
        .jdbc
        .sql(
            """
            INSERT INTO engine.message (key, name, correlation_key, message_id, variables,
                tenant_id, published_at, deadline)
            VALUES (:key, :name, 'case-race', NULL, '{"raced":true}', '<default>', :now, :deadline)
            """)
        .param("key", 9_000_000_000_000L + (System.nanoTime() % 1_000_000_000L))
        .param("name", message)
        .param("now", java.sql.Timestamp.from(engine.clock.now()))
        .param("deadline", java.sql.Timestamp.from(engine.clock.now().plus(Duration.ofHours(1))))
        .update();
    assertThat(engine.processState(pi)).isEqualTo("ACTIVATED");

    // when
    int correlated = engine.messages.correlateStranded(100);

    // then it is correlated once, and not again
    assertThat(correlated).isEqualTo(1);
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
    assertThat(engine.variables(pi)).containsEntry("raced", true);
    assertThat(engine.messages.correlateStranded(100)).isZero();
  }

  @Test
  void shouldNotCorrelateLaterWhenTimeToLiveIsZero() {
    // given
    engine.deploy(waitForAppeal());
    publish("case-zero", Duration.ZERO, Map.of());

    // when
    long pi = engine.start(id, Map.of("caseId", "case-zero"));

    // then
    assertThat(engine.processState(pi)).isEqualTo("ACTIVATED");
  }

  @Test
  void shouldNotCorrelateBufferedMessageAfterItExpired() {
    // given
    engine.deploy(waitForAppeal());
    publish("case-late", Duration.ofMinutes(10), Map.of());
    engine.clock.add(Duration.ofMinutes(11));

    // when
    long pi = engine.start(id, Map.of("caseId", "case-late"));

    // then
    assertThat(engine.processState(pi)).isEqualTo("ACTIVATED");
  }

  @Test
  void shouldRejectDuplicateMessageIdWhileBuffered() {
    engine.messages.publish(message, "k", Duration.ofHours(1), "m-1", Map.of(), "<default>");
    assertThatThrownBy(
            () ->
                engine.messages.publish(
                    message, "k", Duration.ofHours(1), "m-1", Map.of(), "<default>"))
        .isInstanceOfSatisfying(
            EngineRejection.class,
            e -> assertThat(e.type()).isEqualTo(EngineRejection.Type.ALREADY_EXISTS));
  }

  @Test
  void shouldCorrelateOnlyOldestInstanceOfSameProcessWhenTwoWaitOnSameKey() {
    // given
    engine.deploy(waitForAppeal());
    long first = engine.start(id, Map.of("caseId", "same"));
    long second = engine.start(id, Map.of("caseId", "same"));

    // when
    EventCommands.Correlation result = publish("same", Duration.ZERO, Map.of());

    // then
    assertThat(engine.processState(first)).isEqualTo("COMPLETED");
    assertThat(engine.processState(second)).isEqualTo("ACTIVATED");
    assertThat(result.processInstanceKey()).isEqualTo(first);
  }

  @Test
  void shouldAnswerNotFoundWhenCorrelatingAndNothingWaits() {
    assertThatThrownBy(() -> engine.messages.correlate(message, "nobody", Map.of(), "<default>"))
        .isInstanceOfSatisfying(
            EngineRejection.class,
            e -> assertThat(e.type()).isEqualTo(EngineRejection.Type.NOT_FOUND));
  }

  @Test
  void shouldCompleteReceiveTaskAndReturnInstanceWhenCorrelatedSynchronously() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .receiveTask(
                "ReceiveTask_Reply",
                r -> r.message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId")))
            .endEvent()
            .done());
    long pi = engine.start(id, Map.of("caseId", 42));

    // when (a numeric key correlates as its decimal text)
    EventCommands.Correlation result =
        engine.messages.correlate(message, "42", Map.of("reply", "docs"), "<default>");

    // then
    assertThat(result.processInstanceKey()).isEqualTo(pi);
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
  }

  @Test
  void shouldInterruptOrNotWhenMessageBoundaryIsTriggered() {
    // given an interrupting "withdrawn" and a non-interrupting "info" boundary
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("Task_Review", t -> t.zeebeJobType(id + "-review"))
            .boundaryEvent(
                "Message_Info",
                b ->
                    b.cancelActivity(false)
                        .message(m -> m.name(id + "-info").zeebeCorrelationKeyExpression("caseId")))
            .endEvent("End_Info")
            .moveToActivity("Task_Review")
            .boundaryEvent(
                "Message_Withdrawn",
                b ->
                    b.message(
                        m -> m.name(id + "-withdrawn").zeebeCorrelationKeyExpression("caseId")))
            .endEvent("End_Withdrawn")
            .moveToActivity("Task_Review")
            .endEvent("End_Reviewed")
            .done());
    long pi = engine.start(id, Map.of("caseId", "c-9"));

    // when
    engine.messages.publish(id + "-info", "c-9", Duration.ZERO, null, Map.of(), "<default>");
    engine.messages.publish(id + "-info", "c-9", Duration.ZERO, null, Map.of(), "<default>");

    // then the task is still active
    assertThat(engine.lifecycle(pi).stream().filter("End_Info:ELEMENT_COMPLETED"::equals))
        .hasSize(2);
    assertThat(engine.processState(pi)).isEqualTo("ACTIVATED");

    // when withdrawn
    engine.messages.publish(id + "-withdrawn", "c-9", Duration.ZERO, null, Map.of(), "<default>");

    // then
    assertThat(engine.lifecycle(pi))
        .containsSubsequence("Task_Review:ELEMENT_TERMINATED", "End_Withdrawn:ELEMENT_COMPLETED");
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
  }

  @Test
  void shouldStartInstanceWhenMessageStartEventMatches() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent("Start_Suspension")
            .message(message)
            .serviceTask("Task_Notice", t -> t.zeebeJobType(id + "-notice"))
            .endEvent()
            .done());

    // when
    EventCommands.Correlation result =
        engine.messages.correlate(message, "", Map.of("accountId", "a-1"), "<default>");

    // then
    long pi = result.processInstanceKey();
    assertThat(engine.variables(pi)).containsEntry("accountId", "a-1");
    assertThat(engine.lifecycle(pi)).contains("Start_Suspension:ELEMENT_COMPLETED");
  }

  @Test
  void shouldTakeMessagePathAndCloseTimerWhenEventBasedGatewayGetsMessageFirst() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .eventBasedGateway("Gateway_AppealOrTimeout")
            .intermediateCatchEvent(
                "Message_Appeal",
                c -> c.message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId")))
            .endEvent("End_Appealed")
            .moveToNode("Gateway_AppealOrTimeout")
            .intermediateCatchEvent("Timer_Window", c -> c.timerWithDuration("P180D"))
            .endEvent("End_Final")
            .done());
    long pi = engine.start(id, Map.of("caseId", "c-3"));

    // when
    publish("c-3", Duration.ZERO, Map.of("appealed", true));
    engine.clock.add(Duration.ofDays(181));
    engine.scheduler.runOnce();

    // then
    assertThat(engine.lifecycle(pi))
        .containsSubsequence(
            "Gateway_AppealOrTimeout:ELEMENT_ACTIVATED",
            "Gateway_AppealOrTimeout:ELEMENT_COMPLETED",
            "Message_Appeal:ELEMENT_ACTIVATING",
            "Message_Appeal:ELEMENT_COMPLETED",
            "End_Appealed:ELEMENT_COMPLETED")
        .doesNotContain("Timer_Window:ELEMENT_ACTIVATING");
    assertThat(engine.variables(pi)).containsEntry("appealed", true);
  }

  @Test
  void shouldInterruptProcessWhenMessageEventSubProcessIsTriggered() {
    // given a case that can be withdrawn at any time
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .eventSubProcess(
                "EventSubProcess_Withdrawn",
                e ->
                    e.startEvent("StartEvent_Withdrawn")
                        .message(m -> m.name(message).zeebeCorrelationKeyExpression("caseId"))
                        .endEvent("EndEvent_Withdrawn"))
            .startEvent()
            .serviceTask("Task_Review", t -> t.zeebeJobType(id + "-review"))
            .endEvent("End_Reviewed")
            .done());
    long pi = engine.start(id, Map.of("caseId", "c-w"));

    // when
    publish("c-w", Duration.ZERO, Map.of("withdrawnBy", "user"));

    // then
    assertThat(engine.lifecycle(pi))
        .containsSubsequence(
            "Task_Review:ELEMENT_TERMINATED",
            "EventSubProcess_Withdrawn:ELEMENT_ACTIVATING",
            "StartEvent_Withdrawn:ELEMENT_COMPLETED",
            "EndEvent_Withdrawn:ELEMENT_COMPLETED",
            id + ":ELEMENT_COMPLETED");
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
    assertThat(engine.variables(pi)).containsEntry("withdrawnBy", "user");
  }

  @Test
  void shouldRaiseIncidentWhenCorrelationKeyIsNull() {
    // given
    engine.deploy(waitForAppeal());

    // when
    long pi = engine.start(id, Map.of());

    // then
    assertThat(engine.activeIncidents(pi).get(0))
        .containsEntry("error_type", "EXTRACT_VALUE_ERROR")
        .containsEntry("element_id", "Message_Appeal");
  }
}
