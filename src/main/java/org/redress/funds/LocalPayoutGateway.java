package org.redress.funds;

import java.time.Clock;

/**
 * The zero-set-up payment provider: accepts every payout and records it in {@code
 * funds_gateway_payout}, idempotent by key like a real provider (a repeated key returns the first
 * payout's reference; the same key with other parameters is refused, as Stripe does). It writes in
 * its own short transaction, like an external system would.
 */
class LocalPayoutGateway implements PayoutGateway {

  private final FundsRepository repository;
  private final Clock clock;

  LocalPayoutGateway(FundsRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @Override
  public PayoutOutcome pay(PayoutRequest request) {
    repository.insertGatewayPayoutIfAbsent(request, "local-" + request.idempotencyKey(), clock);
    FundsRepository.GatewayPayout stored =
        repository
            .findGatewayPayout(request.idempotencyKey())
            .orElseThrow(() -> new IllegalStateException("Local payout vanished"));
    if (!stored.request().equals(request)) {
      throw new IllegalArgumentException(
          "Expected idempotency key "
              + request.idempotencyKey()
              + " to be reused with identical parameters, but got "
              + request
              + " after "
              + stored.request());
    }
    return new PayoutOutcome.Accepted(stored.gatewayReference());
  }
}
