package org.redress.config.security;

import java.util.List;
import java.util.Set;
import org.redress.shared.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code redress.security.*}.
 *
 * @param demoUsers add the demo accounts of {@link DemoUsers} (README lists their passwords); for
 *     local demos only, turn off everywhere else
 * @param users staff and machine accounts; one with a demo account's username replaces it
 * @param caseLinkSecret the HMAC key of case links, at least 32 bytes (UTF-8); required when demo
 *     users are off, otherwise a public demo key is used and a warning logged
 */
@ConfigurationProperties("redress.security")
public record SecurityProperties(
    @DefaultValue("true") boolean demoUsers, List<User> users, String caseLinkSecret) {

  public SecurityProperties {
    users = users == null ? List.of() : List.copyOf(users);
  }

  /**
   * One account of {@code redress.security.users[n]}.
   *
   * @param username login name
   * @param passwordHash BCrypt hash of the password ({@code $2a$10$...}, optionally prefixed with
   *     {@code {bcrypt}}); never the password itself
   * @param roles any of the roles but APPELLANT
   * @param displayName shown instead of the username (defaults to it)
   * @param automated true for machine accounts (e.g. the moderation system): never a decider
   */
  public record User(
      String username,
      String passwordHash,
      Set<Role> roles,
      String displayName,
      @DefaultValue("false") boolean automated) {}
}
