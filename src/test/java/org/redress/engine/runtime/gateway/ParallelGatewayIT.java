package org.redress.engine.runtime.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redress.engine.EngineHarness;
import org.redress.engine.command.ActivateJobs;

class ParallelGatewayIT {

  private final EngineHarness engine = new EngineHarness();
  private final String id = "p" + UUID.randomUUID().toString().replace("-", "");

  @AfterEach
  void close() {
    engine.close();
  }

  private void deployForkJoin(int branches) {
    AbstractFlowNodeBuilder<?, ?> fork =
        Bpmn.createExecutableProcess(id).startEvent().parallelGateway("Gateway_Fork");
    for (int i = 0; i < branches; i++) {
      fork =
          fork.moveToNode("Gateway_Fork")
              .serviceTask("Task_" + i, t -> t.zeebeJobType(id + "-job"))
              .sequenceFlowId("Flow_Join_" + i);
      fork = i == 0 ? fork.parallelGateway("Gateway_Join") : fork.connectTo("Gateway_Join");
    }
    engine.deploy(fork.moveToNode("Gateway_Join").endEvent("End").done());
  }

  @Test
  void shouldJoinOnceWhenAllBranchesComplete() {
    // given
    deployForkJoin(2);
    long pi = engine.start(id, Map.of());

    // when the first branch completes, the join waits
    engine.completeJob(id + "-job", Map.of("a", 1));
    assertThat(engine.lifecycle(pi)).doesNotContain("Gateway_Join:ELEMENT_ACTIVATING");
    assertThat(engine.processState(pi)).isEqualTo("ACTIVATED");

    // and when the second completes, the join fires once
    engine.completeJob(id + "-job", Map.of("b", 2));

    // then
    List<String> lifecycle = engine.lifecycle(pi);
    assertThat(lifecycle.stream().filter("Gateway_Join:ELEMENT_COMPLETED"::equals)).hasSize(1);
    assertThat(lifecycle)
        .containsSubsequence(
            "Gateway_Fork:ELEMENT_COMPLETED",
            "Task_0:ELEMENT_ACTIVATING",
            "Task_1:ELEMENT_ACTIVATING",
            "Flow_Join_0:SEQUENCE_FLOW_TAKEN",
            "Flow_Join_1:SEQUENCE_FLOW_TAKEN",
            "Gateway_Join:ELEMENT_ACTIVATING",
            "Gateway_Join:ELEMENT_COMPLETED",
            "End:ELEMENT_COMPLETED",
            id + ":ELEMENT_COMPLETED");
    assertThat(engine.variables(pi)).containsEntry("a", 1L).containsEntry("b", 2L);
  }

  @Test
  void shouldFireJoinExactlyOnceWhenBranchesCompleteConcurrently() throws Exception {
    // given
    int branches = 6;
    deployForkJoin(branches);
    long pi = engine.start(id, Map.of());
    List<ActivateJobs.ActivatedJob> jobs =
        engine.activateJobs.activateOnce(
            new ActivateJobs.Request(
                id + "-job",
                "w",
                java.time.Duration.ofMinutes(1),
                branches,
                List.of(),
                java.time.Duration.ZERO,
                List.of("<default>")));
    assertThat(jobs).hasSize(branches);

    // when every branch completes at the same moment on its own thread
    ExecutorService pool = Executors.newFixedThreadPool(branches);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (ActivateJobs.ActivatedJob job : jobs) {
      done.add(
          pool.submit(
              () -> {
                go.await();
                engine.jobs.complete(job.job().key(), Map.of());
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    // then
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
    assertThat(engine.lifecycle(pi).stream().filter("Gateway_Join:ELEMENT_ACTIVATING"::equals))
        .hasSize(1);
    assertThat(
            engine
                .jdbc
                .sql(
                    "SELECT count(*) FROM engine.element_instance WHERE process_instance_key = :k"
                        + " AND element_id = 'Gateway_Join'")
                .param("k", pi)
                .query(Long.class)
                .single())
        .isEqualTo(1L);
  }
}
