package org.redress.shared.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.web.util.UriUtils;

/**
 * Signed, expiring case links: how a suspended user, who cannot sign in, reaches their case. The
 * notice carries {@link #link} (the appellant portal); the link's token authenticates the appellant
 * for that one case ({@code Authorization: Bearer <token>} or {@code ?token=<token>} on {@code
 * /api/cases/**}, or the portal's case cookie).
 *
 * <p>Token: {@code base64url(payload) "." base64url(HMAC-SHA256(secret, base64url(payload)))},
 * without padding; the payload is the JSON object {@code {"v":1,"case":..,"account":..,"exp":..}}
 * with the expiry in epoch seconds (rounded down: a link never lives longer than asked). Only
 * holders of the secret ({@code redress.security.case-link-secret}) can issue links; changing the
 * secret revokes every link issued before. The token is not encrypted: it reveals the case and
 * account ids to whoever holds it, which is the appellant.
 */
public final class CaseLinks {

  /** Shortest secret accepted: 256 bits, the HMAC-SHA256 key size. */
  public static final int MIN_SECRET_BYTES = 32;

  private static final String ALGORITHM = "HmacSHA256";
  private static final int VERSION = 1;
  private static final int MAX_TOKEN_LENGTH = 4096;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final String publicBaseUrl;
  private final Clock clock;

  /**
   * @param secret the HMAC key, at least {@value #MIN_SECRET_BYTES} bytes
   * @param publicBaseUrl where appellants reach Redress, e.g. {@code https://appeals.example.com}
   * @param clock decides whether a link has expired
   */
  public CaseLinks(byte[] secret, String publicBaseUrl, Clock clock) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "The case link secret must have at least " + MIN_SECRET_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    this.publicBaseUrl = stripTrailingSlashes(Objects.requireNonNull(publicBaseUrl, "base URL"));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A token that signs in the owner of {@code accountId} to case {@code caseId} until then. */
  public String issueToken(String caseId, String accountId, Instant expiresAt) {
    requireText(caseId, "caseId");
    requireText(accountId, "accountId");
    Objects.requireNonNull(expiresAt, "expiresAt");
    ObjectNode payload = JSON.createObjectNode();
    payload.put("v", VERSION);
    payload.put("case", caseId);
    payload.put("account", accountId);
    payload.put("exp", expiresAt.getEpochSecond());
    String encoded;
    try {
      encoded = ENCODER.encodeToString(JSON.writeValueAsBytes(payload));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write a case link payload", e);
    }
    return encoded + "." + ENCODER.encodeToString(mac(encoded));
  }

  /**
   * The URL for the notice: the appellant portal's {@code <public base URL>/case/<caseId>?token=
   * <token>}, which exchanges the token for a cookie. Platform clients send the same token to
   * {@code /api/cases/<caseId>} (Bearer or {@code ?token=}).
   *
   * @see #issueToken
   */
  public String link(String caseId, String accountId, Instant expiresAt) {
    String token = issueToken(caseId, accountId, expiresAt);
    return publicBaseUrl
        + "/case/"
        + UriUtils.encodePathSegment(caseId, StandardCharsets.UTF_8)
        + "?token="
        + token;
  }

  /**
   * A value derived from {@code value} with the link secret, for {@code purpose} only (e.g. the
   * portal's CSRF token bound to its case cookie): base64url HMAC-SHA256 of {@code purpose "\n"
   * value}. Nobody without the secret can compute it.
   */
  public String derive(String purpose, String value) {
    return ENCODER.encodeToString(mac(purpose + "\n" + value));
  }

  /**
   * The appellant a token signs in.
   *
   * @throws CaseLinkException {@link CaseLinkException#INVALID} if Redress did not issue this token
   *     with its current secret (checked first), {@link CaseLinkException#EXPIRED} if it did but
   *     the expiry has passed
   */
  public AppellantPrincipal verify(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      throw CaseLinkException.invalid();
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || dot != token.lastIndexOf('.') || dot == token.length() - 1) {
      throw CaseLinkException.invalid();
    }
    String encodedPayload = token.substring(0, dot);
    byte[] signature = decode(token.substring(dot + 1));
    // Compared in constant time: the time taken must not tell how much of a guess was right.
    if (!MessageDigest.isEqual(mac(encodedPayload), signature)) {
      throw CaseLinkException.invalid();
    }
    JsonNode payload;
    try {
      payload = JSON.readTree(decode(encodedPayload));
    } catch (java.io.IOException e) {
      throw CaseLinkException.invalid();
    }
    if (payload == null
        || payload.path("v").asInt() != VERSION
        || !payload.path("case").isTextual()
        || !payload.path("account").isTextual()
        || !payload.path("exp").isIntegralNumber()) {
      throw CaseLinkException.invalid();
    }
    Instant expiresAt = Instant.ofEpochSecond(payload.path("exp").asLong());
    if (!clock.instant().isBefore(expiresAt)) {
      throw CaseLinkException.expired();
    }
    return new AppellantPrincipal(payload.path("case").asText(), payload.path("account").asText());
  }

  /** When a token {@link #verify} accepts stops working (for the portal's cookie lifetime). */
  public Instant expiry(String token) {
    verify(token);
    try {
      return Instant.ofEpochSecond(
          JSON.readTree(decode(token.substring(0, token.indexOf('.')))).path("exp").asLong());
    } catch (java.io.IOException e) {
      throw CaseLinkException.invalid();
    }
  }

  private byte[] mac(String encodedPayload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(encodedPayload.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private static byte[] decode(String base64url) {
    try {
      return DECODER.decode(base64url);
    } catch (IllegalArgumentException e) {
      throw CaseLinkException.invalid();
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A case link needs a " + name);
    }
  }

  private static String stripTrailingSlashes(String url) {
    String result = url;
    while (result.endsWith("/")) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }
}
