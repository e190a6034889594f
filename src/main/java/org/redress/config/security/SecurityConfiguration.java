package org.redress.config.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.redress.shared.security.CaseAccess;
import org.redress.shared.security.CaseLinks;
import org.redress.shared.security.Role;
import org.redress.shared.security.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The three stateless filter chains of Redress and the beans features use ({@link StaffDirectory},
 * {@link CaseLinks}, {@link CaseAccess}). No sessions and no CSRF tokens: every request carries its
 * credential (HTTP Basic, a case link, or the engine client credential), so there is no session a
 * forged cross-site request could ride on. The appellant portal's pages and the staff console have
 * chains of their own ({@link PortalSecurityConfiguration}: case cookie and CSRF token; {@link
 * ConsoleSecurityConfiguration}: form login, server session and CSRF token).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

  /**
   * The case link key of demos ({@code redress.security.demo-users=true} without {@code
   * redress.security.case-link-secret}). Public, so anyone can forge demo links: never use it with
   * real cases.
   */
  static final String DEMO_CASE_LINK_SECRET = "redress-demo-case-link-secret--NOT-FOR-PRODUCTION";

  private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);

  private static final PathPatternRequestMatcher.Builder PATHS =
      PathPatternRequestMatcher.withDefaults();

  // ---- accounts and the beans features use ---------------------------------------------------

  @Bean
  StaffAccounts staffAccounts(SecurityProperties properties, EngineCredential engine) {
    StaffAccounts accounts = StaffAccounts.of(properties, engine.clientId());
    if (properties.demoUsers()) {
      LOG.warn(
          "Demo users are on (redress.security.demo-users=true) and their passwords are public:"
              + " never run this on a deployment with real cases. Accounts: {}",
          accounts.usernames());
    }
    return accounts;
  }

  @Bean
  StaffDirectory staffDirectory(StaffAccounts accounts) {
    return accounts.directory();
  }

  @Bean
  UserDetailsService staffUserDetailsService(StaffAccounts accounts) {
    return accounts.userDetailsService();
  }

  @Bean
  CaseLinks caseLinks(
      SecurityProperties properties,
      @Value("${redress.public-base-url:http://localhost:8080}") String publicBaseUrl,
      ObjectProvider<Clock> clock) {
    String secret = properties.caseLinkSecret();
    if (secret == null || secret.isBlank()) {
      if (!properties.demoUsers()) {
        throw new IllegalStateException(
            "Set redress.security.case-link-secret (at least "
                + CaseLinks.MIN_SECRET_BYTES
                + " bytes, e.g. `openssl rand -base64 48`): it signs the appellants' case links");
      }
      LOG.warn(
          "Case links are signed with the public demo key (no redress.security.case-link-secret):"
              + " anyone can forge them. Demo only.");
      secret = DEMO_CASE_LINK_SECRET;
    } else if (secret.equals(DEMO_CASE_LINK_SECRET) && !properties.demoUsers()) {
      throw new IllegalStateException(
          "redress.security.case-link-secret is the public demo key; choose a secret of your own");
    }
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    if (key.length < CaseLinks.MIN_SECRET_BYTES) {
      throw new IllegalStateException(
          "redress.security.case-link-secret must have at least "
              + CaseLinks.MIN_SECRET_BYTES
              + " bytes");
    }
    return new CaseLinks(key, publicBaseUrl, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  CaseAccess caseAccess() {
    return new CaseAccess();
  }

  /** No Spring MVC handler look-up in front of the filter chains (see the class). */
  @Bean
  static IntrospectorCacheFilterRemoval introspectorCacheFilterRemoval() {
    return new IntrospectorCacheFilterRemoval();
  }

  // ---- filter chains ---------------------------------------------------------------------------

  /** The engine API: internal client credential only (ARCHITECTURE.md section 7). */
  @Bean
  @Order(1)
  SecurityFilterChain engineApiSecurity(
      HttpSecurity http,
      EngineCredential credential,
      EngineClientProperties properties,
      ObjectMapper json)
      throws Exception {
    SecurityProblems problems =
        new SecurityProblems(
            json,
            "Redress engine",
            "The engine API needs the internal client credential (redress.engine.client-id and"
                + " client-secret) with HTTP Basic.");
    AuthenticationManager engineClient =
        authentication -> {
          if (credential.matches(
              authentication.getName(), String.valueOf(authentication.getCredentials()))) {
            return UsernamePasswordAuthenticationToken.authenticated(
                credential.clientId(),
                null,
                AuthorityUtils.createAuthorityList(EngineAccess.ENGINE_CLIENT));
          }
          throw new BadCredentialsException("Not the engine client credential");
        };
    stateless(http, problems)
        .securityMatcher(
            new OrRequestMatcher(
                PATHS.matcher("/v2/**"),
                PATHS.matcher("/actuator/clock/**"),
                PATHS.matcher("/actuator/cluster/**")))
        .authenticationManager(engineClient)
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .authorizeHttpRequests(
            requests ->
                requests
                    .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                    .permitAll()
                    .anyRequest()
                    .access(new EngineAccess(properties.api().allowAnonymousLoopback())));
    return http.build();
  }

  /** The Redress API: staff and integrations with HTTP Basic, appellants with case links. */
  @Bean
  @Order(2)
  SecurityFilterChain redressApiSecurity(
      HttpSecurity http,
      UserDetailsService staffUserDetailsService,
      CaseLinks caseLinks,
      ObjectMapper json)
      throws Exception {
    SecurityProblems problems =
        new SecurityProblems(
            json,
            "Redress",
            "Staff and integrations sign in with HTTP Basic; appellants open the case link of"
                + " their notice.");
    stateless(http, problems)
        .securityMatcher(PATHS.matcher("/api/**"))
        .authenticationManager(staffAuthentication(staffUserDetailsService))
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .addFilterBefore(
            new CaseLinkAuthenticationFilter(caseLinks, problems), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(
            requests ->
                requests
                    .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(PATHS.matcher(HttpMethod.POST, "/api/suspensions"))
                    .access(readOnlyAuditors(roles(Role.INTEGRATION)))
                    .requestMatchers(PATHS.matcher("/api/cases/{caseId}/history/**"))
                    .access(readOnlyAuditors(roles(Role.AUDITOR, Role.ADMIN)))
                    .requestMatchers(
                        PATHS.matcher(
                            HttpMethod.GET,
                            "/api/cases/{caseId}/appeals/{appealId}/attachments/{number}"))
                    .access(caseReaders())
                    .requestMatchers(PATHS.matcher("/api/cases/{caseId}/appeals/**"))
                    .access(roles(Role.APPELLANT))
                    .requestMatchers(PATHS.matcher(HttpMethod.GET, "/api/cases/{caseId}"))
                    .access(caseReaders())
                    .requestMatchers(PATHS.matcher("/api/review/**"))
                    .access(readOnlyAuditors(roles(Role.REVIEWER, Role.SENIOR_REVIEWER)))
                    .requestMatchers(PATHS.matcher("/api/finance/**"))
                    .access(readOnlyAuditors(roles(Role.FINANCE)))
                    .anyRequest()
                    .access(readOnlyAuditors(AuthenticatedAuthorizationManager.authenticated())));
    return http.build();
  }

  /**
   * Everything else: health and the API documentation are public, other actuator endpoints are for
   * admins, the rest needs a staff account. The staff console's pages have a chain of their own
   * ({@link ConsoleSecurityConfiguration}: form login, session, CSRF token).
   */
  @Bean
  @Order(3)
  SecurityFilterChain defaultSecurity(
      HttpSecurity http, UserDetailsService staffUserDetailsService, ObjectMapper json)
      throws Exception {
    SecurityProblems problems =
        new SecurityProblems(json, "Redress", "Sign in with a staff account (HTTP Basic).");
    stateless(http, problems)
        .authenticationManager(staffAuthentication(staffUserDetailsService))
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .authorizeHttpRequests(
            requests ->
                requests
                    .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(
                        PATHS.matcher("/actuator/health/**"),
                        PATHS.matcher("/v3/api-docs/**"),
                        PATHS.matcher("/swagger-ui/**"),
                        PATHS.matcher("/swagger-ui.html"),
                        PATHS.matcher("/error"))
                    .permitAll()
                    .requestMatchers(PATHS.matcher("/actuator/**"))
                    .access(roles(Role.ADMIN))
                    .anyRequest()
                    .authenticated());
    return http.build();
  }

  private static HttpSecurity stateless(HttpSecurity http, SecurityProblems problems)
      throws Exception {
    return http.csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
  }

  /**
   * BCrypt-checked staff accounts; unknown names cost a hash check too (no user enumeration). A
   * matching password is remembered for five minutes ({@link VerifiedPasswordCache}).
   */
  static AuthenticationManager staffAuthentication(UserDetailsService users) {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
    provider.setPasswordEncoder(
        new VerifiedPasswordCache(
            PasswordEncoderFactories.createDelegatingPasswordEncoder(), Duration.ofMinutes(5)));
    return new ProviderManager(provider);
  }

  static AuthorizationManager<RequestAuthorizationContext> roles(Role... roles) {
    String[] names = new String[roles.length];
    for (int i = 0; i < roles.length; i++) {
      names[i] = roles[i].name();
    }
    return AuthorityAuthorizationManager.hasAnyRole(names);
  }

  /** GET /api/cases/{id}: the appellant of the case (the filter checked the id) or case readers. */
  private static AuthorizationManager<RequestAuthorizationContext> caseReaders() {
    Set<Role> allowed = EnumSet.copyOf(CaseAccess.CASE_READERS);
    allowed.add(Role.APPELLANT);
    return roles(allowed.toArray(Role[]::new));
  }

  /** AUDITOR is read-only: any request but GET, HEAD and OPTIONS from an auditor is refused. */
  static AuthorizationManager<RequestAuthorizationContext> readOnlyAuditors(
      AuthorizationManager<RequestAuthorizationContext> rule) {
    return new AuthorizationManager<>() {
      @Override
      public AuthorizationDecision check(
          Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        if (!isSafe(context.getRequest().getMethod())
            && Role.of(authentication.get()).contains(Role.AUDITOR)) {
          return new AuthorizationDecision(false);
        }
        return rule.check(authentication, context);
      }
    };
  }

  private static boolean isSafe(String method) {
    return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
  }
}
