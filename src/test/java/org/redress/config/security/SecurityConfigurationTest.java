package org.redress.config.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.redress.shared.security.Role;
import org.redress.shared.security.StaffDirectory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Start-up checks of accounts and credentials, and the engine API's access rule. */
class SecurityConfigurationTest {

  private static final String HASH = "$2a$10$FqepoeezvVAAfDW/AuvntO3S8pzB/842bxF7eE9.FeagwGmoITYSm";

  @Test
  void shouldListDemoAndConfiguredAccountsWhenDemoUsersAreOn() {
    // given
    SecurityProperties properties =
        new SecurityProperties(
            true,
            List.of(user("jane", HASH, Set.of(Role.REVIEWER)), user("alice", HASH, Set.of())),
            null);

    // when a configured account without roles replaces the demo alice
    assertThatThrownBy(() -> StaffAccounts.of(properties, "redress-engine"))
        .hasMessageContaining("'alice' needs at least one role");

    // when
    StaffDirectory directory =
        StaffAccounts.of(
                new SecurityProperties(
                    true, List.of(user("jane", "{bcrypt}" + HASH, Set.of(Role.REVIEWER))), null),
                "redress-engine")
            .directory();

    // then
    assertThat(directory.isPerson("jane")).isTrue();
    assertThat(directory.isPerson("carol")).isTrue();
    assertThat(directory.find("carol").orElseThrow().roles())
        .containsExactlyInAnyOrder(Role.SENIOR_REVIEWER, Role.REVIEWER);
    assertThat(directory.isAutomated("moderation-system")).isTrue();
  }

  @Test
  void shouldHaveNoDemoAccountsWhenDemoUsersAreOff() {
    StaffDirectory directory =
        StaffAccounts.of(new SecurityProperties(false, List.of(), null), "x").directory();
    assertThat(directory.members()).isEmpty();
  }

  @Test
  void shouldRefuseStartWhenAnAccountIsMisconfigured() {
    assertThatThrownBy(() -> accounts(user("jane", "plain-password", Set.of(Role.REVIEWER))))
        .hasMessageContaining("BCrypt");
    assertThatThrownBy(() -> accounts(user("jane", HASH, Set.of(Role.APPELLANT))))
        .hasMessageContaining("APPELLANT");
    assertThatThrownBy(() -> accounts(user("redress-engine", HASH, Set.of(Role.ADMIN))))
        .hasMessageContaining("engine client");
    assertThatThrownBy(() -> accounts(user("a:b", HASH, Set.of(Role.ADMIN))))
        .hasMessageContaining("without ':'");
    assertThatThrownBy(
            () ->
                accounts(
                    user("jane", HASH, Set.of(Role.ADMIN)), user("jane", HASH, Set.of(Role.ADMIN))))
        .hasMessageContaining("twice");
  }

  @Test
  void shouldMatchEngineCredentialOnlyWhenNameAndSecretAreRight() {
    // given
    EngineCredential credential =
        EngineCredential.of(
            new EngineClientProperties("engine", "s3cret", new EngineClientProperties.Api(false)));

    // then
    assertThat(credential.matches("engine", "s3cret")).isTrue();
    assertThat(credential.matches("engine", "s3cret ")).isFalse();
    assertThat(credential.matches("other", "s3cret")).isFalse();
    assertThat(credential.matches("engine", null)).isFalse();
    assertThat(credential.generated()).isFalse();
    assertThat(credential.toString()).doesNotContain("s3cret");
  }

  @Test
  void shouldSendEngineCredentialWhenAppsOwnClientCallsTheEngine() throws Exception {
    // given
    EngineCredential credential =
        EngineCredential.of(
            new EngineClientProperties("engine", "s3cret", new EngineClientProperties.Api(false)));
    Map<String, String> headers = new HashMap<>();

    // when
    new EngineClientConfiguration()
        .engineClientCredentialsProvider(credential)
        .applyCredentials(headers::put);

    // then
    assertThat(headers)
        .containsEntry(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("engine:s3cret".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shouldGenerateARandomSecretWhenNoneIsConfigured() {
    EngineClientProperties properties =
        new EngineClientProperties("engine", null, new EngineClientProperties.Api(false));
    EngineCredential one = EngineCredential.of(properties);
    EngineCredential two = EngineCredential.of(properties);
    assertThat(one.generated()).isTrue();
    assertThat(one.secret()).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(two.secret());
  }

  @Test
  void shouldAdmitAnonymousLoopbackRequestsOnlyWhenAllowed() {
    Authentication anonymous =
        new AnonymousAuthenticationToken(
            "key", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    assertThat(granted(new EngineAccess(true), anonymous, "127.0.0.1", false)).isTrue();
    assertThat(granted(new EngineAccess(true), anonymous, "0:0:0:0:0:0:0:1", false)).isTrue();
    assertThat(granted(new EngineAccess(true), anonymous, "10.0.0.7", false)).isFalse();
    assertThat(granted(new EngineAccess(true), anonymous, "127.0.0.1", true)).isFalse();
    assertThat(granted(new EngineAccess(true), anonymous, "localhost", false)).isFalse();
    assertThat(granted(new EngineAccess(false), anonymous, "127.0.0.1", false)).isFalse();
  }

  @Test
  void shouldAdmitEngineClientFromAnywhere() {
    TestingAuthenticationToken client =
        new TestingAuthenticationToken("engine", null, EngineAccess.ENGINE_CLIENT);
    TestingAuthenticationToken staff =
        new TestingAuthenticationToken("admin", null, Role.ADMIN.authority());
    assertThat(granted(new EngineAccess(false), client, "10.0.0.7", true)).isTrue();
    assertThat(granted(new EngineAccess(false), staff, "127.0.0.1", true)).isFalse();
  }

  private static boolean granted(
      EngineAccess access, Authentication authentication, String remote, boolean withHeader) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v2/topology");
    request.setRemoteAddr(remote);
    if (withHeader) {
      request.addHeader("Authorization", "Basic eDp5");
    }
    return access.check(() -> authentication, new RequestAuthorizationContext(request)).isGranted();
  }

  private static StaffAccounts accounts(SecurityProperties.User... users) {
    return StaffAccounts.of(new SecurityProperties(false, List.of(users), null), "redress-engine");
  }

  private static SecurityProperties.User user(String name, String hash, Set<Role> roles) {
    return new SecurityProperties.User(name, hash, roles, null, false);
  }
}
