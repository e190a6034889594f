package org.redress.config.startup;

import org.redress.shared.Readiness;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;

/**
 * Ready = the process models are deployed and Spring Boot's readiness state accepts traffic (it
 * does after start-up, when the job workers run and the demo data exists, and stops at the start of
 * shut-down).
 */
class AppReadiness implements Readiness {

  private final ProcessModelDeployment models;
  private final ApplicationAvailability availability;

  AppReadiness(ProcessModelDeployment models, ApplicationAvailability availability) {
    this.models = models;
    this.availability = availability;
  }

  @Override
  public boolean isReady() {
    return models.isDeployed()
        && availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
  }
}
