package org.redress.config.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.bean.MethodInfo;
import io.camunda.client.bean.ParameterInfo;
import io.camunda.client.jobhandling.parameter.ParameterResolver;
import io.camunda.client.jobhandling.parameter.ParameterResolverStrategy;
import io.camunda.client.jobhandling.result.ResultProcessor;
import io.camunda.client.jobhandling.result.ResultProcessorContext;
import io.camunda.client.jobhandling.result.ResultProcessorStrategy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class JobLogContextTest {

  private final JobLogContext context = new JobLogContext();

  @AfterEach
  void clearMdc() {
    MDC.clear();
  }

  @Test
  void shouldNameCaseAndInstanceWhileWorkerRunsAndForgetThemAfterItsResult() {
    // given the starter's strategies, wrapped
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getProcessInstanceKey()).thenReturn(2251799813685249L);
    when(job.getVariablesAsMap()).thenReturn(Map.of("caseId", "c-42"));
    AtomicReference<String> seenByResult = new AtomicReference<>();
    ParameterResolverStrategy parameters = info -> (client, j) -> "resolved";
    ResultProcessorStrategy results =
        new ResultProcessorStrategy() {
          @Override
          public ResultProcessor createProcessor(MethodInfo info) {
            return new ResultProcessor() {
              @Override
              public Object process(ResultProcessorContext ctx) {
                seenByResult.set(MDC.get("caseId"));
                return "done";
              }
            };
          }
        };
    var wrappedParameters =
        (ParameterResolverStrategy) context.postProcessAfterInitialization(parameters, "p");
    var wrappedResults =
        (ResultProcessorStrategy) context.postProcessAfterInitialization(results, "r");
    ParameterResolver resolver = wrappedParameters.createResolver(mock(ParameterInfo.class));
    ResultProcessor processor = wrappedResults.createProcessor(mock(MethodInfo.class));

    // when the worker's parameters are resolved
    Object value = resolver.resolve(null, job);

    // then the worker's log lines carry the case and the instance
    assertThat(value).isEqualTo("resolved");
    assertThat(MDC.get("caseId")).isEqualTo("c-42");
    assertThat(MDC.get("processInstanceKey")).isEqualTo("2251799813685249");

    // when its result is processed, then both are gone
    assertThat(processor.process(mock(ResultProcessorContext.class))).isEqualTo("done");
    assertThat(seenByResult).hasValue("c-42");
    assertThat(MDC.get("caseId")).isNull();
    assertThat(MDC.get("processInstanceKey")).isNull();
  }

  @Test
  void shouldDropPreviousCaseWhenNextJobHasNoCaseId() {
    // given a thread whose previous job named a case
    MDC.put("caseId", "c-old");
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getProcessInstanceKey()).thenReturn(7L);
    when(job.getVariablesAsMap()).thenReturn(Map.of());
    ParameterResolverStrategy parameters = info -> (client, j) -> null;
    var wrapped =
        (ParameterResolverStrategy) context.postProcessAfterInitialization(parameters, "p");

    // when
    wrapped.createResolver(mock(ParameterInfo.class)).resolve(null, job);

    // then
    assertThat(MDC.get("caseId")).isNull();
    assertThat(MDC.get("processInstanceKey")).isEqualTo("7");
  }

  @Test
  void shouldLeaveOtherBeansAlone() {
    Object bean = new Object();
    assertThat(context.postProcessAfterInitialization(bean, "other")).isSameAs(bean);
  }
}
