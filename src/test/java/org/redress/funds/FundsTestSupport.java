package org.redress.funds;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.redress.shared.Money;
import org.redress.support.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The funds module without Spring, on the shared test database (migrated by Flyway like the app).
 * The database is shared by every test of the JVM, so each test uses fresh wallet and case ids.
 */
final class FundsTestSupport {

  static final String ACTOR = "test";

  private static HikariDataSource dataSource;

  final JdbcClient jdbc = JdbcClient.create(dataSource());
  final FundsRepository repository = new FundsRepository(jdbc);
  final LocalPayoutGateway localGateway = new LocalPayoutGateway(repository, Clock.systemUTC());

  /** The service with the local payout gateway. */
  FundsService service() {
    return service(localGateway);
  }

  FundsService service(PayoutGateway gateway) {
    return new FundsService(
        repository,
        new TransactionTemplate(new DataSourceTransactionManager(dataSource())),
        gateway,
        Clock.systemUTC());
  }

  static synchronized DataSource dataSource() {
    if (dataSource == null) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(TestDatabase.jdbcUrl());
      config.setUsername(TestDatabase.username());
      config.setPassword(TestDatabase.password());
      config.setMaximumPoolSize(8);
      dataSource = new HikariDataSource(config);
      Flyway.configure()
          .dataSource(dataSource)
          .schemas("engine", "redress")
          .defaultSchema("redress")
          .createSchemas(true)
          .load()
          .migrate();
    }
    return dataSource;
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  /** Opens a wallet in the holder's name with a deposit; returns its id. */
  String fundedWallet(String holderName, Money deposit) {
    String walletId = unique("wallet");
    FundsService service = service();
    service.openWallet(walletId, holderName, ACTOR);
    service.deposit(new DepositCommand(walletId, deposit, unique("deposit"), ACTOR));
    return walletId;
  }

  /** How many payouts the local gateway recorded under the key (0 or 1). */
  long gatewayPayouts(String idempotencyKey) {
    return jdbc.sql("SELECT count(*) FROM redress.funds_gateway_payout WHERE idempotency_key = :k")
        .param("k", idempotencyKey)
        .query(Long.class)
        .single();
  }

  static Money eur(long cents) {
    return Money.of(cents, "EUR");
  }

  static FreezeCommand freeze(String caseId, String walletId, Money amount) {
    return new FreezeCommand(
        caseId, walletId, amount, "suspected scam transfers", caseId + "/freeze", ACTOR, null);
  }
}
