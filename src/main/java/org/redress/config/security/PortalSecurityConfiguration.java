package org.redress.config.security;

import jakarta.servlet.DispatcherType;
import org.redress.shared.security.CaseLinks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The appellant portal's filter chain ({@code /case/**} pages, {@code /portal/**} assets and
 * problem pages), separate from the stateless {@code /api} chain (ARCHITECTURE.md section 10).
 *
 * <p>No server session: the case link's token is exchanged for an {@code HttpOnly}, {@code
 * SameSite=Strict} cookie scoped to {@code /case/<caseId>} ({@link PortalCaseCookieFilter}), which
 * signs in every later request. CSRF protection is Spring's, with a token bound to that cookie
 * ({@link CaseCookieCsrfTokenRepository}): an HMAC of the cookie under the link secret, so nothing
 * is stored, a forged request cannot know it, and it changes with every new link.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

  /** Pages: no script at all; styles and images from this origin only; forms post here only. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  private static final PathPatternRequestMatcher.Builder PATHS =
      PathPatternRequestMatcher.withDefaults();

  @Bean
  @Order(2)
  SecurityFilterChain portalSecurity(HttpSecurity http, CaseLinks caseLinks) throws Exception {
    http.securityMatcher(
            new OrRequestMatcher(PATHS.matcher("/case/**"), PATHS.matcher("/portal/**")))
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .anonymous(AbstractHttpConfigurer::disable)
        .csrf(csrf -> csrf.csrfTokenRepository(new CaseCookieCsrfTokenRepository(caseLinks)))
        .addFilterBefore(new PortalCaseCookieFilter(caseLinks), CsrfFilter.class)
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(
                        (request, response, e) ->
                            PortalCaseCookieFilter.problem(
                                request, response, 401, PortalCaseCookieFilter.LINK_NEEDED))
                    .accessDeniedHandler(
                        (request, response, e) -> {
                          if (e instanceof CsrfException) {
                            PortalCaseCookieFilter.problem(request, response, 403, "form-expired");
                          } else {
                            PortalCaseCookieFilter.problem(request, response, 404, "not-found");
                          }
                        }))
        .authorizeHttpRequests(
            requests ->
                requests
                    .dispatcherTypeMatchers(
                        DispatcherType.FORWARD, DispatcherType.ERROR, DispatcherType.ASYNC)
                    .permitAll()
                    .requestMatchers(PATHS.matcher("/portal/**"))
                    .permitAll()
                    .anyRequest()
                    .hasRole("APPELLANT"));
    return http.build();
  }
}
