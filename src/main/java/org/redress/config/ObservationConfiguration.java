package org.redress.config;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security observes every filter of every chain, every authentication and every
 * authorization once an observation registry exists (it does since the Prometheus metrics); each
 * observation becomes timers. On the engine's hot path that was about a sixth of the request
 * threads' CPU (JFR, {@code EngineBenchmark}), for metrics no dashboard uses. HTTP request metrics
 * ({@code http.server.requests}) and the engine's own metrics are not affected.
 *
 * <p>Engine API requests ({@code /v2/**}) are not observed as HTTP requests either: the engine
 * times each of them itself ({@code engine_commands_seconds} by command and outcome), and the HTTP
 * observation was another 6 % of the request threads' CPU on the engine's hot path.
 */
@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  ObservationPredicate noHttpObservationOfEngineApi() {
    return (name, context) ->
        !(context instanceof ServerRequestObservationContext request
            && request.getCarrier().getRequestURI().startsWith("/v2/"));
  }
}
