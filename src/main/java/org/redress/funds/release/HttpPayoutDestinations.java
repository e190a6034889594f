package org.redress.funds.release;

import java.util.Map;
import java.util.Optional;
import org.redress.funds.PayoutDestination;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/**
 * Destinations from the platform: {@code GET /accounts/{accountId}/payout-destinations/{currency}}
 * answering {@code {"accountReference", "holderName", "currency", "verified"}} or 404.
 */
class HttpPayoutDestinations implements PayoutDestinations {

  private final RestClient client;

  HttpPayoutDestinations(RestClient client) {
    this.client = client;
  }

  @Override
  public Optional<PayoutDestination> of(String accountId, String currency) {
    Map<?, ?> body =
        client
            .get()
            .uri("/accounts/{accountId}/payout-destinations/{currency}", accountId, currency)
            .retrieve()
            .onStatus(HttpStatusCode::is4xxClientError, (request, response) -> {})
            .body(Map.class);
    if (body == null || body.get("accountReference") == null) {
      return Optional.empty();
    }
    return Optional.of(
        new PayoutDestination(
            String.valueOf(body.get("accountReference")),
            String.valueOf(body.get("holderName")),
            String.valueOf(body.get("currency")),
            Boolean.TRUE.equals(body.get("verified"))));
  }
}
