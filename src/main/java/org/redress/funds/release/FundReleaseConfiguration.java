package org.redress.funds.release;

import org.redress.audit.AuditTrail;
import org.redress.funds.FundsService;
import org.redress.notice.NoticeService;
import org.redress.shared.web.StaffLinks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Wires fund-release: the payout destinations ({@code redress.funds.destinations=local|http}, the
 * platform's API at {@code redress.funds.destinations-url}), the service, one worker per job type.
 */
@Configuration(proxyBeanMethods = false)
public class FundReleaseConfiguration {

  @Bean
  PayoutDestinations payoutDestinations(
      JdbcClient jdbc,
      @Value("${redress.funds.destinations:local}") String kind,
      @Value("${redress.funds.destinations-url:}") String url,
      ObjectProvider<RestClient.Builder> restClients) {
    if ("http".equalsIgnoreCase(kind)) {
      if (url.isBlank()) {
        throw new IllegalStateException(
            "Expected redress.funds.destinations-url when redress.funds.destinations=http, but it"
                + " is empty");
      }
      return new HttpPayoutDestinations(
          restClients.getIfAvailable(RestClient::builder).baseUrl(url).build());
    }
    return new LocalPayoutDestinations(jdbc);
  }

  @Bean
  FundReleaseService fundReleaseService(
      FundsService funds,
      PayoutDestinations destinations,
      CaseContacts cases,
      NoticeService notices,
      AuditTrail audit,
      StaffLinks links) {
    return new FundReleaseService(funds, destinations, cases, notices, audit, links);
  }

  @Bean
  PayoutResolutions payoutResolutions(io.camunda.client.CamundaClient camunda) {
    return new PayoutResolutions(camunda);
  }

  @Bean
  ReleaseFundsWorker releaseFundsWorker(FundReleaseService service) {
    return new ReleaseFundsWorker(service);
  }

  @Bean
  PayOutWorker payOutWorker(FundReleaseService service) {
    return new PayOutWorker(service);
  }

  @Bean
  SendReleaseNoticeWorker sendReleaseNoticeWorker(FundReleaseService service) {
    return new SendReleaseNoticeWorker(service);
  }
}
