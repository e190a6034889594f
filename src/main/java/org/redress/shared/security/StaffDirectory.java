package org.redress.shared.security;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who the staff and machine accounts are, by username (the name of an authenticated staff request,
 * {@code Authentication.getName()}). Features use it to enforce "the decider must be a person"
 * ({@link #isPerson}) and to show names instead of logins ({@link #displayName}).
 *
 * <p>Names are looked up in their {@link Identities#canonical canonical form}: {@code "BOB"} finds
 * the account {@code bob}, and two accounts whose usernames differ only in that form are refused.
 *
 * <p>Built from {@code redress.security.users} (plus the demo users when {@code
 * redress.security.demo-users=true}); construct one directly in unit tests.
 */
public final class StaffDirectory {

  private final Map<String, StaffMember> members = new LinkedHashMap<>();

  public StaffDirectory(Collection<StaffMember> members) {
    for (StaffMember member : members) {
      StaffMember earlier =
          this.members.putIfAbsent(Identities.canonical(member.username()), member);
      if (earlier != null) {
        throw new IllegalArgumentException(
            "Duplicate staff username "
                + member.username()
                + (earlier.username().equals(member.username())
                    ? ""
                    : " (the same person as " + earlier.username() + ")"));
      }
    }
  }

  /** The account this name denotes (compared canonically), if there is one. */
  public Optional<StaffMember> find(String username) {
    return username == null
        ? Optional.empty()
        : Optional.ofNullable(members.get(Identities.canonical(username)));
  }

  /**
   * The username of the account this name denotes, as configured; a name that is no account (e.g. a
   * moderator of the platform) as given. What Redress records as the actor of a step.
   */
  public String accountName(String name) {
    return find(name).map(StaffMember::username).orElse(name);
  }

  /** True if the username belongs to a known account, person or machine. */
  public boolean isKnown(String username) {
    return find(username).isPresent();
  }

  /** True only for a known account of a human being (not automated, not an appellant). */
  public boolean isPerson(String username) {
    return find(username).map(StaffMember::isPerson).orElse(false);
  }

  /** True only for a known machine account. */
  public boolean isAutomated(String username) {
    return find(username).map(StaffMember::automated).orElse(false);
  }

  /** The display name of a known account, else the username itself. */
  public String displayName(String username) {
    return find(username).map(StaffMember::displayName).orElse(username);
  }

  /** Every account, in configuration order. */
  public List<StaffMember> members() {
    return List.copyOf(members.values());
  }
}
