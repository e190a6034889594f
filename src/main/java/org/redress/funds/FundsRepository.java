package org.redress.funds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.redress.shared.Money;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * All SQL of the funds module (tables {@code redress.funds_*}, see {@code V7__funds_ledger.sql}).
 * Statements run in the caller's transaction; {@link FundsService} decides the boundaries and takes
 * the locks in one order: case row, then accounts by id, then payout rows.
 */
class FundsRepository {

  private final JdbcClient jdbc;

  FundsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // --- wallets and accounts -------------------------------------------------------------------

  /** Opens the wallet unless it exists; true if it was opened now. */
  boolean insertWalletIfAbsent(String walletId, String holderName, Instant now) {
    return jdbc.sql(
                """
                INSERT INTO redress.funds_wallet (wallet_id, holder_name, created_at)
                VALUES (:walletId, :holderName, :now)
                ON CONFLICT (wallet_id) DO NOTHING
                """)
            .param("walletId", walletId)
            .param("holderName", holderName)
            .param("now", ts(now))
            .update()
        == 1;
  }

  Optional<String> findWalletHolder(String walletId) {
    return jdbc.sql("SELECT holder_name FROM redress.funds_wallet WHERE wallet_id = :walletId")
        .param("walletId", walletId)
        .query(String.class)
        .optional();
  }

  /** The id of the account, created on first use; {@code walletId} is null for platform ones. */
  long account(String walletId, AccountKind kind, String currency) {
    jdbc.sql(
            """
            INSERT INTO redress.funds_account (wallet_id, kind, currency)
            VALUES (:walletId, :kind, :currency)
            ON CONFLICT (wallet_id, kind, currency) DO NOTHING
            """)
        .param("walletId", walletId)
        .param("kind", kind.name())
        .param("currency", currency)
        .update();
    return jdbc.sql(
            """
            SELECT id FROM redress.funds_account
             WHERE wallet_id IS NOT DISTINCT FROM :walletId AND kind = :kind AND currency = :currency
            """)
        .param("walletId", walletId)
        .param("kind", kind.name())
        .param("currency", currency)
        .query(Long.class)
        .single();
  }

  /**
   * Serialises balance checks of one account. NO KEY UPDATE, so that inserting lines that refer to
   * the account (a foreign-key share lock) is not blocked by it.
   */
  void lockAccount(long accountId) {
    jdbc.sql("SELECT id FROM redress.funds_account WHERE id = :id FOR NO KEY UPDATE")
        .param("id", accountId)
        .query(Long.class)
        .single();
  }

  /** The balance: the sum of the account's lines (R-PAY-2, no stored balance). */
  Money balance(long accountId, String currency) {
    long sum =
        jdbc.sql(
                """
                SELECT COALESCE(sum(amount_minor), 0) FROM redress.funds_entry_line
                 WHERE account_id = :id
                """)
            .param("id", accountId)
            .query(Long.class)
            .single();
    return Money.of(sum, currency);
  }

  /** Non-zero balances of all accounts of a wallet. */
  List<WalletBalances.Balance> walletBalances(String walletId) {
    return jdbc.sql(
            """
            SELECT a.kind, a.currency, sum(l.amount_minor) AS balance
              FROM redress.funds_account a
              JOIN redress.funds_entry_line l ON l.account_id = a.id
             WHERE a.wallet_id = :walletId
             GROUP BY a.kind, a.currency
            HAVING sum(l.amount_minor) <> 0
             ORDER BY a.currency, a.kind
            """)
        .param("walletId", walletId)
        .query(
            (rs, n) ->
                new WalletBalances.Balance(
                    AccountKind.valueOf(rs.getString("kind")),
                    Money.of(rs.getLong("balance"), rs.getString("currency"))))
        .list();
  }

  /** Balance of one platform account (PLATFORM_FUNDING, PAYOUT_CLEARING) in a currency. */
  Money platformBalance(AccountKind kind, String currency) {
    long sum =
        jdbc.sql(
                """
                SELECT COALESCE(sum(l.amount_minor), 0)
                  FROM redress.funds_account a
                  JOIN redress.funds_entry_line l ON l.account_id = a.id
                 WHERE a.wallet_id IS NULL AND a.kind = :kind AND a.currency = :currency
                """)
            .param("kind", kind.name())
            .param("currency", currency)
            .query(Long.class)
            .single();
    return Money.of(sum, currency);
  }

  // --- journal --------------------------------------------------------------------------------

  /** Stores the entry and its lines; the database re-checks the balance at commit. */
  long insertEntry(JournalEntry entry, String idempotencyKey, Instant now) {
    long entryId =
        jdbc.sql(
                """
                INSERT INTO redress.funds_entry (kind, case_id, description, idempotency_key, created_at)
                VALUES (:kind, :caseId, :description, :key, :now)
                RETURNING id
                """)
            .param("kind", entry.kind().name())
            .param("caseId", entry.caseId())
            .param("description", entry.description())
            .param("key", idempotencyKey)
            .param("now", ts(now))
            .query(Long.class)
            .single();
    int lineNo = 0;
    for (JournalEntry.Line line : entry.lines()) {
      jdbc.sql(
              """
              INSERT INTO redress.funds_entry_line (entry_id, line_no, account_id, currency, amount_minor)
              VALUES (:entryId, :lineNo, :accountId, :currency, :amount)
              """)
          .param("entryId", entryId)
          .param("lineNo", ++lineNo)
          .param("accountId", line.accountId())
          .param("currency", line.amount().currency())
          .param("amount", line.amount().minorUnits())
          .update();
    }
    return entryId;
  }

  boolean entryExists(String idempotencyKey) {
    return jdbc.sql("SELECT count(*) FROM redress.funds_entry WHERE idempotency_key = :key")
            .param("key", idempotencyKey)
            .query(Long.class)
            .single()
        > 0;
  }

  // --- cases ----------------------------------------------------------------------------------

  void insertCaseIfAbsent(String caseId, String walletId, Instant now) {
    jdbc.sql(
            """
            INSERT INTO redress.funds_case (case_id, wallet_id, created_at)
            VALUES (:caseId, :walletId, :now)
            ON CONFLICT (case_id) DO NOTHING
            """)
        .param("caseId", caseId)
        .param("walletId", walletId)
        .param("now", ts(now))
        .update();
  }

  /** Locks the case row (the lock of all its funds changes) and returns its wallet id. */
  Optional<String> lockCase(String caseId) {
    return jdbc.sql("SELECT wallet_id FROM redress.funds_case WHERE case_id = :caseId FOR UPDATE")
        .param("caseId", caseId)
        .query(String.class)
        .optional();
  }

  // --- holds ----------------------------------------------------------------------------------

  long insertHold(
      String caseId,
      Hold.Kind kind,
      Money amount,
      String reason,
      String idempotencyKey,
      long pendingEntryId,
      Instant reviewAt,
      Instant now) {
    return jdbc.sql(
            """
            INSERT INTO redress.funds_hold (case_id, kind, currency, amount_minor, reason,
                                            idempotency_key, state, pending_entry_id, review_at,
                                            created_at)
            VALUES (:caseId, :kind, :currency, :amount, :reason, :key, 'PENDING', :entryId,
                    :reviewAt, :now)
            RETURNING id
            """)
        .param("caseId", caseId)
        .param("kind", kind.name())
        .param("currency", amount.currency())
        .param("amount", amount.minorUnits())
        .param("reason", reason)
        .param("key", idempotencyKey)
        .param("entryId", pendingEntryId)
        .param("reviewAt", ts(reviewAt))
        .param("now", ts(now))
        .query(Long.class)
        .single();
  }

  Optional<Hold> findHold(long holdId) {
    return jdbc.sql("SELECT * FROM redress.funds_hold WHERE id = :id")
        .param("id", holdId)
        .query(HOLD)
        .optional();
  }

  Optional<Hold> findHoldByKey(String idempotencyKey) {
    return jdbc.sql("SELECT * FROM redress.funds_hold WHERE idempotency_key = :key")
        .param("key", idempotencyKey)
        .query(HOLD)
        .optional();
  }

  List<Hold> holds(String caseId) {
    return jdbc.sql("SELECT * FROM redress.funds_hold WHERE case_id = :caseId ORDER BY id")
        .param("caseId", caseId)
        .query(HOLD)
        .list();
  }

  List<Hold> pendingHolds(String caseId, Hold.Kind kind) {
    return jdbc.sql(
            """
            SELECT * FROM redress.funds_hold
             WHERE case_id = :caseId AND kind = :kind AND state = 'PENDING'
             ORDER BY id
            """)
        .param("caseId", caseId)
        .param("kind", kind.name())
        .query(HOLD)
        .list();
  }

  /**
   * Resolves a pending hold; 0 if it was not pending any more. The {@code state = 'PENDING'}
   * condition is what makes a hold resolve at most once, even without the case lock.
   */
  int resolveHold(
      long holdId, Hold.State state, long resolvingEntryId, Long releaseId, Instant now) {
    return jdbc.sql(
            """
            UPDATE redress.funds_hold
               SET state = :state, resolving_entry_id = :entryId, release_id = :releaseId,
                   resolved_at = :now
             WHERE id = :id AND state = 'PENDING'
            """)
        .param("state", state.name())
        .param("entryId", resolvingEntryId)
        .param("releaseId", releaseId)
        .param("now", ts(now))
        .param("id", holdId)
        .update();
  }

  /** Released amounts of a release, per currency (from the holds it voided). */
  List<Money> releasedBy(long releaseId) {
    return jdbc.sql(
            """
            SELECT currency, sum(amount_minor) AS amount FROM redress.funds_hold
             WHERE release_id = :releaseId
             GROUP BY currency ORDER BY currency
            """)
        .param("releaseId", releaseId)
        .query(MONEY)
        .list();
  }

  /** Everything the case's releases returned to the wallet in one currency. */
  Money releasedForCase(String caseId, String currency) {
    long sum =
        jdbc.sql(
                """
                SELECT COALESCE(sum(amount_minor), 0) FROM redress.funds_hold
                 WHERE case_id = :caseId AND currency = :currency AND release_id IS NOT NULL
                """)
            .param("caseId", caseId)
            .param("currency", currency)
            .query(Long.class)
            .single();
    return Money.of(sum, currency);
  }

  // --- releases -------------------------------------------------------------------------------

  record StoredRelease(long id, String caseId, String idempotencyKey) {}

  Optional<StoredRelease> findReleaseByKey(String idempotencyKey) {
    return jdbc.sql(
            """
            SELECT id, case_id, idempotency_key FROM redress.funds_release
             WHERE idempotency_key = :key
            """)
        .param("key", idempotencyKey)
        .query((rs, n) -> new StoredRelease(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  long insertRelease(String caseId, String idempotencyKey, String actor, Instant now) {
    return jdbc.sql(
            """
            INSERT INTO redress.funds_release (case_id, idempotency_key, actor, released_at)
            VALUES (:caseId, :key, :actor, :now)
            RETURNING id
            """)
        .param("caseId", caseId)
        .param("key", idempotencyKey)
        .param("actor", actor)
        .param("now", ts(now))
        .query(Long.class)
        .single();
  }

  // --- payouts --------------------------------------------------------------------------------

  /** A stored payout; {@code status} is REQUESTED while the gateway's outcome is unknown. */
  record StoredPayout(
      long id,
      String caseId,
      String idempotencyKey,
      String destinationReference,
      String holderName,
      Money amount,
      long holdId,
      String status,
      String gatewayReference,
      String rejectionReason) {}

  Optional<StoredPayout> findPayoutByKey(String idempotencyKey) {
    return jdbc.sql("SELECT * FROM redress.funds_payout WHERE idempotency_key = :key")
        .param("key", idempotencyKey)
        .query(PAYOUT)
        .optional();
  }

  StoredPayout lockPayout(long payoutId) {
    return jdbc.sql("SELECT * FROM redress.funds_payout WHERE id = :id FOR UPDATE")
        .param("id", payoutId)
        .query(PAYOUT)
        .single();
  }

  Optional<StoredPayout> findInFlightPayout(String caseId, String currency) {
    return jdbc.sql(
            """
            SELECT * FROM redress.funds_payout
             WHERE case_id = :caseId AND currency = :currency AND status = 'REQUESTED'
            """)
        .param("caseId", caseId)
        .param("currency", currency)
        .query(PAYOUT)
        .optional();
  }

  /** What the case paid out or is paying out in one currency (rejected payouts moved nothing). */
  Money paidOrRequestedForCase(String caseId, String currency) {
    long sum =
        jdbc.sql(
                """
                SELECT COALESCE(sum(amount_minor), 0) FROM redress.funds_payout
                 WHERE case_id = :caseId AND currency = :currency
                   AND status IN ('REQUESTED', 'PAID')
                """)
            .param("caseId", caseId)
            .param("currency", currency)
            .query(Long.class)
            .single();
    return Money.of(sum, currency);
  }

  long insertPayout(
      String caseId,
      String idempotencyKey,
      PayoutDestination destination,
      Money amount,
      long holdId,
      Instant now) {
    return jdbc.sql(
            """
            INSERT INTO redress.funds_payout (case_id, idempotency_key, destination_reference,
                                              holder_name, currency, amount_minor, hold_id, status,
                                              requested_at)
            VALUES (:caseId, :key, :destination, :holderName, :currency, :amount, :holdId,
                    'REQUESTED', :now)
            RETURNING id
            """)
        .param("caseId", caseId)
        .param("key", idempotencyKey)
        .param("destination", destination.accountReference())
        .param("holderName", destination.holderName())
        .param("currency", amount.currency())
        .param("amount", amount.minorUnits())
        .param("holdId", holdId)
        .param("now", ts(now))
        .query(Long.class)
        .single();
  }

  void completePayout(
      long payoutId, String status, String gatewayReference, String rejectionReason, Instant now) {
    jdbc.sql(
            """
            UPDATE redress.funds_payout
               SET status = :status, gateway_reference = :gatewayReference,
                   rejection_reason = :rejectionReason, completed_at = :now
             WHERE id = :id AND status = 'REQUESTED'
            """)
        .param("status", status)
        .param("gatewayReference", gatewayReference)
        .param("rejectionReason", rejectionReason)
        .param("now", ts(now))
        .param("id", payoutId)
        .update();
  }

  // --- events ---------------------------------------------------------------------------------

  void insertEvent(
      String caseId,
      String walletId,
      FundsEvent.Type type,
      Long holdId,
      Money amount,
      String actor,
      String detail,
      String idempotencyKey,
      Instant now) {
    jdbc.sql(
            """
            INSERT INTO redress.funds_event (case_id, wallet_id, type, hold_id, currency,
                                             amount_minor, actor, detail, idempotency_key,
                                             occurred_at)
            VALUES (:caseId, :walletId, :type, :holdId, :currency, :amount, :actor, :detail, :key,
                    :now)
            """)
        .param("caseId", caseId)
        .param("walletId", walletId)
        .param("type", type.name())
        .param("holdId", holdId)
        .param("currency", amount == null ? null : amount.currency())
        .param("amount", amount == null ? null : amount.minorUnits())
        .param("actor", actor)
        .param("detail", detail)
        .param("key", idempotencyKey)
        .param("now", ts(now))
        .update();
  }

  List<FundsEvent> events(String caseId) {
    return jdbc.sql("SELECT * FROM redress.funds_event WHERE case_id = :caseId ORDER BY id")
        .param("caseId", caseId)
        .query(
            (rs, n) -> {
              String currency = rs.getString("currency");
              return new FundsEvent(
                  rs.getLong("id"),
                  rs.getString("case_id"),
                  rs.getString("wallet_id"),
                  FundsEvent.Type.valueOf(rs.getString("type")),
                  rs.getObject("hold_id", Long.class),
                  currency == null ? null : Money.of(rs.getLong("amount_minor"), currency),
                  rs.getString("actor"),
                  rs.getString("detail"),
                  rs.getString("idempotency_key"),
                  instant(rs, "occurred_at"));
            })
        .list();
  }

  // --- the local payment provider (LocalPayoutGateway) ----------------------------------------

  record GatewayPayout(PayoutRequest request, String gatewayReference) {}

  /** The local provider's write: one row per key; runs in its own (auto-commit) transaction. */
  void insertGatewayPayoutIfAbsent(PayoutRequest request, String gatewayReference, Clock clock) {
    jdbc.sql(
            """
            INSERT INTO redress.funds_gateway_payout (idempotency_key, case_id,
                                                      destination_reference, holder_name, currency,
                                                      amount_minor, gateway_reference, received_at)
            VALUES (:key, :caseId, :destination, :holderName, :currency, :amount,
                    :gatewayReference, :now)
            ON CONFLICT (idempotency_key) DO NOTHING
            """)
        .param("key", request.idempotencyKey())
        .param("caseId", request.caseId())
        .param("destination", request.destinationReference())
        .param("holderName", request.holderName())
        .param("currency", request.amount().currency())
        .param("amount", request.amount().minorUnits())
        .param("gatewayReference", gatewayReference)
        .param("now", ts(clock.instant()))
        .update();
  }

  Optional<GatewayPayout> findGatewayPayout(String idempotencyKey) {
    return jdbc.sql("SELECT * FROM redress.funds_gateway_payout WHERE idempotency_key = :key")
        .param("key", idempotencyKey)
        .query(
            (rs, n) ->
                new GatewayPayout(
                    new PayoutRequest(
                        rs.getString("idempotency_key"),
                        rs.getString("case_id"),
                        rs.getString("destination_reference"),
                        rs.getString("holder_name"),
                        Money.of(rs.getLong("amount_minor"), rs.getString("currency"))),
                    rs.getString("gateway_reference")))
        .optional();
  }

  // --- mapping --------------------------------------------------------------------------------

  private static final RowMapper<Money> MONEY =
      (rs, n) -> Money.of(rs.getLong("amount"), rs.getString("currency"));

  private static final RowMapper<Hold> HOLD =
      (rs, n) ->
          new Hold(
              rs.getLong("id"),
              rs.getString("case_id"),
              Hold.Kind.valueOf(rs.getString("kind")),
              Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
              rs.getString("reason"),
              Hold.State.valueOf(rs.getString("state")),
              instant(rs, "review_at"),
              instant(rs, "created_at"),
              instant(rs, "resolved_at"));

  private static final RowMapper<StoredPayout> PAYOUT =
      (rs, n) ->
          new StoredPayout(
              rs.getLong("id"),
              rs.getString("case_id"),
              rs.getString("idempotency_key"),
              rs.getString("destination_reference"),
              rs.getString("holder_name"),
              Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
              rs.getLong("hold_id"),
              rs.getString("status"),
              rs.getString("gateway_reference"),
              rs.getString("rejection_reason"));

  private static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
