package org.redress.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security observes every filter of every chain, every authentication and every
 * authorization once an observation registry exists (it does since the Prometheus metrics); each
 * observation becomes timers. On the engine's hot path that was about a sixth of the request
 * threads' CPU (JFR, {@code EngineBenchmark}), for metrics no dashboard uses. HTTP request metrics
 * ({@code http.server.requests}) and the engine's own metrics are not affected.
 */
@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }
}
