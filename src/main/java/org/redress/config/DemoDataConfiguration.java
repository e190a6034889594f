package org.redress.config;

import java.time.Clock;
import org.redress.funds.DepositCommand;
import org.redress.funds.FundsService;
import org.redress.funds.PayoutDestination;
import org.redress.funds.release.LocalPayoutDestinations;
import org.redress.funds.release.PayoutDestinations;
import org.redress.shared.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Demo wallets for the README walk-through ({@code redress.demo.enabled}, on by default in the
 * embedded mode, off in production): two platform users with money in their wallets and a verified
 * payout destination in their own names. Idempotent: re-running changes nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "redress.demo.enabled", havingValue = "true")
public class DemoDataConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DemoDataConfiguration.class);

  @Bean
  ApplicationRunner demoWallets(FundsService funds, PayoutDestinations destinations, Clock clock) {
    return args -> {
      wallet(funds, destinations, clock, "u-1001", "w-1001", "李伟", Money.of(120_000, "CNY"));
      wallet(
          funds, destinations, clock, "u-2002", "w-2002", "Anna Schmidt", Money.of(50_000, "EUR"));
      log.info("Demo wallets ready: w-1001 (李伟, 1200.00 CNY), w-2002 (Anna Schmidt, 500.00 EUR)");
    };
  }

  private static void wallet(
      FundsService funds,
      PayoutDestinations destinations,
      Clock clock,
      String accountId,
      String walletId,
      String holder,
      Money balance) {
    funds.openWallet(walletId, holder, "demo-data");
    funds.deposit(new DepositCommand(walletId, balance, "demo-" + walletId, "demo-data"));
    if (destinations instanceof LocalPayoutDestinations local) {
      local.register(
          accountId,
          new PayoutDestination("DEMO-BANK-" + walletId, holder, balance.currency(), true),
          clock.instant());
    }
  }
}
