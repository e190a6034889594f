package org.redress.suspension;

import io.camunda.client.CamundaClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.redress.audit.ActorType;
import org.redress.audit.AuditEntry;
import org.redress.audit.AuditTrail;
import org.redress.funds.AccountKind;
import org.redress.funds.FreezeCommand;
import org.redress.funds.FundsService;
import org.redress.funds.LegalHoldCommand;
import org.redress.notice.NoticeKind;
import org.redress.notice.NoticeRequest;
import org.redress.notice.NoticeService;
import org.redress.shared.Money;
import org.redress.shared.Readiness;
import org.redress.shared.handoff.EngineHandoff;
import org.redress.shared.security.CaseLinks;
import org.redress.shared.web.ApiException;
import org.redress.suspension.StatementOfReasonsValidator.Violation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Restricting accounts: takes in the platform's decision with its statement of reasons, starts the
 * {@code account-suspension} process, and carries out its steps. Every step is idempotent by the
 * case id (jobs are delivered at least once) and leaves an audit event.
 */
public class SuspensionService {

  /** The actor name of steps Redress's workflow carries out by itself. */
  public static final String WORKFLOW_ACTOR = "redress-workflow";

  private final SuspensionRepository repository;
  private final AccountSystem accounts;
  private final FundsService funds;
  private final NoticeService notices;
  private final AuditTrail audit;
  private final CaseLinks caseLinks;
  private final CamundaClient camunda;
  private final TransactionTemplate transactions;
  private final SuspensionProperties properties;
  private final Clock clock;
  private final EngineHandoff processStarts;

  SuspensionService(
      SuspensionRepository repository,
      AccountSystem accounts,
      FundsService funds,
      NoticeService notices,
      AuditTrail audit,
      CaseLinks caseLinks,
      CamundaClient camunda,
      TransactionTemplate transactions,
      SuspensionProperties properties,
      Clock clock,
      Readiness readiness) {
    this.repository = repository;
    this.accounts = accounts;
    this.funds = funds;
    this.notices = notices;
    this.audit = audit;
    this.caseLinks = caseLinks;
    this.camunda = camunda;
    this.transactions = transactions;
    this.properties = properties;
    this.clock = clock;
    this.processStarts =
        new EngineHandoff(
            "process-start",
            properties.processStartRetryAfter(),
            0,
            readiness,
            clock,
            repository::casesWithoutProcess,
            this::startProcessIfMissing);
  }

  /** The outcome of an intake: the case, and whether this request created it. */
  public record Intake(SuspensionCase suspensionCase, boolean created) {}

  /**
   * Takes in a restriction decision (R-EU-1): refuses an incomplete statement of reasons with 422
   * listing every missing element, and stores nothing then. A repeated platform decision id returns
   * the case it created. The {@code account-suspension} process starts after the case is committed;
   * if that fails, the case is kept and {@link #startPendingProcesses()} retries.
   */
  public Intake open(SuspensionRequest request, String integration) {
    return open(request, List.of(), integration);
  }

  /**
   * As {@link #open(SuspensionRequest, String)}, with the problems found while reading the request
   * (wrong types, unknown fields): they are listed in the same 422 as every other problem of the
   * statement, one per field.
   */
  public Intake open(SuspensionRequest request, List<Violation> readProblems, String integration) {
    Instant now = clock.instant();
    Map<String, Violation> byField = new LinkedHashMap<>();
    for (Violation v : readProblems) {
      byField.putIfAbsent(v.field(), v);
    }
    for (Violation v : StatementOfReasonsValidator.validate(request, now)) {
      byField.putIfAbsent(v.field(), v);
    }
    Violation wallet = unknownWallet(request);
    if (wallet != null) {
      byField.putIfAbsent(wallet.field(), wallet);
    }
    List<Violation> violations = List.copyOf(byField.values());
    if (!violations.isEmpty()) {
      throw new ApiException(
          422,
          "STATEMENT_OF_REASONS_INCOMPLETE",
          "Incomplete statement of reasons",
          "The restriction was not applied: its statement of reasons has "
              + violations.size()
              + " missing or invalid element(s) (DSA Art. 17(3)); see errors",
          Map.of("errors", violations));
    }
    Optional<String> existing = repository.caseIdOfDecision(request.platformDecisionId());
    if (existing.isPresent()) {
      return new Intake(startOrLater(existing.get()), false);
    }
    SuspensionCase c = newCase(request, now);
    boolean created =
        Boolean.TRUE.equals(
            transactions.execute(
                status -> {
                  if (!repository.insertCase(c)) {
                    return false;
                  }
                  repository.updateStatus(
                      c.caseId(), null, CaseStatus.OPENED, integration, "decision received", now);
                  audit.record(
                      new AuditEntry(
                          c.caseId(),
                          "CASE_OPENED",
                          integration,
                          ActorType.INTEGRATION,
                          "Restriction decision "
                              + c.platformDecisionId()
                              + " received with a complete statement of reasons; imposed by "
                              + c.imposedBy(),
                          Map.of(
                              "platformDecisionId", c.platformDecisionId(),
                              "imposedBy", c.imposedBy(),
                              "measures", c.measures().size()),
                          c.caseId() + ":CASE_OPENED"));
                  return true;
                }));
    String caseId =
        created ? c.caseId() : repository.caseIdOfDecision(request.platformDecisionId()).get();
    return new Intake(startOrLater(caseId), created);
  }

  /**
   * A MONETARY measure freezes money in Redress's ledger, so its wallet must be one the ledger
   * knows: otherwise nothing could be frozen while the notice would name the money (issue 8).
   */
  private Violation unknownWallet(SuspensionRequest request) {
    if (request == null
        || request.account() == null
        || request.account().walletId() == null
        || request.account().walletId().isBlank()
        || request.measures() == null
        || request.measures().stream().noneMatch(m -> m != null && m.type() == MeasureType.MONETARY)
        || funds.walletExists(request.account().walletId())) {
      return null;
    }
    return new Violation(
        "account.walletId",
        "Redress's ledger has no wallet "
            + request.account().walletId()
            + ": a MONETARY measure can only freeze money of a wallet the ledger knows");
  }

  /** Starts the process now, or leaves it to the retry when the engine cannot be reached. */
  private SuspensionCase startOrLater(String caseId) {
    processStarts.now(caseId);
    return get(caseId);
  }

  public Optional<SuspensionCase> find(String caseId) {
    return repository.find(caseId);
  }

  /** The case or a 404 problem. */
  public SuspensionCase get(String caseId) {
    return repository
        .find(caseId)
        .orElseThrow(() -> ApiException.notFound("CASE_NOT_FOUND", "No case " + caseId));
  }

  /** Every case of the account (for repeated-misuse counts, R-EU-11). */
  public List<String> caseIdsOfAccount(String accountId) {
    return repository.caseIdsOfAccount(accountId);
  }

  public List<CaseTransition> transitions(String caseId) {
    return repository.transitions(caseId);
  }

  /** Starts the process of every case whose start failed earlier (after a crash or an outage). */
  public void startPendingProcesses() {
    processStarts.sweep();
  }

  /** Stops the process-start thread (the context closes); the retry takes what is left. */
  public void close() throws InterruptedException {
    processStarts.close();
  }

  /**
   * Starts the case's process unless it runs already. No transaction or row lock is held across the
   * engine call (the engine may need connections of the same pool): a claim column makes one caller
   * start it; a claim older than the retry delay is taken over. A crash between the start and
   * storing its key would start a second instance on retry; its steps are idempotent by case id,
   * and the rare duplicate is visible as a second instance with the same caseId.
   */
  private void startProcessIfMissing(String caseId) {
    SuspensionCase c = get(caseId);
    if (c.processInstanceKey() != null) {
      return;
    }
    Instant now = clock.instant();
    if (!repository.claimProcessStart(
        caseId, now, now.minus(properties.processStartRetryAfter()))) {
      return;
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(AccountSuspensionProcess.VAR_CASE_ID, c.caseId());
    variables.put(AccountSuspensionProcess.VAR_ACCOUNT_ID, c.accountId());
    variables.put(AccountSuspensionProcess.VAR_APPEAL_DEADLINE, iso(c.appealDeadline()));
    long key =
        camunda
            .newCreateInstanceCommand()
            .bpmnProcessId(AccountSuspensionProcess.PROCESS_ID)
            .latestVersion()
            .variables(variables)
            .send()
            .join()
            .getProcessInstanceKey();
    repository.setProcessInstanceKey(caseId, key);
  }

  // --- process steps ---------------------------------------------------------------------------

  /** {@code restrict-account}: the measures take effect on the account. */
  public void restrictAccount(String caseId) {
    inCase(
        caseId,
        c -> {
          accounts.restrict(c);
          transition(c, CaseStatus.OPENED, CaseStatus.RESTRICTED, "restriction applied");
          audit.record(
              new AuditEntry(
                  caseId,
                  "ACCOUNT_RESTRICTED",
                  WORKFLOW_ACTOR,
                  ActorType.SYSTEM,
                  "Measures applied to account " + c.accountId() + ": " + measureSummary(c),
                  Map.of("accountId", c.accountId()),
                  caseId + ":ACCOUNT_RESTRICTED"));
        });
  }

  /**
   * {@code freeze-wallet}: the money the statement names becomes a two-phase hold and its legally
   * held part a legal hold (R-PAY-1, R-PAY-2). Freezes at most what the wallet has available, and
   * nothing when it has none of that currency; the result (frozen, legally held) is stored with the
   * measure, so the notice and the case view state what was frozen, and any shortfall, instead of
   * the amount named (issue 8). Nothing without a MONETARY measure naming money. A re-run finds the
   * holds of its first run and records the same result.
   */
  public void freezeWallet(String caseId) {
    SuspensionCase c = get(caseId);
    int no = 0;
    for (Measure m : c.measures()) {
      no++;
      if (!m.freezesMoney()) {
        continue;
      }
      Money requested = m.frozenRequested();
      String currency = requested.currency();
      String key = caseId + ":freeze:" + no;
      // Holds are only created here before any release: holds in this currency mean a previous
      // run froze already (the freeze key alone cannot tell, as a legal hold re-splits holds).
      boolean frozenBefore =
          funds.holds(caseId).stream().anyMatch(h -> h.amount().currency().equals(currency));
      Money amount;
      if (frozenBefore) {
        amount = in(funds.assessReleasable(caseId).frozen(), currency);
      } else {
        Money available =
            funds.walletExists(c.walletId())
                ? funds.balances(c.walletId()).of(AccountKind.AVAILABLE, currency)
                : Money.zero(currency);
        amount = requested.min(available).max(Money.zero(currency));
        if (amount.isPositive()) {
          funds.freeze(
              new FreezeCommand(
                  caseId,
                  c.walletId(),
                  amount,
                  "Frozen under case " + caseId + ": " + m.scope(),
                  key,
                  WORKFLOW_ACTOR,
                  c.appealDeadline()));
        }
      }
      Money legal = null;
      if (m.legalHoldRequested() != null) {
        legal = m.legalHoldRequested().min(amount);
        if (legal.isPositive()) {
          funds.placeLegalHold(
              new LegalHoldCommand(caseId, legal, m.legalReference(), WORKFLOW_ACTOR));
        }
      }
      recordFreeze(c, no, m, amount, legal, key);
    }
  }

  /** Stores the freeze result of measure {@code no} with an audit event stating it. */
  private void recordFreeze(
      SuspensionCase c, int no, Measure m, Money frozen, Money legal, String key) {
    Money requested = m.frozenRequested();
    boolean shortfall = frozen.minorUnits() < requested.minorUnits();
    String summary =
        frozen.isPositive()
            ? frozen
                + " frozen in wallet "
                + c.walletId()
                + (shortfall
                    ? " (the statement named " + requested + "; the wallet had no more available)"
                    : "")
                + (legal != null && legal.isPositive()
                    ? ", of which " + legal + " under legal hold " + m.legalReference()
                    : "")
            : "Nothing frozen: wallet "
                + c.walletId()
                + " held no available "
                + requested.currency()
                + " (the statement named "
                + requested
                + ")";
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("walletId", c.walletId());
    details.put("requested", requested.toString());
    details.put("amount", frozen.toString());
    if (legal != null) {
      details.put("legallyHeld", legal.toString());
    }
    transactions.executeWithoutResult(
        status -> {
          repository.setFreezeResult(c.caseId(), no, frozen, legal, clock.instant());
          audit.record(
              new AuditEntry(
                  c.caseId(),
                  frozen.isPositive() ? "FUNDS_FROZEN" : "FUNDS_NOT_FROZEN",
                  WORKFLOW_ACTOR,
                  ActorType.SYSTEM,
                  summary,
                  details,
                  key));
        });
  }

  /**
   * The freeze result of a measure: as stored by {@code freeze-wallet}, or read from the ledger for
   * a case frozen before results were stored (V15).
   */
  private Measure withFreezeResult(String caseId, Measure m) {
    if (!m.freezesMoney() || m.frozen() != null) {
      return m;
    }
    String currency = m.frozenRequested().currency();
    var assessment = funds.assessReleasable(caseId);
    Money legal = m.legalHoldRequested() == null ? null : in(assessment.legallyHeld(), currency);
    return new Measure(
        m.type(),
        m.scope(),
        m.territorialScope(),
        m.startsAt(),
        m.endsAt(),
        m.frozenRequested(),
        m.legalHoldRequested(),
        m.legalReference(),
        in(assessment.frozen(), currency),
        legal,
        clock.instant());
  }

  private static Money in(List<Money> amounts, String currency) {
    return amounts.stream()
        .filter(a -> a.currency().equals(currency))
        .reduce(Money.zero(currency), Money::plus);
  }

  /**
   * {@code send-suspension-notice}: the notice with the full statement of reasons, the case link,
   * the appeal deadline and the routes to dispute settlement and court (R-EU-4, R-OPS-4). The
   * six-month window counts from this notification (R-EU-5), so the deadline is fixed here.
   *
   * @return the appeal deadline the process waits for
   */
  public Instant sendSuspensionNotice(String caseId) {
    return transactions.execute(
        status -> {
          SuspensionCase c = repository.lock(caseId).orElseThrow(() -> notFound(caseId));
          Instant now = clock.instant();
          Instant deadline =
              c.notifiedAt() != null
                  ? c.appealDeadline()
                  : now.atZone(ZoneOffset.UTC).plus(properties.appealWindow()).toInstant();
          repository.setNotified(caseId, now, deadline);
          Map<String, Object> model = new LinkedHashMap<>();
          model.put("caseId", caseId);
          model.put("caseLink", caseLink(c, deadline));
          model.put("recipientName", c.accountName());
          List<Map<String, Object>> measures = new ArrayList<>();
          List<String> frozen = new ArrayList<>();
          List<String> legallyHeld = new ArrayList<>();
          List<Map<String, Object>> shortfalls = new ArrayList<>();
          for (Measure stored : c.measures()) {
            // What the ledger froze, not what the statement named (issue 8).
            Measure m = withFreezeResult(caseId, stored);
            Map<String, Object> measure = new LinkedHashMap<>();
            measure.put("type", m.type().name());
            measure.put("scope", m.scope());
            measure.put("territorialScope", m.territorialScope());
            measure.put("startsAt", m.startsAt());
            measure.put("endsAt", m.endsAt());
            measures.add(measure);
            if (m.frozen() != null && m.frozen().isPositive()) {
              frozen.add(m.frozen().toString());
            }
            if (m.legallyHeld() != null && m.legallyHeld().isPositive()) {
              legallyHeld.add(m.legallyHeld() + " (" + m.legalReference() + ")");
            }
            if (m.frozenShort()) {
              Map<String, Object> shortfall = new LinkedHashMap<>();
              shortfall.put("requested", m.frozenRequested().toString());
              shortfall.put("frozen", m.frozen().toString());
              shortfall.put("nothingFrozen", m.frozen().isZero());
              shortfalls.add(shortfall);
            }
          }
          model.put("measures", measures);
          model.put("groundType", c.groundType().name());
          model.put("groundReference", c.groundReference());
          model.put("groundExplanation", c.groundExplanation());
          model.put("facts", c.facts());
          model.put("automatedDetection", c.automatedDetection());
          model.put("automatedDecision", c.automatedDecision());
          model.put("source", c.source());
          model.put("appealDeadline", deadline);
          model.put("frozen", frozen);
          model.put("legallyHeld", legallyHeld);
          model.put("shortfalls", shortfalls);
          notices.send(
              new NoticeRequest(
                  caseId,
                  c.accountId(),
                  NoticeKind.SUSPENSION,
                  c.locale(),
                  caseId + ":SUSPENSION",
                  model));
          transition(c, CaseStatus.RESTRICTED, CaseStatus.NOTIFIED, "suspension notice sent");
          audit.record(
              new AuditEntry(
                  caseId,
                  "SUSPENSION_NOTICE_SENT",
                  WORKFLOW_ACTOR,
                  ActorType.SYSTEM,
                  "Suspension notice with the statement of reasons sent; appeals open until "
                      + deadline,
                  Map.of("appealDeadline", deadline.toString()),
                  caseId + ":SUSPENSION_NOTICE_SENT"));
          return deadline;
        });
  }

  /** {@code finalize-ban}: the appeal window passed without an appeal. */
  public void finalizeBan(String caseId) {
    inCase(
        caseId,
        c -> {
          transition(c, null, CaseStatus.FINAL, "appeal window passed without an appeal");
          audit.record(
              new AuditEntry(
                  caseId,
                  "RESTRICTION_FINAL",
                  WORKFLOW_ACTOR,
                  ActorType.SYSTEM,
                  "The appeal window ended on " + c.appealDeadline() + "; the restriction is final",
                  Map.of(),
                  caseId + ":RESTRICTION_FINAL"));
        });
  }

  /** {@code restore-account}: an overturn lifts every measure of the case (R-EU-8). */
  public void restoreAccount(String caseId, String decidedBy) {
    inCase(
        caseId,
        c -> {
          accounts.restore(c, "appeal upheld by " + decidedBy + ": decision overturned");
          audit.record(
              new AuditEntry(
                  caseId,
                  "ACCOUNT_RESTORED",
                  WORKFLOW_ACTOR,
                  ActorType.SYSTEM,
                  "Every measure of the case lifted after the overturn decided by " + decidedBy,
                  Map.of("accountId", c.accountId(), "decidedBy", decidedBy),
                  caseId + ":ACCOUNT_RESTORED"));
        });
  }

  /** {@code modify-restriction}: a lighter decision makes the restriction end earlier. */
  public void modifyRestriction(String caseId, Instant endsAt, String decidedBy) {
    inCase(
        caseId,
        c -> {
          accounts.limit(c, endsAt, "modified by " + decidedBy);
          audit.record(
              new AuditEntry(
                  caseId,
                  "RESTRICTION_MODIFIED",
                  WORKFLOW_ACTOR,
                  ActorType.SYSTEM,
                  "Restriction now ends at " + endsAt + ", as decided by " + decidedBy,
                  Map.of("endsAt", endsAt.toString(), "decidedBy", decidedBy),
                  caseId + ":RESTRICTION_MODIFIED:" + endsAt));
        });
  }

  /**
   * Moves the case to {@code to} (R-OPS-1), from any state but a final one; no change when it is
   * already there.
   */
  public void changeStatus(String caseId, CaseStatus to, String actor, String reason) {
    inCase(caseId, c -> transition(c, null, to, reason, actor));
  }

  /** True while the account has restrictions of the case in force. */
  public boolean isRestricted(String caseId) {
    SuspensionCase c = get(caseId);
    return accounts.isRestricted(c.accountId(), caseId);
  }

  /** A signed case link for the case's appellant, valid until the deadline plus the grace. */
  public String caseLink(SuspensionCase c, Instant deadline) {
    Instant expires =
        deadline.atZone(ZoneOffset.UTC).plus(properties.caseLinkValidity()).toInstant();
    return caseLinks.link(c.caseId(), c.accountId(), expires);
  }

  // --- helpers ---------------------------------------------------------------------------------

  private void inCase(String caseId, java.util.function.Consumer<SuspensionCase> step) {
    transactions.executeWithoutResult(
        status -> step.accept(repository.lock(caseId).orElseThrow(() -> notFound(caseId))));
  }

  private void transition(SuspensionCase c, CaseStatus from, CaseStatus to, String reason) {
    transition(c, from, to, reason, WORKFLOW_ACTOR);
  }

  private void transition(
      SuspensionCase c, CaseStatus from, CaseStatus to, String reason, String actor) {
    CaseStatus current = repository.find(c.caseId()).orElseThrow().status();
    if (current == to || (from != null && current != from)) {
      return;
    }
    repository.updateStatus(c.caseId(), current, to, actor, reason, clock.instant());
  }

  private SuspensionCase newCase(SuspensionRequest r, Instant now) {
    List<Measure> measures = new ArrayList<>();
    for (SuspensionRequest.MeasureRequest m : r.measures()) {
      Money frozen =
          m.frozen() == null ? null : Money.of(m.frozen().minorUnits(), m.frozen().currency());
      Money legal =
          m.legalHold() == null
              ? null
              : Money.of(m.legalHold().minorUnits(), m.frozen().currency());
      measures.add(
          new Measure(
              m.type(),
              m.scope().strip(),
              m.territorialScope().strip(),
              m.startsAt(),
              m.endsAt(),
              frozen,
              legal,
              m.legalHold() == null ? null : m.legalHold().legalReference().strip(),
              null,
              null,
              null));
    }
    String locale = r.account().locale() == null ? "en" : r.account().locale();
    return new SuspensionCase(
        "case-" + UUID.randomUUID(),
        r.platformDecisionId(),
        r.account().accountId().strip(),
        r.account().displayName().strip(),
        Locale.forLanguageTag(locale),
        r.account().walletId(),
        r.category(),
        r.ground().type(),
        r.ground().reference().strip(),
        r.ground().explanation().strip(),
        r.facts().strip(),
        r.automatedDetection(),
        r.automatedDecision(),
        r.source(),
        r.imposedBy().strip(),
        r.imposedAt(),
        now.atZone(ZoneOffset.UTC).plus(properties.appealWindow()).toInstant(),
        CaseStatus.OPENED,
        null,
        now,
        null,
        measures);
  }

  private static String measureSummary(SuspensionCase c) {
    return String.join(
        "; ",
        c.measures().stream()
            .map(
                m ->
                    m.type()
                        + " ("
                        + m.scope()
                        + ", "
                        + (m.endsAt() == null ? "indefinite" : "until " + m.endsAt())
                        + ")")
            .toList());
  }

  private static ApiException notFound(String caseId) {
    return ApiException.notFound("CASE_NOT_FOUND", "No case " + caseId);
  }

  static String iso(Instant instant) {
    return instant.toString();
  }
}
