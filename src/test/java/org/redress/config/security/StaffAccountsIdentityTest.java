package org.redress.config.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.redress.shared.security.Role;
import org.redress.shared.security.StaffDirectory;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Accounts are one person per canonical username: at start, at sign-in and in the directory. */
class StaffAccountsIdentityTest {

  private static final String HASH = "$2a$10$FqepoeezvVAAfDW/AuvntO3S8pzB/842bxF7eE9.FeagwGmoITYSm";

  @Test
  void shouldRefuseToStartWhenTwoUsernamesDifferOnlyInLetterCase() {
    // given
    SecurityProperties properties =
        new SecurityProperties(false, List.of(user("Eve"), user("eve")), null);

    // when / then
    assertThatThrownBy(() -> StaffAccounts.of(properties, "redress-engine"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'eve' is configured twice");
  }

  @Test
  void shouldRefuseToStartWhenUsernamesDifferOnlyInWidthOrSpaces() {
    assertThatThrownBy(
            () ->
                StaffAccounts.of(
                    new SecurityProperties(false, List.of(user("ｅｖｅ"), user("EVE")), null),
                    "redress-engine"))
        .hasMessageContaining("configured twice");
    assertThatThrownBy(
            () ->
                StaffAccounts.of(
                    new SecurityProperties(false, List.of(user(" eve")), null), "redress-engine"))
        .hasMessageContaining("spaces");
    assertThatThrownBy(
            () ->
                StaffAccounts.of(
                    new SecurityProperties(false, List.of(user("Redress-Engine")), null),
                    "redress-engine"))
        .hasMessageContaining("engine client");
  }

  @Test
  void shouldReplaceTheDemoAccountWhenAConfiguredNameDiffersOnlyInCase() {
    // given demo users on and a configured "Bob"
    StaffAccounts accounts =
        StaffAccounts.of(new SecurityProperties(true, List.of(user("Bob")), null), "engine");

    // when
    StaffDirectory directory = accounts.directory();

    // then there is one bob: the configured one, found by any spelling
    assertThat(directory.members())
        .filteredOn(m -> m.username().equalsIgnoreCase("bob"))
        .hasSize(1);
    assertThat(directory.find("BOB").orElseThrow().username()).isEqualTo("Bob");
    assertThat(directory.accountName("bob")).isEqualTo("Bob");
    assertThat(directory.accountName("Kate (moderator)")).isEqualTo("Kate (moderator)");
  }

  @Test
  void shouldSignInAsTheConfiguredAccountWhenTheNameIsSpelledDifferently() {
    // given
    UserDetailsService users =
        StaffAccounts.of(new SecurityProperties(true, List.of(), null), "engine")
            .userDetailsService();

    // when / then: the principal's name is the username as configured
    assertThat(users.loadUserByUsername("BOB").getUsername()).isEqualTo("bob");
    assertThat(users.loadUserByUsername("ｂｏｂ").getUsername()).isEqualTo("bob");
    assertThat(users.loadUserByUsername("bob").getPassword()).startsWith("{bcrypt}");
    assertThatThrownBy(() -> users.loadUserByUsername("bobby"))
        .isInstanceOf(UsernameNotFoundException.class);
  }

  private static SecurityProperties.User user(String name) {
    return new SecurityProperties.User(name, HASH, Set.of(Role.REVIEWER), null, false);
  }
}
