package org.redress.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** {@code redress.funds.payout-gateway} selects the payout adapter. */
class FundsConfigurationIT {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(FundsConfiguration.class)
          .withBean(JdbcClient.class, () -> mock(JdbcClient.class))
          .withBean(PlatformTransactionManager.class, () -> mock(PlatformTransactionManager.class));

  @Test
  void shouldUseTheLocalGatewayWhenNothingIsConfigured() {
    // given no funds properties

    // when / then
    context.run(
        app -> {
          assertThat(app).hasSingleBean(FundsService.class);
          assertThat(app.getBean(PayoutGateway.class)).isInstanceOf(LocalPayoutGateway.class);
        });
  }

  @Test
  void shouldUseTheHttpGatewayWhenConfigured() {
    // given
    ApplicationContextRunner http =
        context.withPropertyValues(
            "redress.funds.payout-gateway=http",
            "redress.funds.http.base-url=https://psp.example/api",
            "redress.funds.http.read-timeout=10s");

    // when / then
    http.run(
        app -> {
          assertThat(app.getBean(PayoutGateway.class)).isInstanceOf(HttpPayoutGateway.class);
          assertThat(app.getBean(FundsProperties.class).http().readTimeout()).hasSeconds(10);
        });
  }

  @Test
  void shouldFailToStartWhenHttpGatewayHasNoBaseUrl() {
    // given
    ApplicationContextRunner http = context.withPropertyValues("redress.funds.payout-gateway=http");

    // when / then
    http.run(
        app ->
            assertThat(app)
                .hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("redress.funds.http.base-url"));
  }
}
