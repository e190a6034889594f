package org.redress.shared.security;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A staff or machine account that signs in with a username (never an appellant).
 *
 * @param username the login name; what {@code Authentication.getName()} returns for this account
 * @param displayName how the account is shown to people (notices, audit trail, consoles)
 * @param roles its roles, never {@link Role#APPELLANT}
 * @param automated true for machine accounts (integrations), which may never decide a case
 */
public record StaffMember(String username, String displayName, Set<Role> roles, boolean automated) {

  public StaffMember {
    Objects.requireNonNull(username, "username");
    if (username.isBlank()) {
      throw new IllegalArgumentException("A staff member needs a username");
    }
    displayName = displayName == null || displayName.isBlank() ? username : displayName;
    roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    if (roles.contains(Role.APPELLANT)) {
      throw new IllegalArgumentException(
          "Staff member " + username + " cannot have role APPELLANT: appellants use case links");
    }
  }

  /** A human being: the only kind of account that may decide a case. */
  public boolean isPerson() {
    return !automated;
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }
}
