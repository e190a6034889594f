package org.redress.review.console;

import io.camunda.client.CamundaClient;
import java.time.Clock;
import org.redress.appeal.AppealService;
import org.redress.audit.AuditTrail;
import org.redress.funds.FundsService;
import org.redress.notice.NoticeTemplates;
import org.redress.review.ReviewProperties;
import org.redress.review.ReviewRules;
import org.redress.review.ReviewService;
import org.redress.shared.security.StaffDirectory;
import org.redress.suspension.SuspensionService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the reviewer console's queries and task actions. */
@Configuration(proxyBeanMethods = false)
public class ReviewConsoleConfiguration {

  @Bean
  ReviewQueue reviewQueue(CamundaClient camunda, JdbcClient jdbc, Clock clock) {
    return new ReviewQueue(camunda, new QueueFacts(jdbc), clock);
  }

  @Bean
  TaskWork taskWork(
      CamundaClient camunda,
      AppealService appeals,
      SuspensionService suspensions,
      ReviewService reviews,
      ReviewRules rules,
      AuditTrail audit,
      Clock clock) {
    return new TaskWork(camunda, appeals, suspensions, reviews, rules, audit, clock);
  }

  @Bean
  CaseFiles caseFiles(
      SuspensionService suspensions,
      AppealService appeals,
      FundsService funds,
      ReviewService reviews) {
    return new CaseFiles(suspensions, appeals, funds, reviews);
  }

  @Bean
  NoticePreview noticePreview(
      NoticeTemplates templates,
      FundsService funds,
      StaffDirectory staff,
      ReviewProperties properties,
      Clock clock) {
    return new NoticePreview(templates, funds, staff, properties, clock);
  }

  @Bean
  MyDecisions myDecisions(JdbcClient jdbc) {
    return new MyDecisions(jdbc);
  }
}
