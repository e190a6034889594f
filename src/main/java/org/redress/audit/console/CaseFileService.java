package org.redress.audit.console;

import java.util.List;
import java.util.Optional;
import org.redress.appeal.AppealService;
import org.redress.audit.AuditEvent;
import org.redress.audit.AuditTrail;
import org.redress.audit.CaseHistory;
import org.redress.audit.CaseHistoryService;
import org.redress.audit.ChainVerification;
import org.redress.notice.NoticeService;
import org.redress.review.ReviewService;
import org.redress.suspension.SuspensionCase;
import org.redress.suspension.SuspensionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles the case page (R-OPS-2) from the features' public services, the case's process
 * instances through the Camunda client, and the funds journal.
 */
public class CaseFileService {

  private static final Logger log = LoggerFactory.getLogger(CaseFileService.class);

  private final SuspensionService suspensions;
  private final AppealService appeals;
  private final ReviewService reviews;
  private final CaseHistoryService history;
  private final NoticeService notices;
  private final AuditTrail audit;
  private final CaseInstances instances;
  private final CaseLedgerQueries ledger;

  public CaseFileService(
      SuspensionService suspensions,
      AppealService appeals,
      ReviewService reviews,
      CaseHistoryService history,
      NoticeService notices,
      AuditTrail audit,
      CaseInstances instances,
      CaseLedgerQueries ledger) {
    this.suspensions = suspensions;
    this.appeals = appeals;
    this.reviews = reviews;
    this.history = history;
    this.notices = notices;
    this.audit = audit;
    this.instances = instances;
    this.ledger = ledger;
  }

  /** Thrown when the requested instance is not one of the case's. */
  public static class InstanceNotInCaseException extends RuntimeException {
    public InstanceNotInCaseException(long key, String caseId) {
      super("Process instance " + key + " does not belong to case " + caseId);
    }
  }

  /**
   * The case file, with {@code instanceKey} (or the root when null) in detail; empty when there is
   * no such case.
   *
   * @throws InstanceNotInCaseException when {@code instanceKey} is not one of the case's instances
   */
  public Optional<CaseFile> caseFile(String caseId, Long instanceKey) {
    Optional<SuspensionCase> found = suspensions.find(caseId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    SuspensionCase c = found.get();
    Long root = c.processInstanceKey();
    CaseHistory timeline = history.history(caseId, root, 0, CaseHistoryService.MAX_PAGE_SIZE);
    List<CaseInstances.Node> nodes = List.of();
    CaseInstances.Detail selected = null;
    boolean engineAvailable = timeline.engineHistoryAvailable();
    if (root != null && engineAvailable) {
      try {
        nodes = instances.hierarchy(root);
      } catch (RuntimeException e) {
        log.warn("Process instances of case {} unavailable: {}", caseId, e.getMessage());
        engineAvailable = false;
      }
    }
    if (instanceKey != null && nodes.stream().noneMatch(n -> n.key() == instanceKey)) {
      throw new InstanceNotInCaseException(instanceKey, caseId);
    }
    if (!nodes.isEmpty()) {
      long wanted = instanceKey == null ? nodes.get(0).key() : instanceKey;
      CaseInstances.Node node = nodes.stream().filter(n -> n.key() == wanted).findFirst().get();
      try {
        selected = instances.detail(node);
      } catch (RuntimeException e) {
        log.warn("Process instance {} unavailable: {}", wanted, e.getMessage());
        engineAvailable = false;
      }
    }
    return Optional.of(
        new CaseFile(
            c,
            appeals.ofCase(caseId),
            reviews.decisionsOfCase(caseId),
            timeline.entries(),
            timeline.totalPages() > 1,
            engineAvailable,
            nodes,
            selected,
            notices.noticesOfCase(caseId),
            ledger.entries(caseId),
            chain(caseId)));
  }

  /** The BPMN XML of one of the case's instances, or empty when it is not the case's. */
  public Optional<String> diagramXml(String caseId, long instanceKey) {
    Optional<SuspensionCase> c = suspensions.find(caseId);
    if (c.isEmpty() || c.get().processInstanceKey() == null) {
      return Optional.empty();
    }
    return instances.hierarchy(c.get().processInstanceKey()).stream()
        .filter(n -> n.key() == instanceKey)
        .findFirst()
        .map(n -> instances.diagramXml(n.processDefinitionKey()));
  }

  private CaseFile.Chain chain(String caseId) {
    ChainVerification v = audit.verify(caseId);
    if (v.intact()) {
      return new CaseFile.Chain(true, v.events(), null, null);
    }
    List<AuditEvent> events = audit.ofCase(caseId);
    int position = 0;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).id() == v.firstBrokenEventId()) {
        position = i + 1;
        break;
      }
    }
    return new CaseFile.Chain(false, v.events(), position, v.firstBrokenEventId());
  }
}
