package org.redress.audit;

import io.camunda.client.CamundaClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.engine.UserTaskHistory;
import org.redress.notice.Notice;
import org.redress.notice.NoticeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A case's history for auditors (R-OPS-2): Redress's audit trail, the notices exactly as sent, and
 * the engine's history of the case's process instances (the root and every called one).
 *
 * <p>Every entry carries the time its step happened and the actor of that step: an element's
 * activation at its start date and its completion or termination at its end date, each user task
 * transition at its own time. Process instances, element instances and user tasks are read through
 * the Camunda client's searches, page by page to the end (no cut at a page size), so this works
 * against a Camunda cluster too. User task transitions (assigned, unassigned, updated, completed,
 * canceled, denied by a listener) come from the embedded engine's record ({@link UserTaskHistory});
 * Camunda 8.8 has no API for them, so in cluster mode only a task's creation and end are shown
 * ({@link CaseHistory#userTaskTransitionsRecorded()} false), next to Redress's own audit entries
 * (claims and decisions through the Redress API).
 *
 * <p>The timeline is built whole, ordered, then cut into the requested page: pages are consistent
 * with each other as long as no step is added between two requests (new steps come last, as they
 * are the latest).
 */
public class CaseHistoryService {

  /** Entries per page when the request names no size. */
  public static final int DEFAULT_PAGE_SIZE = 500;

  /** The largest page a request may ask for. */
  public static final int MAX_PAGE_SIZE = 1000;

  private static final Logger log = LoggerFactory.getLogger(CaseHistoryService.class);

  /** Order among entries of the same instant: engine, audit trail, notices; then by position. */
  private static final Comparator<TimelineEntry> ORDER =
      Comparator.comparing(
              (TimelineEntry o) -> o.entry().at(), Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingInt(TimelineEntry::rank)
          .thenComparingLong(TimelineEntry::major)
          .thenComparingLong(TimelineEntry::minor)
          .thenComparing(o -> o.entry().id());

  private final AuditTrail audit;
  private final NoticeService notices;
  private final CamundaClient camunda;
  private final UserTaskHistory userTaskHistory;

  /**
   * @param userTaskHistory the embedded engine's user task record; null in cluster mode
   */
  CaseHistoryService(
      AuditTrail audit,
      NoticeService notices,
      CamundaClient camunda,
      UserTaskHistory userTaskHistory) {
    this.audit = audit;
    this.notices = notices;
    this.camunda = camunda;
    this.userTaskHistory = userTaskHistory;
  }

  /** One page of the case's timeline. */
  public CaseHistory history(String caseId, Long rootProcessInstanceKey, int page, int size) {
    List<TimelineEntry> all = new ArrayList<>();
    for (AuditEvent e : audit.ofCase(caseId)) {
      all.add(
          new TimelineEntry(
              new HistoryEntry(
                  "audit:" + e.id(),
                  e.occurredAt(),
                  "AUDIT",
                  e.actor(),
                  e.action(),
                  e.summary(),
                  withType(e.details(), e.actorType())),
              1,
              e.id(),
              0));
    }
    for (Notice n : notices.noticesOfCase(caseId)) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("kind", n.kind().name());
      details.put("language", n.locale().toLanguageTag());
      details.put("body", n.body());
      details.put("delivery", n.status());
      if (n.deliveredAt() != null) {
        details.put("deliveredAt", n.deliveredAt().toString());
      }
      all.add(
          new TimelineEntry(
              new HistoryEntry(
                  "notice:" + n.id(),
                  n.createdAt(),
                  "NOTICE",
                  "redress-workflow",
                  "NOTICE_" + n.kind(),
                  n.subject(),
                  details),
              2,
              n.id(),
              0));
    }
    boolean engineAvailable = true;
    if (rootProcessInstanceKey != null) {
      try {
        all.addAll(new EngineTimeline(camunda, userTaskHistory).read(rootProcessInstanceKey));
      } catch (RuntimeException e) {
        log.warn("Engine history of case {} unavailable: {}", caseId, e.getMessage());
        engineAvailable = false;
      }
    }
    all.sort(ORDER);
    long from = (long) page * size;
    List<HistoryEntry> entries =
        all.stream().skip(from).limit(size).map(TimelineEntry::entry).toList();
    return new CaseHistory(
        caseId,
        entries,
        page,
        size,
        all.size(),
        (all.size() + size - 1) / size,
        audit.verify(caseId).intact(),
        engineAvailable,
        userTaskHistory != null);
  }

  private static Map<String, Object> withType(Map<String, Object> details, ActorType type) {
    Map<String, Object> copy = new LinkedHashMap<>(details);
    copy.put("actorType", type.name());
    return copy;
  }
}
