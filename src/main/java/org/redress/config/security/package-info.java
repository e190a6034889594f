/**
 * Spring Security of Redress (ARCHITECTURE.md section 7, README "Security and demo users"): three
 * stateless filter chains, for the engine API ({@code /v2/**}, {@code /actuator/clock/**}, {@code
 * /actuator/cluster/**}: internal client credential only), the Redress API ({@code /api/**}: staff
 * and integrations with HTTP Basic, appellants with case links, URL rules per role) and everything
 * else (health and API documentation public). Every 401 and 403 is a problem detail with a {@code
 * code}. The types features use live in {@code org.redress.shared.security}.
 */
package org.redress.config.security;
