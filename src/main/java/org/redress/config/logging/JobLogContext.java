package org.redress.config.logging;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.bean.MethodInfo;
import io.camunda.client.jobhandling.parameter.ParameterResolver;
import io.camunda.client.jobhandling.parameter.ParameterResolverStrategy;
import io.camunda.client.jobhandling.result.ResultProcessor;
import io.camunda.client.jobhandling.result.ResultProcessorContext;
import io.camunda.client.jobhandling.result.ResultProcessorStrategy;
import org.slf4j.MDC;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Puts the job's {@code processInstanceKey} and {@code caseId} (the process variable, when the job
 * carries it) on the log lines a {@code @JobWorker} writes. The Camunda starter resolves a worker's
 * parameters on the thread that then runs it, and processes its result on the same thread after it
 * returned: the starter's own strategies are wrapped to set the context at the first and clear it
 * at the second (a worker that throws leaves it until the thread's next job overwrites it).
 */
public class JobLogContext implements BeanPostProcessor {

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof ParameterResolverStrategy parameters) {
      return (ParameterResolverStrategy)
          info -> {
            ParameterResolver resolver = parameters.createResolver(info);
            return (client, job) -> {
              enter(job);
              return resolver.resolve(client, job);
            };
          };
    }
    if (bean instanceof ResultProcessorStrategy results) {
      return new ResultProcessorStrategy() {
        @Override
        public ResultProcessor createProcessor(MethodInfo info) {
          return clearingAfter(results.createProcessor(info));
        }

        @Override
        public ResultProcessor createProcessor(Class<?> resultType) {
          return clearingAfter(results.createProcessor(resultType));
        }
      };
    }
    return bean;
  }

  private static ResultProcessor clearingAfter(ResultProcessor processor) {
    return new ResultProcessor() {
      @Override
      public Object process(ResultProcessorContext context) {
        try {
          return processor.process(context);
        } finally {
          leave();
        }
      }

      @Override
      @SuppressWarnings("deprecation")
      public Object process(Object result) {
        try {
          return processor.process(result);
        } finally {
          leave();
        }
      }
    };
  }

  static void enter(ActivatedJob job) {
    MDC.put(LogContext.PROCESS_INSTANCE_KEY, Long.toString(job.getProcessInstanceKey()));
    Object caseId = caseIdOf(job);
    if (caseId != null) {
      MDC.put(LogContext.CASE_ID, caseId.toString());
    } else {
      MDC.remove(LogContext.CASE_ID);
    }
  }

  static void leave() {
    MDC.remove(LogContext.PROCESS_INSTANCE_KEY);
    MDC.remove(LogContext.CASE_ID);
  }

  private static Object caseIdOf(ActivatedJob job) {
    try {
      return job.getVariablesAsMap().get(LogContext.CASE_ID);
    } catch (RuntimeException e) {
      return null; // variables that are not a JSON object: no case to name
    }
  }
}
