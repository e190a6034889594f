/**
 * The edges of the HTTP APIs outside the controllers: every error of {@code /api/**} and {@code
 * /v2/**} is a problem detail with a {@code code}, whichever layer raised it (Spring MVC before a
 * controller is chosen, the servlet container's error page, Spring Security's firewall, Tomcat's
 * own limits); other paths keep Spring Boot's error pages.
 */
package org.redress.config.web;
