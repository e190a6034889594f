package org.redress.config.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The internal client credential of the engine API: HTTP Basic with {@link #clientId()} and a
 * secret. Compared in constant time on every engine request; deliberately not BCrypt, because the
 * app's own job workers send it with every poll and completion and a BCrypt check costs tens of
 * milliseconds of CPU. The secret is a random high-entropy string, not a human password, so a fast
 * hash is no weakness.
 */
final class EngineCredential {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String clientId;
  private final String secret;
  private final boolean generated;
  private final byte[] clientIdDigest;
  private final byte[] secretDigest;

  private EngineCredential(String clientId, String secret, boolean generated) {
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.secret = Objects.requireNonNull(secret, "secret");
    this.generated = generated;
    this.clientIdDigest = digest(clientId);
    this.secretDigest = digest(secret);
  }

  /** The configured credential, or one with a fresh random secret when none is configured. */
  static EngineCredential of(EngineClientProperties properties) {
    String clientId = properties.clientId();
    if (clientId == null || clientId.isBlank() || clientId.contains(":")) {
      throw new IllegalStateException(
          "redress.engine.client-id must be a non-empty name without ':' (HTTP Basic user name)");
    }
    String secret = properties.clientSecret();
    if (secret == null || secret.isEmpty()) {
      byte[] random = new byte[32];
      RANDOM.nextBytes(random);
      return new EngineCredential(
          clientId, Base64.getUrlEncoder().withoutPadding().encodeToString(random), true);
    }
    return new EngineCredential(clientId, secret, false);
  }

  String clientId() {
    return clientId;
  }

  String secret() {
    return secret;
  }

  /** True if the secret was generated for this run (no {@code redress.engine.client-secret}). */
  boolean generated() {
    return generated;
  }

  /** Constant-time check of a presented user name and password. */
  boolean matches(String username, String password) {
    if (username == null || password == null) {
      return false;
    }
    boolean idMatches = MessageDigest.isEqual(digest(username), clientIdDigest);
    boolean secretMatches = MessageDigest.isEqual(digest(password), secretDigest);
    return idMatches & secretMatches;
  }

  // Digests first, so that the comparison takes as long for any length of the presented value.
  private static byte[] digest(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "EngineCredential[" + clientId + ", secret hidden]";
  }
}
