package org.redress.audit;

import io.camunda.client.CamundaClient;
import java.time.Clock;
import org.redress.engine.UserTaskHistory;
import org.redress.notice.NoticeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the audit module. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

  @Bean
  AuditTrail auditTrail(JdbcClient jdbc, Clock clock) {
    return new AuditTrail(jdbc, clock);
  }

  @Bean
  CaseHistoryService caseHistoryService(
      AuditTrail audit,
      NoticeService notices,
      CamundaClient camunda,
      ObjectProvider<UserTaskHistory> userTaskHistory) {
    // the embedded engine's record of user task transitions; absent in cluster mode
    return new CaseHistoryService(audit, notices, camunda, userTaskHistory.getIfAvailable());
  }
}
