package org.redress.console;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.redress.shared.security.Role;

/**
 * The console's sections, in navigation order, with the roles that may open each. Pages check their
 * roles again on the server; this only decides which links a person sees.
 */
public enum ConsoleSection {
  QUEUE("/console/queue", EnumSet.of(Role.REVIEWER, Role.SENIOR_REVIEWER)),
  DECISIONS("/console/decisions", EnumSet.of(Role.REVIEWER, Role.SENIOR_REVIEWER)),
  FINANCE("/console/finance", EnumSet.of(Role.FINANCE)),
  CASES("/console/cases", EnumSet.of(Role.AUDITOR, Role.ADMIN)),
  INCIDENTS("/console/incidents", EnumSet.of(Role.AUDITOR, Role.ADMIN)),
  DASHBOARD("/console/dashboard", EnumSet.of(Role.AUDITOR, Role.ADMIN));

  private final String path;
  private final Set<Role> roles;

  ConsoleSection(String path, Set<Role> roles) {
    this.path = path;
    this.roles = roles;
  }

  public String path() {
    return path;
  }

  /** The message key of the section's name, {@code console.nav.<name>}. */
  public String messageKey() {
    return "console.nav." + name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The id pages pass as {@code section} to mark the current link. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public boolean openTo(Set<Role> held) {
    return held.stream().anyMatch(roles::contains);
  }

  /** The sections a person with these roles may open, in navigation order. */
  public static List<ConsoleSection> sectionsFor(Set<Role> held) {
    return java.util.Arrays.stream(values()).filter(s -> s.openTo(held)).toList();
  }
}
