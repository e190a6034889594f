package org.redress.audit.console;

import io.camunda.client.CamundaClient;
import java.time.Clock;
import org.redress.appeal.AppealService;
import org.redress.audit.AuditTrail;
import org.redress.audit.CaseHistoryService;
import org.redress.notice.NoticeService;
import org.redress.review.ReviewService;
import org.redress.suspension.SuspensionService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the auditor and admin pages of the staff console. */
@Configuration(proxyBeanMethods = false)
public class AuditConsoleConfiguration {

  @Bean
  AuditTimes auditTimes() {
    return new AuditTimes();
  }

  @Bean
  NoticeText noticeText() {
    return new NoticeText();
  }

  @Bean
  CaseSearchQueries caseSearchQueries(JdbcClient jdbc) {
    return new CaseSearchQueries(jdbc);
  }

  @Bean
  CaseLedgerQueries caseLedgerQueries(JdbcClient jdbc) {
    return new CaseLedgerQueries(jdbc);
  }

  @Bean
  DashboardQueries dashboardQueries(JdbcClient jdbc, Clock clock) {
    return new DashboardQueries(jdbc, clock);
  }

  @Bean
  CaseInstances caseInstances(CamundaClient camunda) {
    return new CaseInstances(camunda);
  }

  @Bean
  OpenIncidents openIncidents(CamundaClient camunda, JdbcClient jdbc, AuditTrail audit) {
    return new OpenIncidents(camunda, jdbc, audit);
  }

  @Bean
  CaseFileService caseFileService(
      SuspensionService suspensions,
      AppealService appeals,
      ReviewService reviews,
      CaseHistoryService history,
      NoticeService notices,
      AuditTrail audit,
      CaseInstances instances,
      CaseLedgerQueries ledger) {
    return new CaseFileService(
        suspensions, appeals, reviews, history, notices, audit, instances, ledger);
  }
}
