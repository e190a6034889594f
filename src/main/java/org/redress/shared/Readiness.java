package org.redress.shared;

/**
 * Whether the app takes work: the process models are deployed, the job workers run and start-up is
 * over (readiness probe {@code /actuator/health/readiness} UP); false again while the app shuts
 * down. Work that would reach the engine waits for it: nothing is accepted that the workflow cannot
 * carry out yet.
 */
public interface Readiness {

  boolean isReady();
}
