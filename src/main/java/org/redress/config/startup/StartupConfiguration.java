package org.redress.config.startup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import org.redress.engine.LocalDeployments;
import org.redress.shared.Readiness;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires deployment, readiness and the gate (see the package documentation). */
@Configuration(proxyBeanMethods = false)
class StartupConfiguration {

  /** Before Spring Security's filters (-100): a starting app answers 503 whoever asks. */
  static final int GATE_ORDER = -110;

  @Bean
  ProcessModelDeployment processModelDeployment(
      @Value("${camunda.client.deployment.enabled:true}") boolean enabled,
      ObjectProvider<LocalDeployments> local,
      ObjectProvider<CamundaClient> client) {
    return new ProcessModelDeployment(enabled, local, client, Duration.ofSeconds(30));
  }

  @Bean
  Readiness readiness(ProcessModelDeployment models, ApplicationAvailability availability) {
    return new AppReadiness(models, availability);
  }

  /** {@code processModels} in {@code /actuator/health} and its readiness group. */
  @Bean
  HealthIndicator processModelsHealthIndicator(ProcessModelDeployment models) {
    return () ->
        models.isDeployed()
            ? Health.up().build()
            : Health.outOfService().withDetail("reason", models.lastError()).build();
  }

  @Bean
  ReadinessGate readinessGate(Readiness readiness, ObjectMapper json) {
    return new ReadinessGate(readiness, json);
  }

  @Bean
  FilterRegistrationBean<ReadinessGate> readinessGateRegistration(ReadinessGate gate) {
    FilterRegistrationBean<ReadinessGate> registration = new FilterRegistrationBean<>(gate);
    registration.setOrder(GATE_ORDER);
    registration.addUrlPatterns("/api/*");
    return registration;
  }
}
