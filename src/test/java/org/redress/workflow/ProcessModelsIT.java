package org.redress.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.engine.EngineHarness;
import org.redress.engine.command.DeployResources;
import org.redress.engine.state.DefinitionStore.ProcessDefinitionRow;
import org.redress.engine.state.FormStore.FormRow;
import org.redress.engine.state.UserTask;

/**
 * The process models and forms of {@code bpmn/} as the build puts them on the classpath: they pass
 * the engine's deploy-time validation and run the paths of docs/workflow.md. The test plays every
 * worker itself and completes only the jobs of its own instances (the test database is shared by
 * the JVM's integration tests).
 */
class ProcessModelsIT {

  private static final List<String> MODELS =
      List.of("account-suspension.bpmn", "appeal-review.bpmn", "fund-release.bpmn");
  private static final List<String> FORMS =
      List.of("review-appeal.form", "approve-decision.form", "resolve-payout.form");
  private static final Instant NOW = Instant.parse("2031-03-01T08:00:00Z");

  private final EngineHarness engine = new EngineHarness();
  private final String caseId = "case-" + UUID.randomUUID();
  private final String accountId = "account-" + UUID.randomUUID();

  @BeforeEach
  void pinClock() {
    engine.clock.pin(NOW);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void shouldDeployEveryModelAndFormWhenReadFromClasspath() {
    // when
    DeployResources.Deployment deployment = deployAll();

    // then
    assertThat(deployment.processes())
        .extracting(ProcessDefinitionRow::bpmnProcessId)
        .containsExactlyInAnyOrder("account-suspension", "appeal-review", "fund-release");
    assertThat(deployment.processes())
        .extracting(ProcessDefinitionRow::resourceName)
        .containsExactlyInAnyOrderElementsOf(MODELS);
    assertThat(deployment.forms())
        .extracting(FormRow::formId)
        .containsExactlyInAnyOrder("review-appeal", "approve-decision", "resolve-payout");
  }

  @Test
  void shouldMakeBanFinalAndReleaseFundsWhenAppealWindowExpires() {
    // given
    deployAll();
    long suspension = startSuspension(NOW.plus(Duration.ofDays(183)));

    // when the suspension is applied and notified
    completeJob(suspension, "restrict-account", Map.of());
    completeJob(suspension, "freeze-wallet", Map.of());
    completeJob(suspension, "send-suspension-notice", Map.of());

    // then it waits for an appeal until the deadline
    assertThat(engine.lifecycle(suspension)).contains("Gateway_AwaitAppeal:ELEMENT_ACTIVATED");
    advance(Duration.ofDays(182));
    assertThat(jobKeys(suspension, "finalize-ban")).isEmpty();

    // when the deadline passes
    advance(Duration.ofDays(2));
    completeJob(suspension, "finalize-ban", Map.of());

    // then funds are released with a payout, in a fund-release instance of their own
    long release = calledInstance(suspension, "fund-release");
    assertThat(engine.variables(release))
        .containsOnly(
            Map.entry("caseId", caseId),
            Map.entry("accountId", accountId),
            Map.entry("payout", true));
    completeJob(release, "release-funds", Map.of());
    completeJob(release, "pay-out", Map.of());
    completeJob(release, "send-release-notice", Map.of());
    assertThat(engine.processState(release)).isEqualTo("COMPLETED");
    assertThat(engine.lifecycle(release))
        .containsSubsequence(
            "ServiceTask_PayOut:ELEMENT_COMPLETED", "EndEvent_FundsReleased:ELEMENT_COMPLETED");
    assertThat(engine.processState(suspension)).isEqualTo("COMPLETED");
    assertThat(engine.lifecycle(suspension))
        .containsSubsequence(
            "IntermediateCatchEvent_AppealWindowExpired:ELEMENT_COMPLETED",
            "CallActivity_ReleaseFunds:ELEMENT_COMPLETED",
            "EndEvent_BanFinal:ELEMENT_COMPLETED");
  }

  @Test
  void shouldOpenReviewTaskForAppealReviewersWhenAppealIsFiled() {
    // given
    deployAll();
    long suspension = startSuspension(NOW.plus(Duration.ofDays(183)));
    completeJob(suspension, "restrict-account", Map.of());
    completeJob(suspension, "freeze-wallet", Map.of());
    completeJob(suspension, "send-suspension-notice", Map.of());
    String appealId = "appeal-" + UUID.randomUUID();

    // when
    var correlation =
        engine.messages.correlate(
            "appeal-filed", caseId, Map.of("appealId", appealId), "<default>");

    // then the appeal is reviewed in an appeal-review instance that sees ids only
    assertThat(correlation.processInstanceKey()).isEqualTo(suspension);
    long review = calledInstance(suspension, "appeal-review");
    assertThat(engine.variables(review))
        .containsOnly(
            Map.entry("caseId", caseId),
            Map.entry("accountId", accountId),
            Map.entry("appealId", appealId));

    // when registered and triaged
    completeJob(review, "register-appeal", Map.of());
    completeJob(
        review,
        "triage-appeal",
        Map.of(
            "priority",
            70,
            "reviewDueDate",
            "2031-03-15T08:00:00Z",
            "fourEyesRequired",
            false,
            "fourEyesOutcomes",
            List.of(),
            "urgentHumanContact",
            false,
            "informationWindow",
            "P14D"));

    // then the review task waits for the appeal reviewers with its due date, priority and form
    UserTask task = reviewTask(review);
    assertThat(task.elementId()).isEqualTo("UserTask_ReviewAppeal");
    assertThat(task.state()).isEqualTo("CREATED");
    assertThat(task.candidateGroups()).containsExactly("appeal-reviewers");
    assertThat(task.dueDate()).isEqualTo(Instant.parse("2031-03-15T08:00:00Z"));
    assertThat(task.priority()).isEqualTo(70);
    assertThat(task.formKey()).isNotNull();

    // when the reviewer overturns the restriction and the listener lets the completion pass
    engine.userTasks.complete(
        task.key(),
        Map.of(
            "outcome", "OVERTURN",
            "rationale", "The messages were quoted out of context.",
            "policyReference", "CG-4.2"),
        null);
    completeJob(review, "check-review-decision", Map.of());
    completeJob(review, "record-decision", Map.of("outcome", "OVERTURN"));
    completeJob(review, "restore-account", Map.of());

    // then the funds go back to the wallet without a payout
    long release = calledInstance(review, "fund-release");
    assertThat(engine.variables(release)).containsEntry("payout", false);
    completeJob(release, "release-funds", Map.of());
    completeJob(release, "send-release-notice", Map.of());
    completeJob(review, "send-decision-notice", Map.of());

    // then the case closes with the outcome handed back
    assertThat(engine.processState(review)).isEqualTo("COMPLETED");
    assertThat(engine.processState(suspension)).isEqualTo("COMPLETED");
    assertThat(engine.lifecycle(suspension)).contains("EndEvent_CaseClosed:ELEMENT_COMPLETED");
    assertThat(engine.variables(suspension)).containsEntry("outcome", "OVERTURN");
  }

  @Test
  void shouldReviewAgainWhenRequestedInformationArrivesAndEscalateWhenReviewIsOverdue() {
    // given an appeal in review that needs four eyes
    deployAll();
    long suspension = startSuspension(NOW.plus(Duration.ofDays(183)));
    completeJob(suspension, "restrict-account", Map.of());
    completeJob(suspension, "freeze-wallet", Map.of());
    completeJob(suspension, "send-suspension-notice", Map.of());
    String appealId = "appeal-" + UUID.randomUUID();
    engine.messages.correlate("appeal-filed", caseId, Map.of("appealId", appealId), "<default>");
    long review = calledInstance(suspension, "appeal-review");
    completeJob(review, "register-appeal", Map.of());
    completeJob(
        review,
        "triage-appeal",
        Map.of(
            "priority",
            50,
            "reviewDueDate",
            "2031-03-15T08:00:00Z",
            "fourEyesRequired",
            true,
            "fourEyesOutcomes",
            List.of("OVERTURN", "UPHOLD", "MODIFY", "INADMISSIBLE", "MANIFESTLY_UNFOUNDED"),
            "urgentHumanContact",
            false,
            "informationWindow",
            "P14D"));
    UserTask task = reviewTask(review);

    // when the review is overdue
    advance(Duration.ofDays(15));

    // then it is escalated and stays open
    completeJob(review, "escalate-review", Map.of());
    assertThat(engine.lifecycle(review)).contains("EndEvent_ReviewEscalated:ELEMENT_COMPLETED");
    assertThat(engine.userTaskQueries.get(task.key()).orElseThrow().state()).isEqualTo("CREATED");

    // when the reviewer asks for information (no approval needed for that) and the user answers
    engine.userTasks.complete(
        task.key(),
        Map.of(
            "outcome", "REQUEST_INFO",
            "rationale", "We need the full chat export.",
            "policyReference", "CG-4.2"),
        null);
    completeJob(review, "check-review-decision", Map.of());
    completeJob(review, "record-decision", Map.of("outcome", "REQUEST_INFO"));
    completeJob(review, "request-information", Map.of());
    engine.messages.correlate("appeal-information-provided", appealId, Map.of(), "<default>");

    // then the appeal is reviewed again
    assertThat(engine.lifecycle(review))
        .containsSubsequence(
            "IntermediateCatchEvent_InformationProvided:ELEMENT_COMPLETED",
            "Gateway_ReviewLoop:ELEMENT_COMPLETED",
            "UserTask_ReviewAppeal:ELEMENT_ACTIVATED")
        .doesNotContain("UserTask_ApproveDecision:ELEMENT_ACTIVATED");
    assertThat(reviewTask(review).key()).isNotEqualTo(task.key());
  }

  private DeployResources.Deployment deployAll() {
    List<DeployResources.Resource> resources =
        java.util.stream.Stream.concat(
                MODELS.stream().map(name -> resource("bpmn/" + name, name)),
                FORMS.stream().map(name -> resource("bpmn/forms/" + name, name)))
            .toList();
    return engine.deployResources.deploy(resources, "<default>");
  }

  private static DeployResources.Resource resource(String path, String name) {
    try (InputStream in = ProcessModelsIT.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as("classpath resource %s", path).isNotNull();
      return new DeployResources.Resource(name, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long startSuspension(Instant appealDeadline) {
    return engine.start(
        "account-suspension",
        Map.of(
            "caseId", caseId, "accountId", accountId, "appealDeadline", appealDeadline.toString()));
  }

  private void advance(Duration duration) {
    engine.clock.add(duration);
    engine.scheduler.runOnce();
  }

  /** Keys of the instance's jobs of this type that a worker could take now. */
  private List<Long> jobKeys(long processInstanceKey, String type) {
    return engine
        .jdbc
        .sql(
            "SELECT key FROM engine.job WHERE process_instance_key = :pi AND type = :type"
                + " AND state = 'ACTIVATABLE' ORDER BY key")
        .param("pi", processInstanceKey)
        .param("type", type)
        .query(Long.class)
        .list();
  }

  /** Plays the worker of one job of this instance (the job must be waiting). */
  private void completeJob(long processInstanceKey, String type, Map<String, Object> variables) {
    List<Long> keys = jobKeys(processInstanceKey, type);
    assertThat(keys).as("waiting '%s' jobs of instance %d", type, processInstanceKey).hasSize(1);
    engine.jobs.complete(keys.get(0), variables);
  }

  /** The active instance of the process that a call activity of the parent started. */
  private long calledInstance(long parentKey, String processId) {
    return engine
        .jdbc
        .sql(
            "SELECT key FROM engine.element_instance WHERE parent_process_instance_key = :k"
                + " AND type = 'PROCESS' AND bpmn_process_id = :id AND state = 'ACTIVATED'")
        .param("k", parentKey)
        .param("id", processId)
        .query(Long.class)
        .single();
  }

  /** The instance's one open user task. */
  private UserTask reviewTask(long processInstanceKey) {
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.putObject("filter").put("processInstanceKey", Long.toString(processInstanceKey));
    List<UserTask> tasks =
        engine.userTaskQueries.search(request).items().stream()
            .filter(task -> task.state().equals("CREATED"))
            .toList();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }
}
