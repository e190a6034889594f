package org.redress.funds.release;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redress.audit.ActorType;
import org.redress.audit.AuditEntry;
import org.redress.audit.AuditTrail;
import org.redress.funds.FundsEvent;
import org.redress.funds.FundsException;
import org.redress.funds.FundsService;
import org.redress.funds.PayoutCommand;
import org.redress.funds.PayoutDestination;
import org.redress.funds.PayoutResult;
import org.redress.funds.ReleaseCommand;
import org.redress.funds.ReleaseResult;
import org.redress.notice.NoticeKind;
import org.redress.notice.NoticeRequest;
import org.redress.notice.NoticeService;
import org.redress.shared.Money;
import org.redress.shared.web.StaffLinks;

/**
 * The steps of {@code fund-release}. Idempotency keys are derived from the case and the
 * fund-release process instance (R-PAY-4): a job delivered twice or re-run after a crash releases,
 * pays and notifies once.
 */
public class FundReleaseService {

  /** The actor name of the workflow's own steps in funds events and the audit trail. */
  static final String WORKFLOW_ACTOR = "redress-workflow";

  private final FundsService funds;
  private final PayoutDestinations destinations;
  private final CaseContacts cases;
  private final NoticeService notices;
  private final AuditTrail audit;
  private final StaffLinks links;

  FundReleaseService(
      FundsService funds,
      PayoutDestinations destinations,
      CaseContacts cases,
      NoticeService notices,
      AuditTrail audit,
      StaffLinks links) {
    this.funds = funds;
    this.destinations = destinations;
    this.cases = cases;
    this.notices = notices;
    this.audit = audit;
    this.links = links;
  }

  /** A payout the model handles as the BPMN error {@code PAYOUT_REJECTED}. */
  public static class PayoutRejected extends RuntimeException {
    public PayoutRejected(String message) {
      super(message);
    }
  }

  /**
   * {@code release-funds}: voids the case's workflow holds once (R-PAY-3, R-PAY-7); legal holds
   * stay (R-PAY-1). A case without frozen money releases nothing.
   */
  public ReleaseResult release(String caseId, long releaseInstanceKey) {
    if (funds.holds(caseId).isEmpty()) {
      return new ReleaseResult(
          0, caseId, releaseKey(caseId, releaseInstanceKey), List.of(), List.of(), true);
    }
    ReleaseResult result =
        funds.release(
            new ReleaseCommand(caseId, releaseKey(caseId, releaseInstanceKey), WORKFLOW_ACTOR));
    if (!result.replayed()) {
      audit.record(
          new AuditEntry(
              caseId,
              "FUNDS_RELEASED",
              WORKFLOW_ACTOR,
              ActorType.SYSTEM,
              "Released "
                  + (result.released().isEmpty() ? "nothing" : result.released())
                  + (result.legallyHeld().isEmpty()
                      ? ""
                      : "; still under legal hold: " + result.legallyHeld()),
              Map.of("releaseKey", result.idempotencyKey()),
              result.idempotencyKey()));
    }
    return result;
  }

  /**
   * What the finance task's form ({@code resolve-payout}) shows at a glance, as process variables:
   * the link to the case file and the account holder's language.
   */
  public Map<String, Object> taskVariables(String caseId) {
    return Map.of(
        FundReleaseProcess.VAR_CASE_FILE_URL,
        links.caseFile(caseId),
        FundReleaseProcess.VAR_APPELLANT_LANGUAGE,
        cases.of(caseId).locale().toLanguageTag());
  }

  /**
   * {@code pay-out}: pays the released money out to the verified destination in the holder's own
   * name (R-PAY-3, R-CN-6) with a key stored before the gateway call (R-PAY-4).
   *
   * @throws PayoutRejected when there is no verified same-name destination or the gateway rejects
   */
  public List<PayoutResult> payOut(String caseId, long releaseInstanceKey) {
    CaseContacts.CaseContact c = cases.of(caseId);
    List<PayoutResult> results = new ArrayList<>();
    for (String currency : releasedCurrencies(caseId)) {
      Optional<PayoutDestination> destination = destinations.of(c.accountId(), currency);
      if (destination.isEmpty()) {
        throw new PayoutRejected(
            "No verified payout destination in " + currency + " for account " + c.accountId());
      }
      PayoutResult result;
      try {
        result =
            funds.payout(
                new PayoutCommand(
                    caseId,
                    destination.get(),
                    caseId + ":payout:" + releaseInstanceKey + ":" + currency,
                    WORKFLOW_ACTOR));
      } catch (FundsException e) {
        switch (e.error()) {
          case DESTINATION_NOT_VERIFIED, DESTINATION_NAME_MISMATCH ->
              throw new PayoutRejected(e.getMessage());
          default -> throw e;
        }
      }
      if (result.status() == PayoutResult.Status.REJECTED) {
        throw new PayoutRejected(
            "The payment provider rejected the payout: " + result.rejectionReason());
      }
      if (result.status() == PayoutResult.Status.PAID) {
        // the auditor's history states money paid out as it states money frozen and released
        audit.record(
            new AuditEntry(
                caseId,
                "FUNDS_PAID_OUT",
                WORKFLOW_ACTOR,
                ActorType.SYSTEM,
                result.amount()
                    + " paid out to verified account "
                    + destination.get().maskedReference()
                    + " (provider reference "
                    + result.gatewayReference()
                    + ")",
                Map.of("amount", result.amount().toString(), "payoutKey", result.idempotencyKey()),
                result.idempotencyKey()));
      }
      results.add(result);
    }
    return results;
  }

  /**
   * {@code send-release-notice}: what this release returned from the freeze, what of it was paid
   * out and to which (masked) account, and what stays held by a legal order and why: ledger facts
   * of this fund-release instance, read from the funds events (issue 8).
   */
  public void sendReleaseNotice(String caseId, long releaseInstanceKey) {
    CaseContacts.CaseContact c = cases.of(caseId);
    String releaseKey = releaseKey(caseId, releaseInstanceKey);
    String payoutKeys = caseId + ":payout:" + releaseInstanceKey + ":";
    List<Money> released = new ArrayList<>();
    List<Money> paid = new ArrayList<>();
    Set<String> payoutAccounts = new LinkedHashSet<>();
    for (FundsEvent event : funds.events(caseId)) {
      String key = event.idempotencyKey() == null ? "" : event.idempotencyKey();
      if (event.type() == FundsEvent.Type.RELEASED
          && event.amount() != null
          && key.equals(releaseKey)) {
        released.add(event.amount());
      }
      if (event.type() == FundsEvent.Type.PAYOUT_PAID
          && event.amount() != null
          && key.startsWith(payoutKeys)) {
        paid.add(event.amount());
      }
      if (event.type() == FundsEvent.Type.PAYOUT_REQUESTED
          && key.startsWith(payoutKeys)
          && event.detail() != null) {
        // the funds module records the masked destination as "to <masked reference>"
        payoutAccounts.add(event.detail().replaceFirst("^to ", ""));
      }
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("caseId", caseId);
    model.put("caseLink", c.caseLink());
    model.put("recipientName", c.accountName());
    model.put("released", released.stream().map(Money::toString).toList());
    model.put("paidOut", paid.stream().map(Money::toString).toList());
    model.put("legallyHeld", funds.summary(caseId).noticeModel().get("legallyHeld"));
    if (!paid.isEmpty() && !payoutAccounts.isEmpty()) {
      model.put("payoutReference", String.join(", ", payoutAccounts));
    }
    notices.send(
        new NoticeRequest(
            caseId,
            c.accountId(),
            NoticeKind.FUNDS_RELEASED,
            c.locale(),
            caseId + ":FUNDS_RELEASED:" + releaseInstanceKey,
            model));
  }

  private Set<String> releasedCurrencies(String caseId) {
    Set<String> currencies = new LinkedHashSet<>();
    for (FundsEvent event : funds.events(caseId)) {
      if (event.type() == FundsEvent.Type.RELEASED && event.amount() != null) {
        currencies.add(event.amount().currency());
      }
    }
    return currencies;
  }

  static String releaseKey(String caseId, long releaseInstanceKey) {
    return caseId + ":release:" + releaseInstanceKey;
  }
}
