package org.redress.funds.release;

import java.util.Optional;
import org.redress.funds.PayoutDestination;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Destinations from {@code redress.funds_payout_destination} (V14). */
public class LocalPayoutDestinations implements PayoutDestinations {

  private final JdbcClient jdbc;

  LocalPayoutDestinations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<PayoutDestination> of(String accountId, String currency) {
    return jdbc.sql(
            """
            SELECT account_reference, holder_name, currency, verified_at IS NOT NULL AS verified
              FROM redress.funds_payout_destination
             WHERE account_id = :accountId AND currency = :currency
            """)
        .param("accountId", accountId)
        .param("currency", currency)
        .query(
            (rs, n) ->
                new PayoutDestination(
                    rs.getString("account_reference"),
                    rs.getString("holder_name"),
                    rs.getString("currency"),
                    rs.getBoolean("verified")))
        .optional();
  }

  /** Registers or replaces a destination (demo data, tests, the platform's sync). */
  public void register(
      String accountId, PayoutDestination destination, java.time.Instant verifiedAt) {
    jdbc.sql(
            """
            INSERT INTO redress.funds_payout_destination
                (account_id, currency, account_reference, holder_name, verified_at)
            VALUES (:accountId, :currency, :reference, :holder, :verifiedAt)
            ON CONFLICT (account_id, currency) DO UPDATE SET
                account_reference = EXCLUDED.account_reference,
                holder_name = EXCLUDED.holder_name, verified_at = EXCLUDED.verified_at
            """)
        .param("accountId", accountId)
        .param("currency", destination.currency())
        .param("reference", destination.accountReference())
        .param("holder", destination.holderName())
        .param("verifiedAt", verifiedAt == null ? null : java.sql.Timestamp.from(verifiedAt))
        .update();
  }
}
