package org.redress.review;

import io.camunda.client.CamundaClient;
import java.time.Clock;
import org.redress.appeal.AppealService;
import org.redress.audit.AuditTrail;
import org.redress.funds.FundsService;
import org.redress.notice.NoticeService;
import org.redress.shared.security.StaffDirectory;
import org.redress.shared.web.StaffLinks;
import org.redress.suspension.SuspensionService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the review module: repository, service and one worker per job type. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReviewProperties.class)
public class ReviewConfiguration {

  @Bean
  ReviewRepository reviewRepository(JdbcClient jdbc) {
    return new ReviewRepository(jdbc);
  }

  /** The review rules: public, so the console's pages render forms and errors from them too. */
  @Bean
  ReviewRules reviewRules(ReviewProperties properties, StaffDirectory staff, Clock clock) {
    return new ReviewRules(properties, staff, clock);
  }

  @Bean
  ReviewService reviewService(
      ReviewRepository repository,
      AppealService appeals,
      SuspensionService suspensions,
      FundsService funds,
      NoticeService notices,
      AuditTrail audit,
      StaffDirectory staff,
      CamundaClient camunda,
      PlatformTransactionManager transactions,
      ReviewProperties properties,
      ReviewRules rules,
      Clock clock) {
    return new ReviewService(
        repository,
        appeals,
        suspensions,
        funds,
        notices,
        audit,
        staff,
        camunda,
        new TransactionTemplate(transactions),
        properties,
        rules,
        clock);
  }

  @Bean
  RegisterAppealWorker registerAppealWorker(AppealService appeals) {
    return new RegisterAppealWorker(appeals);
  }

  @Bean
  TriageAppealWorker triageAppealWorker(
      ReviewService reviews, ReviewProperties properties, StaffLinks links) {
    return new TriageAppealWorker(reviews, properties, links);
  }

  @Bean
  CheckReviewDecisionWorker checkReviewDecisionWorker(ReviewService reviews) {
    return new CheckReviewDecisionWorker(reviews);
  }

  @Bean
  CheckReviewApprovalWorker checkReviewApprovalWorker(ReviewService reviews) {
    return new CheckReviewApprovalWorker(reviews);
  }

  @Bean
  EscalateReviewWorker escalateReviewWorker(ReviewService reviews) {
    return new EscalateReviewWorker(reviews);
  }

  @Bean
  RecordDecisionWorker recordDecisionWorker(ReviewService reviews) {
    return new RecordDecisionWorker(reviews);
  }

  @Bean
  RestoreAccountWorker restoreAccountWorker(ReviewService reviews) {
    return new RestoreAccountWorker(reviews);
  }

  @Bean
  ModifyRestrictionWorker modifyRestrictionWorker(ReviewService reviews) {
    return new ModifyRestrictionWorker(reviews);
  }

  @Bean
  RequestInformationWorker requestInformationWorker(ReviewService reviews) {
    return new RequestInformationWorker(reviews);
  }

  @Bean
  SendDecisionNoticeWorker sendDecisionNoticeWorker(ReviewService reviews) {
    return new SendDecisionNoticeWorker(reviews);
  }
}
