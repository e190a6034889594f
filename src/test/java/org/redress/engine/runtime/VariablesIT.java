package org.redress.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redress.engine.EngineHarness;
import org.redress.engine.command.ActivateJobs;

/** The set-variables command: local merge versus propagation (engine-semantics §3.6). */
class VariablesIT {

  private final EngineHarness engine = new EngineHarness();
  private final String id = "p" + UUID.randomUUID().toString().replace("-", "");

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void shouldUpdateOuterVariableOrCreateAtRootWhenSetWithoutLocal() {
    // given a task scope (with local `bar`) inside the process scope (with `foo`)
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(id + "-job").zeebeInput("1", "bar"))
            .endEvent()
            .done());
    long pi = engine.start(id, Map.of("foo", 2));
    ActivateJobs.ActivatedJob job = engine.activate(id + "-job");
    long taskScope = job.job().elementInstanceKey();

    // when
    engine.instances.setVariables(taskScope, Map.of("foo", 5, "bar", 7, "baz", 9), false);

    // then foo updated where it lives, bar updated locally, baz created at the root
    assertThat(engine.variables(pi)).containsEntry("foo", 5L).containsEntry("baz", 9L);
    assertThat(engine.variables(pi)).doesNotContainKey("bar");
    assertThat(engine.variables(taskScope)).containsExactlyEntriesOf(Map.of("bar", 7L));
  }

  @Test
  void shouldShadowOuterVariableWhenSetLocally() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(id + "-job"))
            .endEvent()
            .done());
    long pi = engine.start(id, Map.of("foo", 2));
    ActivateJobs.ActivatedJob job = engine.activate(id + "-job");

    // when
    engine.instances.setVariables(job.job().elementInstanceKey(), Map.of("foo", 5), true);

    // then the job sees the local value, the process keeps its own
    engine.jobs.fail(job.job().key(), 1, "retry", java.time.Duration.ZERO, Map.of());
    assertThat(engine.activate(id + "-job").variables()).containsEntry("foo", "5");
    assertThat(engine.variables(pi)).containsEntry("foo", 2L);
  }
}
