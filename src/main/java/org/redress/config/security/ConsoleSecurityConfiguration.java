package org.redress.config.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import org.redress.shared.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The staff console's filter chain ({@code /}, {@code /console/**} and the htmx WebJar), separate
 * from the stateless {@code /api} chain (ARCHITECTURE.md section 10).
 *
 * <p>Staff sign in with a form (the same accounts, passwords and roles as the API's HTTP Basic) and
 * keep a server session (idle timeout {@code server.servlet.session.timeout}). CSRF tokens live in
 * the session: forms carry them as {@code _csrf}, htmx sends them as the {@code X-CSRF-TOKEN}
 * header ({@code console/assets/console.js}). Pages are for staff only (not the moderation system's
 * integration account); AUDITOR is read-only, so any write from an auditor is refused here whatever
 * the page, and every page checks its own role again on the server.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

  /** Scripts from this origin only (no inline script); widgets set inline styles on the SVG. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data: blob:; font-src 'self' data:; object-src 'none';"
          + " frame-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'";

  static final String LOGIN_PAGE = "/console/login";

  private static final PathPatternRequestMatcher.Builder PATHS =
      PathPatternRequestMatcher.withDefaults();

  /** Who may open console pages at all. */
  private static final Role[] STAFF = {
    Role.REVIEWER, Role.SENIOR_REVIEWER, Role.FINANCE, Role.AUDITOR, Role.ADMIN
  };

  @Bean
  @Order(2)
  SecurityFilterChain consoleSecurity(HttpSecurity http, UserDetailsService staffUserDetailsService)
      throws Exception {
    AccessDeniedHandlerImpl denied = new AccessDeniedHandlerImpl();
    denied.setErrorPage("/console/denied");
    http.securityMatcher(
            new OrRequestMatcher(
                PATHS.matcher("/"), PATHS.matcher("/console/**"), PATHS.matcher("/webjars/**")))
        .authenticationManager(SecurityConfiguration.staffAuthentication(staffUserDetailsService))
        .httpBasic(AbstractHttpConfigurer::disable)
        .csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository()))
        .requestCache(
            cache -> {
              // After signing in, back to the page asked for (e.g. a case link from Tasklist),
              // never to an htmx fragment or a form's POST target.
              HttpSessionRequestCache pages = new HttpSessionRequestCache();
              pages.setRequestMatcher(
                  new AndRequestMatcher(
                      PATHS.matcher(HttpMethod.GET, "/console/**"),
                      new NegatedRequestMatcher(
                          new RequestHeaderRequestMatcher("HX-Request", "true"))));
              cache.requestCache(pages);
            })
        .sessionManagement(
            sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
        .formLogin(
            form ->
                form.loginPage(LOGIN_PAGE)
                    .loginProcessingUrl(LOGIN_PAGE)
                    .defaultSuccessUrl("/console", false)
                    .failureUrl(LOGIN_PAGE + "?error")
                    .permitAll())
        .logout(
            logout ->
                logout
                    .logoutRequestMatcher(PATHS.matcher(HttpMethod.POST, "/console/logout"))
                    .logoutSuccessUrl(LOGIN_PAGE + "?signedOut")
                    .deleteCookies("REDRESS_STAFF"))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .frameOptions(frames -> frames.sameOrigin())
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(entryPoint())
                    .accessDeniedHandler(
                        (request, response, e) -> {
                          if (e instanceof CsrfException && !request.isRequestedSessionIdValid()) {
                            // No session (or it expired, and its CSRF token with it): sign in.
                            response.sendRedirect(
                                request.getContextPath() + LOGIN_PAGE + "?expired");
                          } else {
                            denied.handle(request, response, e);
                          }
                        }))
        .authorizeHttpRequests(
            requests ->
                requests
                    .dispatcherTypeMatchers(
                        DispatcherType.FORWARD, DispatcherType.ERROR, DispatcherType.ASYNC)
                    .permitAll()
                    .requestMatchers(
                        PATHS.matcher("/webjars/**"),
                        PATHS.matcher("/console/assets/**"),
                        PATHS.matcher("/console/vendor/**"),
                        PATHS.matcher("/console/denied"),
                        PATHS.matcher(LOGIN_PAGE))
                    .permitAll()
                    .requestMatchers(PATHS.matcher(HttpMethod.GET, "/**"))
                    .access(staff())
                    .requestMatchers(PATHS.matcher(HttpMethod.HEAD, "/**"))
                    .access(staff())
                    .anyRequest()
                    .access(SecurityConfiguration.readOnlyAuditors(staff())));
    return http.build();
  }

  private static AuthorizationManager<RequestAuthorizationContext> staff() {
    return SecurityConfiguration.roles(STAFF);
  }

  /**
   * Pages redirect to the sign-in form; an htmx request (whose answer would be swapped into the
   * page) gets 401 with {@code HX-Redirect}, so the whole page goes to the sign-in form instead.
   */
  private static AuthenticationEntryPoint entryPoint() {
    LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> byRequest = new LinkedHashMap<>();
    byRequest.put(
        new RequestHeaderRequestMatcher("HX-Request", "true"),
        (request, response, e) -> {
          response.setHeader("HX-Redirect", request.getContextPath() + LOGIN_PAGE + "?expired");
          response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        });
    DelegatingAuthenticationEntryPoint entryPoint =
        new DelegatingAuthenticationEntryPoint(byRequest);
    entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE));
    return entryPoint;
  }
}
