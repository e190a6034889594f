/**
 * Start-up and shut-down of the app as clients see them (issue 8, points 6 and 7): the process
 * models are deployed before the web server accepts requests (embedded engine: in-process; cluster:
 * through the Camunda client, retried until the cluster answers, never ending the app); readiness
 * ({@code /actuator/health/readiness}) is UP only once they are deployed and start-up is over;
 * until then, and again while the app shuts down, writes to {@code /api/**} answer 503 problem
 * details with {@code Retry-After}.
 */
package org.redress.config.startup;
