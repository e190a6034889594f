package org.redress.config.security;

import java.util.List;
import java.util.Set;
import org.redress.shared.security.Role;

/**
 * The demo accounts ({@code redress.security.demo-users=true}, the embedded default). Their
 * passwords are public (README "Security and demo users": {@code <username>-demo}, and {@code
 * moderation-demo} for the moderation system), so they must never be active on a deployment that
 * holds real cases.
 */
final class DemoUsers {

  private DemoUsers() {}

  static List<SecurityProperties.User> all() {
    return List.of(
        user(
            "moderation-system",
            "$2a$10$ActtEafLPS6Qr8orwQxqfudR9tbINruyWmfBmtSb.NYxF5ZaqlPCS",
            "Moderation system",
            true,
            Role.INTEGRATION),
        user(
            "alice",
            "$2a$10$FqepoeezvVAAfDW/AuvntO3S8pzB/842bxF7eE9.FeagwGmoITYSm",
            "Alice Adams",
            false,
            Role.REVIEWER),
        user(
            "bob",
            "$2a$10$z/TtGlvvRyHhzacUPQad9.ldhS1ALIuMJ/0AyiAWUMkczXNMq.BIu",
            "Bob Brown",
            false,
            Role.REVIEWER),
        user(
            "carol",
            "$2a$10$lv03fO6bdkY.FTX3iLKpLeUBbmqLwnco7T6Gd4qFolFx5ltaCRZBa",
            "Carol Chen",
            false,
            Role.SENIOR_REVIEWER,
            Role.REVIEWER),
        user(
            "dave",
            "$2a$10$yUsIKVGLOgDY13BUGHp5NeIJCz/qBm.j7zomGAikKWpP/TeRADj9m",
            "Dave Diaz",
            false,
            Role.AUDITOR),
        user(
            "erin",
            "$2a$10$nTpQY7pJylzyEKv9zF3QXOCEZKhHZ5gA5wNG3YT/Qai/cOPkYeqoq",
            "Erin Evans",
            false,
            Role.FINANCE),
        user(
            "admin",
            "$2a$10$75LTJzem4iaYEwSEUSGcruQjT85RpESR6JRDHBNZQ0MzP54DOBQju",
            "Administrator",
            false,
            Role.ADMIN));
  }

  private static SecurityProperties.User user(
      String username, String hash, String displayName, boolean automated, Role... roles) {
    return new SecurityProperties.User(username, hash, Set.of(roles), displayName, automated);
  }
}
