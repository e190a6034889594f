package org.redress.funds;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.redress.funds.FundsRepository.StoredPayout;
import org.redress.funds.FundsRepository.StoredRelease;
import org.redress.shared.Money;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The funds module's API: wallet money frozen for a case, legal holds, and the idempotent release
 * and payout of what may be released (R-PAY-1..4, R-PAY-7, R-CN-6).
 *
 * <p>Every method is one database transaction (payout: two, around the gateway call) and is
 * idempotent by its business key, because workflow jobs are delivered at least once (house rule 5).
 * All changes of one case serialise on the case's row lock. Every change writes a {@link
 * FundsEvent}. Refusals throw {@link FundsException}; bad arguments throw {@link
 * IllegalArgumentException}.
 */
public class FundsService {

  private final FundsRepository repository;
  private final TransactionTemplate transactions;
  private final PayoutGateway gateway;
  private final Clock clock;

  FundsService(
      FundsRepository repository,
      TransactionTemplate transactions,
      PayoutGateway gateway,
      Clock clock) {
    this.repository = repository;
    this.transactions = transactions;
    this.gateway = gateway;
    this.clock = clock;
  }

  // --- wallets (the platform's side; the local ledger needs them) -------------------------------

  /** Opens a wallet in the name of its verified holder; opening it again changes nothing. */
  public void openWallet(String walletId, String holderName, String actor) {
    Checks.requireText(walletId, "walletId");
    Checks.requireText(holderName, "holderName");
    Checks.requireText(actor, "actor");
    inTransaction(
        () -> {
          if (repository.insertWalletIfAbsent(walletId, holderName, now())) {
            repository.insertEvent(
                null,
                walletId,
                FundsEvent.Type.WALLET_OPENED,
                null,
                null,
                actor,
                null,
                null,
                now());
          } else if (!repository.findWalletHolder(walletId).orElseThrow().equals(holderName)) {
            throw new FundsException(
                FundsError.WALLET_HOLDER_MISMATCH,
                "Wallet " + walletId + " is already open in another holder's name");
          }
          return null;
        });
  }

  /** Credits the wallet's available balance once per deposit reference. */
  public void deposit(DepositCommand command) {
    String key = "deposit/" + command.reference();
    inTransaction(
        () -> {
          requireWallet(command.walletId());
          if (repository.entryExists(key)) {
            return null;
          }
          Money amount = command.amount();
          long funding = repository.account(null, AccountKind.PLATFORM_FUNDING, amount.currency());
          long available =
              repository.account(command.walletId(), AccountKind.AVAILABLE, amount.currency());
          repository.insertEntry(
              JournalEntry.transfer(
                  JournalEntry.Kind.DEPOSIT,
                  null,
                  "deposit " + command.reference(),
                  funding,
                  available,
                  amount),
              key,
              now());
          repository.insertEvent(
              null,
              command.walletId(),
              FundsEvent.Type.DEPOSITED,
              null,
              amount,
              command.actor(),
              command.reference(),
              key,
              now());
          return null;
        });
  }

  /** True if the wallet was opened in this ledger (intake refuses to freeze an unknown one). */
  public boolean walletExists(String walletId) {
    return walletId != null && repository.findWalletHolder(walletId).isPresent();
  }

  /** A wallet's balances, each summed from its ledger lines. */
  public WalletBalances balances(String walletId) {
    return new WalletBalances(walletId, repository.walletBalances(walletId));
  }

  // --- holds ---------------------------------------------------------------------------------

  /**
   * Freezes money of the wallet for the case: a PENDING workflow hold moving it from available to
   * held (R-PAY-2). The same idempotency key returns the first hold.
   *
   * @throws FundsException INSUFFICIENT_FUNDS, WALLET_NOT_FOUND, CASE_WALLET_MISMATCH,
   *     IDEMPOTENCY_KEY_CONFLICT
   */
  public Hold freeze(FreezeCommand command) {
    return inTransaction(
        () -> {
          requireWallet(command.walletId());
          repository.insertCaseIfAbsent(command.caseId(), command.walletId(), now());
          String walletId = lockCase(command.caseId());
          if (!walletId.equals(command.walletId())) {
            throw new FundsException(
                FundsError.CASE_WALLET_MISMATCH,
                "Case " + command.caseId() + " already freezes wallet " + walletId);
          }
          var existing = repository.findHoldByKey(command.idempotencyKey());
          if (existing.isPresent()) {
            Hold hold = existing.get();
            if (!hold.caseId().equals(command.caseId())
                || hold.kind() != Hold.Kind.WORKFLOW
                || !hold.amount().equals(command.amount())) {
              throw keyConflict(command.idempotencyKey());
            }
            return hold;
          }
          return createHold(
              command.caseId(),
              walletId,
              Hold.Kind.WORKFLOW,
              command.amount(),
              command.reason(),
              command.idempotencyKey(),
              command.reviewAt(),
              command.actor(),
              FundsEvent.Type.FROZEN,
              command.reason());
        });
  }

  /**
   * Places a legal hold on the case's wallet (R-PAY-1, R-CN-5). The money comes first out of the
   * case's workflow holds (each affected one is voided and its remainder frozen again, since holds
   * are immutable), then out of the available balance, so that "frozen minus legally held" is what
   * the workflow may release. Idempotent per case and legal reference.
   *
   * @throws FundsException CASE_NOT_FOUND, INSUFFICIENT_FUNDS, IDEMPOTENCY_KEY_CONFLICT
   */
  public Hold placeLegalHold(LegalHoldCommand command) {
    String key = "legal-hold/" + command.caseId() + "/" + command.legalReference();
    return inTransaction(
        () -> {
          String walletId = lockCase(command.caseId());
          var existing = repository.findHoldByKey(key);
          if (existing.isPresent()) {
            if (!existing.get().amount().equals(command.amount())) {
              throw keyConflict(command.legalReference());
            }
            return existing.get();
          }
          Money needed = command.amount();
          for (Hold hold : repository.pendingHolds(command.caseId(), Hold.Kind.WORKFLOW)) {
            if (needed.isZero()) {
              break;
            }
            if (!hold.amount().currency().equals(needed.currency())) {
              continue;
            }
            Money covered = hold.amount().min(needed);
            String why = covered + " taken under legal hold " + command.legalReference();
            resolve(walletId, hold, Hold.State.VOIDED, null, command.actor(), null, why);
            Money rest = hold.amount().minus(covered);
            if (rest.isPositive()) {
              createHold(
                  command.caseId(),
                  walletId,
                  Hold.Kind.WORKFLOW,
                  rest,
                  hold.reason(),
                  null,
                  hold.reviewAt(),
                  command.actor(),
                  FundsEvent.Type.FROZEN,
                  "remainder of hold "
                      + hold.id()
                      + " after legal hold "
                      + command.legalReference());
            }
            needed = needed.minus(covered);
          }
          return createHold(
              command.caseId(),
              walletId,
              Hold.Kind.LEGAL,
              command.amount(),
              command.legalReference(),
              key,
              null,
              command.actor(),
              FundsEvent.Type.LEGAL_HOLD_PLACED,
              command.legalReference());
        });
  }

  /**
   * Voids a workflow hold: its money goes back to available. Voiding a voided hold changes nothing.
   *
   * @throws FundsException HOLD_NOT_FOUND, HOLD_ALREADY_RESOLVED (it was posted),
   *     LEGAL_HOLD_NOT_RELEASABLE, HOLD_MANAGED_BY_PAYOUT
   */
  public Hold voidHold(long holdId, String actor) {
    return resolveWorkflowHold(holdId, Hold.State.VOIDED, actor);
  }

  /**
   * Posts a workflow hold: its money leaves the wallet for payout clearing. This settles money away
   * from the user, so callers need a decision with a legal basis (R-PAY-5); the release path never
   * posts. Posting a posted hold changes nothing.
   *
   * @throws FundsException HOLD_NOT_FOUND, HOLD_ALREADY_RESOLVED (it was voided),
   *     LEGAL_HOLD_NOT_RELEASABLE, HOLD_MANAGED_BY_PAYOUT
   */
  public Hold postHold(long holdId, String actor) {
    return resolveWorkflowHold(holdId, Hold.State.POSTED, actor);
  }

  /** The case's holds, oldest first. */
  public List<Hold> holds(String caseId) {
    return repository.holds(caseId);
  }

  // --- release -------------------------------------------------------------------------------

  /** Frozen (workflow and legal holds), legally held, and releasable money of the case. */
  public ReleasableAssessment assessReleasable(String caseId) {
    List<Money> frozen = new ArrayList<>();
    List<Money> legal = new ArrayList<>();
    for (Hold hold : repository.holds(caseId)) {
      if (hold.isPending() && hold.kind() != Hold.Kind.PAYOUT) {
        frozen.add(hold.amount());
        if (hold.kind() == Hold.Kind.LEGAL) {
          legal.add(hold.amount());
        }
      }
    }
    return ReleasableAssessment.of(caseId, frozen, legal);
  }

  /**
   * What the ledger holds, released and paid out for the case (zero lists for a case that never
   * froze anything): the facts notices and the case view state.
   */
  public CaseFunds summary(String caseId) {
    ReleasableAssessment assessment = assessReleasable(caseId);
    List<Money> released = new ArrayList<>();
    List<Money> paid = new ArrayList<>();
    for (FundsEvent event : repository.events(caseId)) {
      if (event.amount() == null) {
        continue;
      }
      if (event.type() == FundsEvent.Type.RELEASED) {
        released.add(event.amount());
      } else if (event.type() == FundsEvent.Type.PAYOUT_PAID) {
        paid.add(event.amount());
      }
    }
    return new CaseFunds(
        caseId,
        assessment.frozen(),
        assessment.legallyHeld(),
        assessment.releasable(),
        Amounts.totals(released),
        Amounts.totals(paid));
  }

  /**
   * Releases the releasable part of the case at once (R-PAY-7): voids every pending workflow hold,
   * so the money is available to the user again; legal holds stay (R-PAY-1). Exactly once per
   * idempotency key (R-PAY-3): a repeated key returns the first result; a concurrent or later call
   * with another key finds nothing pending and releases nothing.
   *
   * @throws FundsException CASE_NOT_FOUND, IDEMPOTENCY_KEY_CONFLICT (key of another case)
   */
  public ReleaseResult release(ReleaseCommand command) {
    return inTransaction(
        () -> {
          String walletId = lockCase(command.caseId());
          var previous = repository.findReleaseByKey(command.idempotencyKey());
          if (previous.isPresent()) {
            StoredRelease release = previous.get();
            if (!release.caseId().equals(command.caseId())) {
              throw keyConflict(command.idempotencyKey());
            }
            return new ReleaseResult(
                release.id(),
                release.caseId(),
                release.idempotencyKey(),
                repository.releasedBy(release.id()),
                assessReleasable(command.caseId()).legallyHeld(),
                true);
          }
          ReleasableAssessment assessment = assessReleasable(command.caseId());
          long releaseId =
              repository.insertRelease(
                  command.caseId(), command.idempotencyKey(), command.actor(), now());
          List<Money> voided = new ArrayList<>();
          for (Hold hold : repository.pendingHolds(command.caseId(), Hold.Kind.WORKFLOW)) {
            resolve(
                walletId,
                hold,
                Hold.State.VOIDED,
                releaseId,
                command.actor(),
                command.idempotencyKey(),
                "released");
            voided.add(hold.amount());
          }
          List<Money> released = Amounts.totals(voided);
          if (!released.equals(assessment.releasable())) {
            throw new IllegalStateException(
                "Expected release of case "
                    + command.caseId()
                    + " to void the releasable "
                    + assessment.releasable()
                    + ", but it voided "
                    + released);
          }
          for (Money amount : released) {
            event(
                command.caseId(),
                FundsEvent.Type.RELEASED,
                null,
                amount,
                command.actor(),
                assessment.legallyHeld().isEmpty()
                    ? null
                    : "still under legal hold: " + assessment.legallyHeld(),
                command.idempotencyKey());
          }
          return new ReleaseResult(
              releaseId,
              command.caseId(),
              command.idempotencyKey(),
              released,
              assessment.legallyHeld(),
              false);
        });
  }

  // --- payout --------------------------------------------------------------------------------

  /**
   * Pays the case's released, not yet paid money in the destination's currency out to the user
   * (R-PAY-3, R-CN-6), at most what the wallet still has available.
   *
   * <p>R-PAY-4: first the payout, its idempotency key and a payout hold (available → payout
   * pending) are committed; only then is the gateway called with that key; its answer posts the
   * hold (paid) or voids it (rejected: the money is available again). After a crash or a transient
   * failure the same key resumes the stored payout and calls the gateway again with the same key,
   * which the gateway deduplicates. Must not run inside a transaction, or the record would not be
   * committed before the call.
   *
   * @return PAID, REJECTED (a business outcome, {@link PayoutResult#errorCode()}) or NOTHING_TO_PAY
   * @throws FundsException DESTINATION_NOT_VERIFIED, DESTINATION_NAME_MISMATCH, CASE_NOT_FOUND,
   *     PAYOUT_IN_PROGRESS, IDEMPOTENCY_KEY_CONFLICT
   * @throws RuntimeException the gateway's transient failures, to be retried with the same key
   */
  public PayoutResult payout(PayoutCommand command) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException(
          "Expected payout to run outside a transaction (its record must be committed before the"
              + " gateway call, R-PAY-4), but a transaction is active");
    }
    Prepared prepared = inTransaction(() -> preparePayout(command));
    if (prepared.refusal() != null) {
      inTransaction(
          () -> {
            event(
                command.caseId(),
                FundsEvent.Type.PAYOUT_REFUSED,
                null,
                null,
                command.actor(),
                prepared.refusal().code() + " to " + command.destination().maskedReference(),
                command.idempotencyKey());
            return null;
          });
      throw prepared.refusal();
    }
    if (prepared.done() != null) {
      return prepared.done();
    }
    StoredPayout payout = prepared.toCall();
    PayoutOutcome outcome =
        Objects.requireNonNull(
            gateway.pay(
                new PayoutRequest(
                    payout.idempotencyKey(),
                    payout.caseId(),
                    payout.destinationReference(),
                    payout.holderName(),
                    payout.amount())),
            "payout outcome");
    return inTransaction(() -> completePayout(payout.id(), payout.caseId(), outcome, command));
  }

  /** The case's funds events, oldest first. */
  public List<FundsEvent> events(String caseId) {
    return repository.events(caseId);
  }

  /** One of: a payout to call the gateway for, a final result, or a refusal to record. */
  private record Prepared(StoredPayout toCall, PayoutResult done, FundsException refusal) {}

  private Prepared preparePayout(PayoutCommand command) {
    String walletId = lockCase(command.caseId());
    PayoutDestination destination = command.destination();
    var previous = repository.findPayoutByKey(command.idempotencyKey());
    if (previous.isPresent()) {
      StoredPayout payout = previous.get();
      if (!payout.caseId().equals(command.caseId())
          || !payout.destinationReference().equals(destination.accountReference())
          || !payout.amount().currency().equals(destination.currency())) {
        throw keyConflict(command.idempotencyKey());
      }
      return "REQUESTED".equals(payout.status())
          ? new Prepared(payout, null, null)
          : new Prepared(null, result(payout, true), null);
    }
    FundsException refusal = checkDestination(walletId, destination);
    if (refusal != null) {
      return new Prepared(null, null, refusal);
    }
    String currency = destination.currency();
    var inFlight = repository.findInFlightPayout(command.caseId(), currency);
    if (inFlight.isPresent()) {
      throw new FundsException(
          FundsError.PAYOUT_IN_PROGRESS,
          "Case "
              + command.caseId()
              + " has a payout with an unknown outcome; resume it with key "
              + inFlight.get().idempotencyKey());
    }
    long available = repository.account(walletId, AccountKind.AVAILABLE, currency);
    repository.lockAccount(available);
    Money unpaid =
        repository
            .releasedForCase(command.caseId(), currency)
            .minus(repository.paidOrRequestedForCase(command.caseId(), currency));
    Money amount = unpaid.min(repository.balance(available, currency));
    if (!amount.isPositive()) {
      return new Prepared(
          null,
          new PayoutResult(
              PayoutResult.Status.NOTHING_TO_PAY,
              null,
              command.caseId(),
              command.idempotencyKey(),
              null,
              null,
              null,
              false),
          null);
    }
    Hold hold =
        createHold(
            command.caseId(),
            walletId,
            Hold.Kind.PAYOUT,
            amount,
            "payout " + command.idempotencyKey(),
            null,
            null,
            command.actor(),
            null,
            null);
    long payoutId =
        repository.insertPayout(
            command.caseId(), command.idempotencyKey(), destination, amount, hold.id(), now());
    event(
        command.caseId(),
        FundsEvent.Type.PAYOUT_REQUESTED,
        hold.id(),
        amount,
        command.actor(),
        "to " + destination.maskedReference(),
        command.idempotencyKey());
    return new Prepared(repository.lockPayout(payoutId), null, null);
  }

  private PayoutResult completePayout(
      long payoutId, String caseId, PayoutOutcome outcome, PayoutCommand command) {
    String walletId = lockCase(caseId);
    StoredPayout payout = repository.lockPayout(payoutId);
    if (!"REQUESTED".equals(payout.status())) {
      return result(payout, true); // a concurrent call with the same key recorded it first
    }
    Hold hold = repository.findHold(payout.holdId()).orElseThrow();
    if (outcome instanceof PayoutOutcome.Accepted accepted) {
      resolve(
          walletId,
          hold,
          Hold.State.POSTED,
          null,
          command.actor(),
          payout.idempotencyKey(),
          "paid out");
      repository.completePayout(payoutId, "PAID", accepted.gatewayReference(), null, now());
      event(
          caseId,
          FundsEvent.Type.PAYOUT_PAID,
          hold.id(),
          payout.amount(),
          command.actor(),
          "gateway reference " + accepted.gatewayReference(),
          payout.idempotencyKey());
    } else if (outcome instanceof PayoutOutcome.Rejected rejected) {
      resolve(
          walletId,
          hold,
          Hold.State.VOIDED,
          null,
          command.actor(),
          payout.idempotencyKey(),
          "payout rejected");
      repository.completePayout(payoutId, "REJECTED", null, rejected.reason(), now());
      event(
          caseId,
          FundsEvent.Type.PAYOUT_REJECTED,
          hold.id(),
          payout.amount(),
          command.actor(),
          rejected.reason(),
          payout.idempotencyKey());
    }
    return result(repository.lockPayout(payoutId), false);
  }

  /** R-PAY-3, R-CN-6: verified, and in the wallet holder's own name; null if acceptable. */
  private FundsException checkDestination(String walletId, PayoutDestination destination) {
    if (!destination.verified()) {
      return new FundsException(
          FundsError.DESTINATION_NOT_VERIFIED,
          "Payouts go to verified accounts only, but account "
              + destination.maskedReference()
              + " is not verified");
    }
    String holder = repository.findWalletHolder(walletId).orElseThrow();
    if (!destination.isInNameOf(holder)) {
      return new FundsException(
          FundsError.DESTINATION_NAME_MISMATCH,
          "Payouts go to an account in the wallet holder's own name only, but account "
              + destination.maskedReference()
              + " is in another name");
    }
    return null;
  }

  private static PayoutResult result(StoredPayout payout, boolean replayed) {
    return new PayoutResult(
        PayoutResult.Status.valueOf(payout.status()),
        payout.id(),
        payout.caseId(),
        payout.idempotencyKey(),
        payout.amount(),
        payout.gatewayReference(),
        payout.rejectionReason(),
        replayed);
  }

  // --- ledger moves --------------------------------------------------------------------------

  /**
   * Moves the amount from the wallet's available account to the account of the hold's kind (no
   * overdraft) and records the PENDING hold; {@code eventType} null writes no event.
   */
  private Hold createHold(
      String caseId,
      String walletId,
      Hold.Kind kind,
      Money amount,
      String reason,
      String idempotencyKey,
      Instant reviewAt,
      String actor,
      FundsEvent.Type eventType,
      String detail) {
    String currency = amount.currency();
    long available = repository.account(walletId, AccountKind.AVAILABLE, currency);
    long held = repository.account(walletId, kind.account(), currency);
    repository.lockAccount(available);
    Money balance = repository.balance(available, currency);
    if (!balance.isAtLeast(amount)) {
      throw new FundsException(
          FundsError.INSUFFICIENT_FUNDS,
          "Expected wallet "
              + walletId
              + " to have "
              + amount
              + " available for a "
              + kind.name().toLowerCase(Locale.ROOT)
              + " hold, but it has "
              + balance);
    }
    long entryId =
        repository.insertEntry(
            JournalEntry.transfer(
                JournalEntry.Kind.HOLD,
                caseId,
                kind.name().toLowerCase(Locale.ROOT) + " hold: " + reason,
                available,
                held,
                amount),
            null,
            now());
    long holdId =
        repository.insertHold(
            caseId, kind, amount, reason, idempotencyKey, entryId, reviewAt, now());
    if (eventType != null) {
      event(caseId, eventType, holdId, amount, actor, detail, idempotencyKey);
    }
    return repository.findHold(holdId).orElseThrow();
  }

  /**
   * Resolves a pending hold under the case lock: VOIDED moves its money back to available, POSTED
   * on to payout clearing. The conditional update guarantees at most once.
   */
  private void resolve(
      String walletId,
      Hold hold,
      Hold.State state,
      Long releaseId,
      String actor,
      String idempotencyKey,
      String detail) {
    String currency = hold.amount().currency();
    long from = repository.account(walletId, hold.kind().account(), currency);
    long to =
        state == Hold.State.VOIDED
            ? repository.account(walletId, AccountKind.AVAILABLE, currency)
            : repository.account(null, AccountKind.PAYOUT_CLEARING, currency);
    JournalEntry.Kind entryKind =
        state == Hold.State.VOIDED ? JournalEntry.Kind.VOID : JournalEntry.Kind.POST;
    long entryId =
        repository.insertEntry(
            JournalEntry.transfer(
                entryKind,
                hold.caseId(),
                entryKind.name().toLowerCase(Locale.ROOT) + " hold " + hold.id() + ": " + detail,
                from,
                to,
                hold.amount()),
            null,
            now());
    if (repository.resolveHold(hold.id(), state, entryId, releaseId, now()) != 1) {
      throw new IllegalStateException(
          "Expected hold " + hold.id() + " to be PENDING under its case lock, but it was resolved");
    }
    event(
        hold.caseId(),
        state == Hold.State.VOIDED ? FundsEvent.Type.HOLD_VOIDED : FundsEvent.Type.HOLD_POSTED,
        hold.id(),
        hold.amount(),
        actor,
        detail,
        idempotencyKey);
  }

  private Hold resolveWorkflowHold(long holdId, Hold.State target, String actor) {
    Checks.requireText(actor, "actor");
    return inTransaction(
        () -> {
          Hold hold = repository.findHold(holdId).orElseThrow(() -> holdNotFound(holdId));
          String walletId = lockCase(hold.caseId());
          hold = repository.findHold(holdId).orElseThrow(); // re-read under the lock
          if (hold.kind() == Hold.Kind.LEGAL) {
            throw new FundsException(
                FundsError.LEGAL_HOLD_NOT_RELEASABLE,
                "Hold "
                    + holdId
                    + " is a legal hold ("
                    + hold.reason()
                    + "); only the ordering authority lifts it");
          }
          if (hold.kind() == Hold.Kind.PAYOUT) {
            throw new FundsException(
                FundsError.HOLD_MANAGED_BY_PAYOUT,
                "Hold " + holdId + " belongs to a payout and moves with its outcome only");
          }
          if (hold.state() == target) {
            return hold;
          }
          if (!hold.isPending()) {
            throw new FundsException(
                FundsError.HOLD_ALREADY_RESOLVED,
                "Expected hold " + holdId + " to be PENDING, but it is " + hold.state());
          }
          String detail = target == Hold.State.VOIDED ? "voided" : "posted";
          resolve(walletId, hold, target, null, actor, null, detail);
          return repository.findHold(holdId).orElseThrow();
        });
  }

  // --- helpers -------------------------------------------------------------------------------

  private String lockCase(String caseId) {
    return repository
        .lockCase(caseId)
        .orElseThrow(
            () ->
                new FundsException(
                    FundsError.CASE_NOT_FOUND, "No money was ever frozen for case " + caseId));
  }

  private void requireWallet(String walletId) {
    if (repository.findWalletHolder(walletId).isEmpty()) {
      throw new FundsException(FundsError.WALLET_NOT_FOUND, "No wallet " + walletId);
    }
  }

  private void event(
      String caseId,
      FundsEvent.Type type,
      Long holdId,
      Money amount,
      String actor,
      String detail,
      String idempotencyKey) {
    repository.insertEvent(
        caseId, null, type, holdId, amount, actor, detail, idempotencyKey, now());
  }

  private static FundsException keyConflict(String key) {
    return new FundsException(
        FundsError.IDEMPOTENCY_KEY_CONFLICT,
        "Idempotency key " + key + " was already used for a different request");
  }

  private static FundsException holdNotFound(long holdId) {
    return new FundsException(FundsError.HOLD_NOT_FOUND, "No hold " + holdId);
  }

  private Instant now() {
    return clock.instant();
  }

  private <T> T inTransaction(Supplier<T> work) {
    return transactions.execute(status -> work.get());
  }
}
