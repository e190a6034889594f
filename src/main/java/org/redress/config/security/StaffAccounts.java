package org.redress.config.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.redress.shared.security.Identities;
import org.redress.shared.security.Role;
import org.redress.shared.security.StaffDirectory;
import org.redress.shared.security.StaffMember;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The staff and machine accounts of this run: the demo accounts (when on), then {@code
 * redress.security.users}, which replace demo accounts of the same name. Checked at start-up, so a
 * typo fails the start instead of locking someone out later.
 *
 * <p>Usernames are one person per {@link Identities#canonical canonical form}: sign-in looks the
 * name up in that form (so {@code BOB} signs in as {@code bob}, and the principal's name is the
 * username as configured), and two configured accounts that differ only in it are refused.
 */
final class StaffAccounts {

  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");
  private static final String BCRYPT_PREFIX = "{bcrypt}";

  private final List<SecurityProperties.User> users;

  private StaffAccounts(List<SecurityProperties.User> users) {
    this.users = List.copyOf(users);
  }

  static StaffAccounts of(SecurityProperties properties, String engineClientId) {
    Map<String, SecurityProperties.User> byName = new LinkedHashMap<>();
    if (properties.demoUsers()) {
      for (SecurityProperties.User demo : DemoUsers.all()) {
        byName.put(Identities.canonical(demo.username()), demo);
      }
    }
    List<String> configured = new ArrayList<>();
    for (SecurityProperties.User user : properties.users()) {
      validate(user, engineClientId);
      String canonical = Identities.canonical(user.username());
      if (configured.contains(canonical)) {
        throw invalid(
            user,
            "is configured twice (usernames that differ only in letter case, width or surrounding"
                + " spaces name the same person)");
      }
      configured.add(canonical);
      byName.put(canonical, user);
    }
    return new StaffAccounts(new ArrayList<>(byName.values()));
  }

  private static void validate(SecurityProperties.User user, String engineClientId) {
    if (user.username() == null || user.username().isBlank() || user.username().contains(":")) {
      throw new IllegalStateException(
          "redress.security.users: every account needs a username without ':'");
    }
    if (!user.username().equals(user.username().strip())) {
      throw invalid(user, "has leading or trailing spaces");
    }
    if (Identities.same(user.username(), engineClientId)) {
      throw invalid(user, "has the name of the engine client (redress.engine.client-id)");
    }
    if (user.passwordHash() == null
        || !BCRYPT.matcher(stripPrefix(user.passwordHash())).matches()) {
      throw invalid(
          user, "needs password-hash, a BCrypt hash such as $2a$10$... (not the password itself)");
    }
    if (user.roles() == null || user.roles().isEmpty()) {
      throw invalid(user, "needs at least one role");
    }
    if (user.roles().contains(Role.APPELLANT)) {
      throw invalid(user, "cannot have role APPELLANT: appellants sign in with case links");
    }
  }

  private static IllegalStateException invalid(SecurityProperties.User user, String problem) {
    return new IllegalStateException(
        "redress.security.users: account '" + user.username() + "' " + problem);
  }

  private static String stripPrefix(String hash) {
    return hash.startsWith(BCRYPT_PREFIX) ? hash.substring(BCRYPT_PREFIX.length()) : hash;
  }

  StaffDirectory directory() {
    List<StaffMember> members = new ArrayList<>();
    for (SecurityProperties.User user : users) {
      members.add(
          new StaffMember(user.username(), user.displayName(), user.roles(), user.automated()));
    }
    return new StaffDirectory(members);
  }

  /**
   * For a {@code DelegatingPasswordEncoder}: every hash carries the {@code {bcrypt}} id. Looks the
   * name up canonically and answers a fresh {@link UserDetails} each time (authentication erases
   * the password of the instance it is given).
   */
  UserDetailsService userDetailsService() {
    Map<String, SecurityProperties.User> byCanonical = new LinkedHashMap<>();
    for (SecurityProperties.User user : users) {
      byCanonical.put(Identities.canonical(user.username()), user);
    }
    return username -> {
      SecurityProperties.User user = byCanonical.get(Identities.canonical(username));
      if (user == null) {
        throw new UsernameNotFoundException("No such account");
      }
      return User.withUsername(user.username())
          .password(BCRYPT_PREFIX + stripPrefix(user.passwordHash()))
          .authorities(user.roles().stream().map(Role::authority).toArray(String[]::new))
          .build();
    };
  }

  List<String> usernames() {
    return users.stream().map(SecurityProperties.User::username).toList();
  }
}
