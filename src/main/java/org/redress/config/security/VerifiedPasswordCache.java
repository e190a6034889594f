package org.redress.config.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers, for a few minutes, that a password matched its BCrypt hash. HTTP Basic sends the
 * password with every request, and a BCrypt check costs tens of milliseconds of CPU by design: at
 * integration rates (the platform reporting many suspensions) that alone would saturate the
 * machine. Only successes are kept, under an HMAC (random key per start) of hash and password, so
 * neither passwords nor guessable digests sit in memory, a changed hash never matches a cached
 * entry, and a wrong password always pays the full BCrypt price.
 */
final class VerifiedPasswordCache implements PasswordEncoder {

  private static final int MAX_ENTRIES = 10_000;

  private final PasswordEncoder delegate;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final SecretKeySpec key;
  private final Map<String, Long> verifiedUntil = new ConcurrentHashMap<>();

  VerifiedPasswordCache(PasswordEncoder delegate, Duration ttl) {
    this(delegate, ttl, System::nanoTime);
  }

  VerifiedPasswordCache(PasswordEncoder delegate, Duration ttl, LongSupplier nanoTime) {
    this.delegate = delegate;
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = nanoTime;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return delegate.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    if (rawPassword == null || encodedPassword == null) {
      return delegate.matches(rawPassword, encodedPassword);
    }
    String entry = entry(rawPassword, encodedPassword);
    long now = nanoTime.getAsLong();
    Long until = verifiedUntil.get(entry);
    if (until != null && now - until < 0) {
      return true;
    }
    boolean matches = delegate.matches(rawPassword, encodedPassword);
    if (matches) {
      if (verifiedUntil.size() >= MAX_ENTRIES) {
        verifiedUntil.clear();
      }
      verifiedUntil.put(entry, now + ttlNanos);
    } else {
      verifiedUntil.remove(entry);
    }
    return matches;
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return delegate.upgradeEncoding(encodedPassword);
  }

  private String entry(CharSequence rawPassword, String encodedPassword) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
