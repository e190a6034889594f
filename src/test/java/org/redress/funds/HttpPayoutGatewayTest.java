package org.redress.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.jsonPath;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.shared.Money;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

/** The HTTP adapter against a mocked provider (no Spring context, no network). */
class HttpPayoutGatewayTest {

  private static final PayoutRequest REQUEST =
      new PayoutRequest(
          "case-9/payout/1", "case-9", "DE89370400", "Li Wei", Money.of(70_000, "EUR"));

  private MockRestServiceServer provider;
  private HttpPayoutGateway gateway;

  @BeforeEach
  void setUp() {
    RestClient.Builder builder = RestClient.builder().baseUrl("http://psp.example");
    provider = MockRestServiceServer.bindTo(builder).build();
    gateway = new HttpPayoutGateway(builder.build());
  }

  @Test
  void shouldSendIdempotencyKeyAndIntegerMinorUnitsWhenPaying() {
    // given a provider that accepts
    provider
        .expect(requestTo("http://psp.example/payouts"))
        .andExpect(method(HttpMethod.POST))
        .andExpect(header("Idempotency-Key", "case-9/payout/1"))
        .andExpect(jsonPath("$.amountMinor").value(70_000))
        .andExpect(jsonPath("$.currency").value("EUR"))
        .andExpect(jsonPath("$.destination").value("DE89370400"))
        .andExpect(jsonPath("$.holderName").value("Li Wei"))
        .andExpect(jsonPath("$.reference").value("case-9"))
        .andRespond(
            withSuccess("{\"id\":\"po_123\",\"status\":\"PAID\"}", MediaType.APPLICATION_JSON));

    // when
    PayoutOutcome outcome = gateway.pay(REQUEST);

    // then
    assertThat(outcome).isEqualTo(new PayoutOutcome.Accepted("po_123"));
    provider.verify();
  }

  @Test
  void shouldReturnRejectionWhenProviderAnswers422() {
    // given a provider that refuses the account
    provider
        .expect(requestTo("http://psp.example/payouts"))
        .andRespond(
            withStatus(HttpStatus.UNPROCESSABLE_ENTITY)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body("{\"title\":\"Rejected\",\"detail\":\"account closed\"}"));

    // when
    PayoutOutcome outcome = gateway.pay(REQUEST);

    // then
    assertThat(outcome).isEqualTo(new PayoutOutcome.Rejected("account closed"));
  }

  @Test
  void shouldReturnRejectionWhenProviderAnswersRejectedStatus() {
    // given
    provider
        .expect(requestTo("http://psp.example/payouts"))
        .andRespond(
            withSuccess(
                "{\"status\":\"REJECTED\",\"reason\":\"name check failed\"}",
                MediaType.APPLICATION_JSON));

    // when
    PayoutOutcome outcome = gateway.pay(REQUEST);

    // then
    assertThat(outcome).isEqualTo(new PayoutOutcome.Rejected("name check failed"));
  }

  @Test
  void shouldThrowWhenProviderFailsOrOutcomeIsNotFinal() {
    // given a 503, then a payout still pending
    provider
        .expect(requestTo("http://psp.example/payouts"))
        .andRespond(withStatus(HttpStatus.SERVICE_UNAVAILABLE));
    provider
        .expect(requestTo("http://psp.example/payouts"))
        .andRespond(
            withSuccess("{\"id\":\"po_1\",\"status\":\"PENDING\"}", MediaType.APPLICATION_JSON));

    // when / then: transient, to be retried with the same key
    assertThatThrownBy(() -> gateway.pay(REQUEST))
        .isInstanceOf(PayoutGatewayException.class)
        .hasMessageContaining("503");
    assertThatThrownBy(() -> gateway.pay(REQUEST))
        .isInstanceOf(PayoutGatewayException.class)
        .hasMessageContaining("not final");
  }
}
