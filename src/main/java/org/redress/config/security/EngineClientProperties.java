package org.redress.config.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The internal credential of the embedded engine's API ({@code redress.engine.client-id}, {@code
 * redress.engine.client-secret}, {@code redress.engine.api.*}); the other {@code redress.engine.*}
 * settings belong to the engine itself.
 *
 * @param clientId user name of the credential (HTTP Basic)
 * @param clientSecret its password; unset = a random one per start, which only the app's own
 *     Camunda client knows. Set it to call {@code /v2} from outside the app
 * @param api access rules of the engine API
 */
@ConfigurationProperties("redress.engine")
public record EngineClientProperties(
    @DefaultValue("redress-engine") String clientId, String clientSecret, @DefaultValue Api api) {

  /**
   * @param allowAnonymousLoopback let requests without any credential from 127.0.0.0/8 or ::1
   *     through. For Camunda Process Test only, whose management client cannot send credentials;
   *     never in production (a reverse proxy on the same host would make every request loopback)
   */
  public record Api(@DefaultValue("false") boolean allowAnonymousLoopback) {}
}
