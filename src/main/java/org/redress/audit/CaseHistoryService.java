package org.redress.audit;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.UserTask;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.notice.Notice;
import org.redress.notice.NoticeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A case's history for auditors (R-OPS-2): Redress's audit trail, the notices exactly as sent, and
 * the engine's history of the case's process instances (the root and every called one) read through
 * the Camunda client, so it works against a Camunda cluster too.
 */
public class CaseHistoryService {

  private static final Logger log = LoggerFactory.getLogger(CaseHistoryService.class);

  private final AuditTrail audit;
  private final NoticeService notices;
  private final CamundaClient camunda;

  CaseHistoryService(AuditTrail audit, NoticeService notices, CamundaClient camunda) {
    this.audit = audit;
    this.notices = notices;
    this.camunda = camunda;
  }

  public CaseHistory history(String caseId, Long rootProcessInstanceKey) {
    List<HistoryEntry> entries = new ArrayList<>();
    for (AuditEvent e : audit.ofCase(caseId)) {
      entries.add(
          new HistoryEntry(
              e.occurredAt(),
              "AUDIT",
              e.actor(),
              e.action(),
              e.summary(),
              withType(e.details(), e.actorType())));
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
      entries.add(
          new HistoryEntry(
              n.createdAt(),
              "NOTICE",
              "redress-workflow",
              "NOTICE_" + n.kind(),
              n.subject(),
              details));
    }
    boolean engineAvailable = true;
    if (rootProcessInstanceKey != null) {
      try {
        entries.addAll(processHistory(rootProcessInstanceKey));
      } catch (RuntimeException e) {
        log.warn("Engine history of case {} unavailable: {}", caseId, e.getMessage());
        engineAvailable = false;
      }
    }
    entries.sort(
        Comparator.comparing(HistoryEntry::at, Comparator.nullsLast(Comparator.naturalOrder())));
    return new CaseHistory(caseId, entries, audit.verify(caseId).intact(), engineAvailable);
  }

  private List<HistoryEntry> processHistory(long root) {
    List<HistoryEntry> entries = new ArrayList<>();
    Deque<Long> instances = new ArrayDeque<>();
    instances.add(root);
    while (!instances.isEmpty()) {
      long key = instances.poll();
      for (ProcessInstance child :
          camunda
              .newProcessInstanceSearchRequest()
              .filter(f -> f.parentProcessInstanceKey(key))
              .page(p -> p.limit(100))
              .send()
              .join()
              .items()) {
        instances.add(child.getProcessInstanceKey());
      }
      for (ElementInstance e :
          camunda
              .newElementInstanceSearchRequest()
              .filter(f -> f.processInstanceKey(key))
              .page(p -> p.limit(1000))
              .send()
              .join()
              .items()) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("processDefinitionId", e.getProcessDefinitionId());
        details.put("processInstanceKey", e.getProcessInstanceKey());
        details.put("elementId", e.getElementId());
        details.put("type", String.valueOf(e.getType()));
        details.put("state", String.valueOf(e.getState()));
        if (e.getEndDate() != null) {
          details.put("endedAt", e.getEndDate().toInstant().toString());
        }
        entries.add(
            new HistoryEntry(
                e.getStartDate() == null ? null : e.getStartDate().toInstant(),
                "PROCESS",
                "engine",
                "ELEMENT_" + e.getState(),
                (e.getElementName() == null ? e.getElementId() : e.getElementName())
                    + " in "
                    + e.getProcessDefinitionId(),
                details));
      }
      for (UserTask t :
          camunda
              .newUserTaskSearchRequest()
              .filter(f -> f.processInstanceKey(key))
              .send()
              .join()
              .items()) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("userTaskKey", t.getUserTaskKey());
        details.put("elementId", t.getElementId());
        details.put("state", String.valueOf(t.getState()));
        details.put("candidateGroups", t.getCandidateGroups());
        if (t.getCompletionDate() != null) {
          details.put("completedAt", t.getCompletionDate().toInstant().toString());
        }
        Instant at = t.getCreationDate() == null ? null : t.getCreationDate().toInstant();
        entries.add(
            new HistoryEntry(
                at,
                "PROCESS",
                t.getAssignee() == null ? "unassigned" : t.getAssignee(),
                "USER_TASK_" + t.getState(),
                t.getName() + (t.getAssignee() == null ? "" : ", assignee " + t.getAssignee()),
                details));
      }
    }
    return entries;
  }

  private static Map<String, Object> withType(Map<String, Object> details, ActorType type) {
    Map<String, Object> copy = new LinkedHashMap<>(details);
    copy.put("actorType", type.name());
    return copy;
  }
}
