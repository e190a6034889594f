package org.redress.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.redress.appeal.AppealService;
import org.redress.appeal.AppealService.FileAppeal;
import org.redress.appeal.ContactPreference;
import org.redress.funds.DepositCommand;
import org.redress.funds.FundsService;
import org.redress.funds.PayoutDestination;
import org.redress.funds.release.LocalPayoutDestinations;
import org.redress.funds.release.PayoutDestinations;
import org.redress.shared.Money;
import org.redress.shared.web.ApiException;
import org.redress.suspension.CaseStatus;
import org.redress.suspension.MeasureType;
import org.redress.suspension.SuspensionCase.GroundType;
import org.redress.suspension.SuspensionRequest;
import org.redress.suspension.SuspensionRequest.AccountRef;
import org.redress.suspension.SuspensionRequest.Amount;
import org.redress.suspension.SuspensionRequest.Ground;
import org.redress.suspension.SuspensionRequest.MeasureRequest;
import org.redress.suspension.SuspensionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Demo cases for the staff console ({@code redress.demo.cases}, on with the demo data in the
 * embedded default): three suspended demo accounts, two of which have appealed, so that a reviewer
 * who signs in finds work in the queue and an auditor finds cases to read. They go through the real
 * services and the real processes, as if the platform had reported them and the users had appealed.
 * Idempotent: a case whose platform decision id exists already is not reported again.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "redress.demo.cases", havingValue = "true")
class DemoCasesConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DemoCasesConfiguration.class);
  private static final Duration WAIT_FOR_NOTICE = Duration.ofSeconds(60);

  record DemoCase(
      String decisionId,
      String accountId,
      String name,
      String locale,
      Money frozen,
      String imposedBy,
      String facts,
      String appeal) {}

  static final List<DemoCase> CASES =
      List.of(
          new DemoCase(
              "demo-console-1",
              "u-3003",
              "王芳",
              "zh-CN",
              Money.of(150_000, "CNY"),
              "bob",
              "2026-11-28 09:00至09:40（UTC）期间，该账号向210个陌生用户发送了相同的收款请求。",
              "这些是我网店客户的订单付款请求，我有订单记录。我的房租要用这笔钱，请尽快处理。"),
          new DemoCase(
              "demo-console-2",
              "u-4004",
              "Lukas Weber",
              "en",
              Money.of(25_000, "EUR"),
              "mod-chen",
              "On 2026-11-29 the account posted the same investment offer in 48 group chats.",
              "I shared my own savings club's offer with friends who asked for it. It is not a"
                  + " scam and I can show the club's registration."),
          new DemoCase(
              "demo-console-3",
              "u-5005",
              "Sofia Rossi",
              "en",
              Money.of(9_000, "EUR"),
              "mod-chen",
              "On 2026-11-30 the account sent 95 friend requests with a link to a phishing page.",
              null));

  @Bean
  ApplicationListener<ApplicationReadyEvent> demoCases(
      SuspensionService suspensions,
      AppealService appeals,
      FundsService funds,
      PayoutDestinations destinations,
      Clock clock) {
    return event -> {
      Thread seeder =
          new Thread(
              () -> {
                for (DemoCase demo : CASES) {
                  try {
                    seed(demo, suspensions, appeals, funds, destinations, clock);
                  } catch (ApiException e) {
                    log.warn(
                        "Demo case {} not created: {} {}",
                        demo.decisionId(),
                        e.getMessage(),
                        e.properties());
                  } catch (RuntimeException e) {
                    log.warn("Demo case {} not created: {}", demo.decisionId(), e.toString());
                  }
                }
              },
              "demo-cases");
      seeder.setDaemon(true);
      seeder.start();
    };
  }

  private static void seed(
      DemoCase demo,
      SuspensionService suspensions,
      AppealService appeals,
      FundsService funds,
      PayoutDestinations destinations,
      Clock clock) {
    String walletId = "w-" + demo.accountId().substring(2);
    funds.openWallet(walletId, demo.name(), "demo-data");
    funds.deposit(new DepositCommand(walletId, demo.frozen(), "demo-" + walletId, "demo-data"));
    Instant now = clock.instant();
    if (destinations instanceof LocalPayoutDestinations local) {
      local.register(
          demo.accountId(),
          new PayoutDestination(
              "DEMO-BANK-" + walletId, demo.name(), demo.frozen().currency(), true),
          now);
    }
    boolean chinese = demo.locale().equals("zh-CN");
    SuspensionRequest request =
        new SuspensionRequest(
            demo.decisionId(),
            new AccountRef(demo.accountId(), demo.name(), demo.locale(), walletId),
            List.of(
                new MeasureRequest(
                    MeasureType.ACCOUNT,
                    chinese ? "登录和发送消息被暂停" : "Log-in and messaging disabled",
                    chinese ? "全球" : "worldwide",
                    now,
                    null,
                    true,
                    null,
                    null),
                new MeasureRequest(
                    MeasureType.MONETARY,
                    chinese ? "钱包余额冻结" : "Wallet balance frozen",
                    chinese ? "全球" : "worldwide",
                    now,
                    null,
                    true,
                    new Amount(demo.frozen().minorUnits(), demo.frozen().currency()),
                    null)),
            new Ground(
                GroundType.CONTRACTUAL,
                chinese ? "用户服务协议 v4.2 第7.3条" : "Terms of Service v4.2, clause 7.3",
                chinese
                    ? "该账号在四十分钟内向210个陌生用户批量发送相同的收款请求，属于用户服务协议禁止的诈骗性收款行为"
                    : "The account sent bulk messages to strangers to obtain money by deception"),
            demo.facts(),
            "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
            true,
            false,
            "SOURCE_VOLUNTARY",
            demo.imposedBy(),
            now);
    SuspensionService.Intake intake = suspensions.open(request, "moderation-system");
    if (!intake.created() || demo.appeal() == null) {
      return;
    }
    String caseId = intake.suspensionCase().caseId();
    Instant deadline = Instant.now().plus(WAIT_FOR_NOTICE);
    while (suspensions.get(caseId).status() != CaseStatus.NOTIFIED) {
      if (Instant.now().isAfter(deadline)) {
        log.warn("Demo case {}: no suspension notice within {}", caseId, WAIT_FOR_NOTICE);
        return;
      }
      try {
        Thread.sleep(250); // a one-off start-up task, polling the case's status
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    appeals.file(
        caseId, new FileAppeal(demo.appeal(), ContactPreference.IN_APP, false, null), List.of());
    log.info("Demo case {} ({}): suspended and appealed", caseId, demo.decisionId());
  }
}
