package org.redress.shared.security;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The roles of Redress (ARCHITECTURE.md section 7). Spring Security sees each as the authority
 * {@code ROLE_<name>}, so {@code hasRole("REVIEWER")} and {@code hasAuthority("ROLE_REVIEWER")}
 * both work. Roles do not imply each other: a senior reviewer who also reviews first-level cases
 * has both {@link #SENIOR_REVIEWER} and {@link #REVIEWER}.
 */
public enum Role {
  /** A suspended user, signed in through the case link of their notice; sees only that case. */
  APPELLANT,
  /** Decides appeals at the first level. */
  REVIEWER,
  /** Decides escalated appeals (second level). */
  SENIOR_REVIEWER,
  /** Releases and pays out frozen funds. */
  FINANCE,
  /** Reads everything, changes nothing. */
  AUDITOR,
  /** The platform's moderation system: reports suspensions. Always a machine. */
  INTEGRATION,
  /** Operates Redress. */
  ADMIN;

  private static final String PREFIX = "ROLE_";

  /** The Spring Security authority of this role, {@code ROLE_<name>}. */
  public String authority() {
    return PREFIX + name();
  }

  /** The Redress roles an authentication holds (other authorities are ignored). */
  public static Set<Role> of(Authentication authentication) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (authentication == null) {
      return roles;
    }
    for (GrantedAuthority granted : authentication.getAuthorities()) {
      String authority = granted.getAuthority();
      if (authority == null || !authority.startsWith(PREFIX)) {
        continue;
      }
      for (Role role : values()) {
        if (role.name().equals(authority.substring(PREFIX.length()))) {
          roles.add(role);
        }
      }
    }
    return roles;
  }
}
