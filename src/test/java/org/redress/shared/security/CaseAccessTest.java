package org.redress.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

class CaseAccessTest {

  private final CaseAccess access = new CaseAccess();

  @Test
  void shouldLetAppellantReadOnlyTheirOwnCase() {
    // given
    Authentication appellant = appellant("case-1");

    // then
    assertThatCode(() -> access.check(appellant, "case-1")).doesNotThrowAnyException();
    assertThatThrownBy(() -> access.check(appellant, "case-2"))
        .isInstanceOfSatisfying(
            CaseNotFoundException.class,
            e -> {
              assertThat(e.code()).isEqualTo("CASE_NOT_FOUND");
              assertThat(e.caseId()).isEqualTo("case-2");
            });
  }

  @Test
  void shouldLetCaseReadingStaffReadAnyCase() {
    for (Role role : CaseAccess.CASE_READERS) {
      assertThatCode(() -> access.check(staff(role), "case-7")).doesNotThrowAnyException();
    }
  }

  @Test
  void shouldDenyIntegrationWhenItReadsACase() {
    assertThatThrownBy(() -> access.check(staff(Role.INTEGRATION), "case-7"))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void shouldAskForSignInWhenNobodyIsSignedIn() {
    Authentication anonymous =
        new AnonymousAuthenticationToken(
            "key", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    assertThatThrownBy(() -> access.check(anonymous, "case-7"))
        .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    assertThatThrownBy(() -> access.check(null, "case-7"))
        .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
  }

  @Test
  void shouldTellPeopleFromMachinesWhenDirectoryIsAsked() {
    // given
    StaffDirectory directory =
        new StaffDirectory(
            List.of(
                new StaffMember("alice", "Alice Adams", Set.of(Role.REVIEWER), false),
                new StaffMember("moderation-system", null, Set.of(Role.INTEGRATION), true)));

    // then
    assertThat(directory.isPerson("alice")).isTrue();
    assertThat(directory.isPerson("moderation-system")).isFalse();
    assertThat(directory.isAutomated("moderation-system")).isTrue();
    assertThat(directory.isPerson("account:42")).isFalse();
    assertThat(directory.isKnown("nobody")).isFalse();
    assertThat(directory.displayName("alice")).isEqualTo("Alice Adams");
    assertThat(directory.displayName("moderation-system")).isEqualTo("moderation-system");
    assertThat(directory.displayName("nobody")).isEqualTo("nobody");
  }

  @Test
  void shouldRefuseAppellantRoleWhenStaffMemberIsCreated() {
    assertThatThrownBy(() -> new StaffMember("x", "X", Set.of(Role.APPELLANT), false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Authentication appellant(String caseId) {
    AppellantPrincipal principal = new AppellantPrincipal(caseId, "account-1");
    TestingAuthenticationToken token =
        new TestingAuthenticationToken(principal, null, Role.APPELLANT.authority());
    token.setAuthenticated(true);
    return token;
  }

  private static Authentication staff(Role role) {
    TestingAuthenticationToken token = new TestingAuthenticationToken("u", null, role.authority());
    token.setAuthenticated(true);
    return token;
  }
}
