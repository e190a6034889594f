package org.redress.config.logging;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Case and process context on log lines (README "Logs"). */
@Configuration(proxyBeanMethods = false)
public class LoggingConfiguration {

  @Bean
  FilterRegistrationBean<CaseLogContextFilter> caseLogContextFilter() {
    FilterRegistrationBean<CaseLogContextFilter> registration =
        new FilterRegistrationBean<>(new CaseLogContextFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10); // before Spring Security's chain
    return registration;
  }

  @Bean
  static JobLogContext jobLogContext() {
    return new JobLogContext();
  }
}
