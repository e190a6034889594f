package org.redress.funds;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The payment provider over HTTP ({@code redress.funds.payout-gateway=http}).
 *
 * <p>Wire contract: {@code POST {base-url}/payouts} with header {@value #IDEMPOTENCY_KEY} (the
 * stored key, the same on every retry, R-PAY-4) and a JSON body {@code {"reference", "destination",
 * "holderName", "currency", "amountMinor"}} (integer minor units, never a decimal). Answers:
 *
 * <ul>
 *   <li>2xx with {@code {"id", "status": "PAID" | "ACCEPTED"}}: accepted, {@code id} is the
 *       provider's reference;
 *   <li>2xx with {@code {"status": "REJECTED", "reason"}} or 422 with a problem detail: rejected;
 *   <li>anything else (other statuses, other 2xx states such as {@code PENDING}, I/O errors):
 *       outcome unknown, {@link PayoutGatewayException} or the client's exception, retried with the
 *       same key.
 * </ul>
 */
class HttpPayoutGateway implements PayoutGateway {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final RestClient client;

  /** {@code client} must carry the provider's base URL (and its credentials, when it has any). */
  HttpPayoutGateway(RestClient client) {
    this.client = client;
  }

  @Override
  public PayoutOutcome pay(PayoutRequest request) {
    Body body =
        new Body(
            request.caseId(),
            request.destinationReference(),
            request.holderName(),
            request.amount().currency(),
            request.amount().minorUnits());
    return client
        .post()
        .uri("/payouts")
        .header(IDEMPOTENCY_KEY, request.idempotencyKey())
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
        .body(body)
        .exchange(
            (clientRequest, response) -> {
              HttpStatusCode status = response.getStatusCode();
              if (status.is2xxSuccessful()) {
                return outcome(request, response.bodyTo(Answer.class));
              }
              if (status.value() == 422) {
                Problem problem = response.bodyTo(Problem.class);
                return new PayoutOutcome.Rejected(
                    problem == null || problem.detail() == null
                        ? "rejected by the payment provider"
                        : problem.detail());
              }
              throw new PayoutGatewayException(
                  "Payout " + request.idempotencyKey() + ": payment provider answered " + status);
            });
  }

  private static PayoutOutcome outcome(PayoutRequest request, Answer answer) {
    String status = answer == null ? null : answer.status();
    if ("PAID".equals(status) || "ACCEPTED".equals(status)) {
      if (answer.id() == null || answer.id().isBlank()) {
        throw new PayoutGatewayException(
            "Payout " + request.idempotencyKey() + ": accepted without a provider reference");
      }
      return new PayoutOutcome.Accepted(answer.id());
    }
    if ("REJECTED".equals(status)) {
      return new PayoutOutcome.Rejected(
          answer.reason() == null ? "rejected by the payment provider" : answer.reason());
    }
    throw new PayoutGatewayException(
        "Payout " + request.idempotencyKey() + ": outcome not final yet (status " + status + ")");
  }

  record Body(
      String reference, String destination, String holderName, String currency, long amountMinor) {}

  record Answer(String id, String status, String reason) {}

  record Problem(String title, String detail) {}
}
