package org.redress.appeal;

import io.camunda.client.CamundaClient;
import java.time.Clock;
import org.redress.audit.AuditTrail;
import org.redress.funds.FundsService;
import org.redress.notice.NoticeService;
import org.redress.shared.Readiness;
import org.redress.suspension.SuspensionService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the appeal module. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AppealProperties.class)
public class AppealConfiguration {

  @Bean
  AppealRepository appealRepository(JdbcClient jdbc) {
    return new AppealRepository(jdbc);
  }

  @Bean
  AppealService appealService(
      AppealRepository repository,
      SuspensionService suspensions,
      NoticeService notices,
      AuditTrail audit,
      CamundaClient camunda,
      PlatformTransactionManager transactions,
      AppealProperties properties,
      Clock clock,
      Readiness readiness) {
    return new AppealService(
        repository,
        suspensions,
        notices,
        audit,
        camunda,
        new TransactionTemplate(transactions),
        properties,
        clock,
        readiness);
  }

  @Bean
  CaseViewService caseViewService(
      SuspensionService suspensions,
      AppealService appeals,
      FundsService funds,
      NoticeService notices,
      CaseViewMapper mapper,
      Clock clock) {
    return new CaseViewService(suspensions, appeals, funds, notices, mapper, clock);
  }

  @Bean
  AppealMessageRetry appealMessageRetry(AppealService appeals) {
    return new AppealMessageRetry(appeals);
  }

  /** Announces stored appeals and information answers not yet published (engine down, crash). */
  static class AppealMessageRetry {
    private final AppealService appeals;

    AppealMessageRetry(AppealService appeals) {
      this.appeals = appeals;
    }

    @Scheduled(
        fixedDelayString = "${redress.appeal.message-retry-after:30s}",
        initialDelayString = "${redress.appeal.message-retry-after:30s}")
    void run() {
      appeals.publishPending();
    }
  }
}
