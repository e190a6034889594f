package org.redress.funds;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the funds module ({@code redress.funds.*}).
 *
 * @param payoutGateway {@code local} (payouts recorded in a table) or {@code http}
 * @param http the HTTP payment provider, used when {@code payout-gateway=http}
 */
@ConfigurationProperties("redress.funds")
public record FundsProperties(
    @DefaultValue("local") PayoutGatewayType payoutGateway, @DefaultValue Http http) {

  public enum PayoutGatewayType {
    LOCAL,
    HTTP
  }

  /**
   * @param baseUrl the provider's base URL; {@code POST /payouts} is resolved against it
   * @param connectTimeout how long to wait for a connection
   * @param readTimeout how long to wait for an answer; after it the outcome is unknown and the
   *     payout is retried with the same key
   */
  public record Http(
      URI baseUrl,
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("30s") Duration readTimeout) {}
}
