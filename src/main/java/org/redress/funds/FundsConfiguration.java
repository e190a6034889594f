package org.redress.funds;

import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/** Wires the funds module: its repository, the configured payout gateway and the service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FundsProperties.class)
public class FundsConfiguration {

  @Bean
  FundsRepository fundsRepository(JdbcClient jdbc) {
    return new FundsRepository(jdbc);
  }

  @Bean
  PayoutGateway payoutGateway(
      FundsProperties properties,
      FundsRepository repository,
      ObjectProvider<RestClient.Builder> restClients,
      ObjectProvider<Clock> clock) {
    return switch (properties.payoutGateway()) {
      case LOCAL -> new LocalPayoutGateway(repository, clock.getIfAvailable(Clock::systemUTC));
      case HTTP -> httpPayoutGateway(properties.http(), restClients);
    };
  }

  @Bean
  FundsService fundsService(
      FundsRepository repository,
      PlatformTransactionManager transactions,
      PayoutGateway payoutGateway,
      ObjectProvider<Clock> clock) {
    return new FundsService(
        repository,
        new TransactionTemplate(transactions),
        payoutGateway,
        clock.getIfAvailable(Clock::systemUTC));
  }

  private static PayoutGateway httpPayoutGateway(
      FundsProperties.Http http, ObjectProvider<RestClient.Builder> restClients) {
    if (http.baseUrl() == null) {
      throw new IllegalStateException(
          "Expected redress.funds.http.base-url to be set when redress.funds.payout-gateway=http,"
              + " but it is empty");
    }
    JdkClientHttpRequestFactory requestFactory =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder().connectTimeout(http.connectTimeout()).build());
    requestFactory.setReadTimeout(http.readTimeout());
    RestClient client =
        restClients
            .getIfAvailable(RestClient::builder)
            .baseUrl(http.baseUrl().toString())
            .requestFactory(requestFactory)
            .build();
    return new HttpPayoutGateway(client);
  }
}
