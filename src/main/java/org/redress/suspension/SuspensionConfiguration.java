package org.redress.suspension;

import io.camunda.client.CamundaClient;
import java.net.http.HttpClient;
import java.time.Clock;
import org.redress.audit.AuditTrail;
import org.redress.audit.CaseProcessLookup;
import org.redress.funds.FundsService;
import org.redress.funds.release.CaseContacts;
import org.redress.notice.NoticeService;
import org.redress.shared.Readiness;
import org.redress.shared.security.CaseLinks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/** Wires the suspension module: repository, the configured account system, service, workers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SuspensionProperties.class)
public class SuspensionConfiguration {

  @Bean
  SuspensionRepository suspensionRepository(JdbcClient jdbc) {
    return new SuspensionRepository(jdbc);
  }

  @Bean
  AccountSystem accountSystem(
      SuspensionProperties properties,
      JdbcClient jdbc,
      Clock clock,
      ObjectProvider<RestClient.Builder> restClients) {
    return switch (properties.accountSystem()) {
      case LOCAL -> new LocalAccountSystem(jdbc, clock);
      case HTTP -> new HttpAccountSystem(restClient(properties.http(), restClients));
    };
  }

  @Bean
  SuspensionService suspensionService(
      SuspensionRepository repository,
      AccountSystem accounts,
      FundsService funds,
      NoticeService notices,
      AuditTrail audit,
      CaseLinks caseLinks,
      CamundaClient camunda,
      PlatformTransactionManager transactions,
      SuspensionProperties properties,
      Clock clock,
      Readiness readiness) {
    return new SuspensionService(
        repository,
        accounts,
        funds,
        notices,
        audit,
        caseLinks,
        camunda,
        new TransactionTemplate(transactions),
        properties,
        clock,
        readiness);
  }

  /** The audit module's view of which process instance runs a case. */
  @Bean
  CaseProcessLookup caseProcessLookup(SuspensionService suspensions) {
    return new CaseProcessLookup() {
      @Override
      public java.util.Optional<Long> rootProcessInstanceKey(String caseId) {
        return suspensions.find(caseId).map(SuspensionCase::processInstanceKey);
      }

      @Override
      public boolean exists(String caseId) {
        return suspensions.find(caseId).isPresent();
      }
    };
  }

  /** The funds module's view of a case's account holder. */
  @Bean
  CaseContacts caseContacts(SuspensionService suspensions) {
    return caseId -> {
      SuspensionCase c = suspensions.get(caseId);
      return new CaseContacts.CaseContact(
          c.accountId(), c.accountName(), c.locale(), suspensions.caseLink(c, c.appealDeadline()));
    };
  }

  @Bean
  RestrictAccountWorker restrictAccountWorker(SuspensionService s) {
    return new RestrictAccountWorker(s);
  }

  @Bean
  FreezeWalletWorker freezeWalletWorker(SuspensionService s) {
    return new FreezeWalletWorker(s);
  }

  @Bean
  SendSuspensionNoticeWorker sendSuspensionNoticeWorker(SuspensionService s) {
    return new SendSuspensionNoticeWorker(s);
  }

  @Bean
  FinalizeBanWorker finalizeBanWorker(SuspensionService s) {
    return new FinalizeBanWorker(s);
  }

  @Bean
  ProcessStartRetry processStartRetry(SuspensionService s) {
    return new ProcessStartRetry(s);
  }

  /** Starts the processes of cases whose start failed (the case is stored first). */
  static class ProcessStartRetry {
    private final SuspensionService suspensions;

    ProcessStartRetry(SuspensionService suspensions) {
      this.suspensions = suspensions;
    }

    @Scheduled(
        fixedDelayString = "${redress.suspension.process-start-retry-after:30s}",
        initialDelayString = "${redress.suspension.process-start-retry-after:30s}")
    void run() {
      suspensions.startPendingProcesses();
    }
  }

  private static RestClient restClient(
      SuspensionProperties.Http http, ObjectProvider<RestClient.Builder> restClients) {
    if (http.baseUrl() == null) {
      throw new IllegalStateException(
          "Expected redress.suspension.http.base-url to be set when"
              + " redress.suspension.account-system=http, but it is empty");
    }
    JdkClientHttpRequestFactory requestFactory =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder().connectTimeout(http.connectTimeout()).build());
    requestFactory.setReadTimeout(http.readTimeout());
    return restClients
        .getIfAvailable(RestClient::builder)
        .baseUrl(http.baseUrl().toString())
        .requestFactory(requestFactory)
        .build();
  }
}
