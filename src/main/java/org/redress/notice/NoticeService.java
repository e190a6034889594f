package org.redress.notice;

import java.time.Clock;
import java.util.List;

/**
 * Sends notices: renders them and stores them in the outbox in the caller's transaction (so the
 * step that sends a notice and the notice commit together; nothing is lost), once per idempotency
 * key (so a re-run step never sends a second one). {@link NoticeDispatcher} delivers them.
 */
public class NoticeService {

  private final NoticeRepository repository;
  private final NoticeTemplates templates;
  private final Clock clock;

  NoticeService(NoticeRepository repository, NoticeTemplates templates, Clock clock) {
    this.repository = repository;
    this.templates = templates;
    this.clock = clock;
  }

  /**
   * The notice for the request's key: stored now, or the one stored before with that key.
   *
   * @throws IllegalArgumentException the key belongs to another case, or a required model value is
   *     missing
   */
  public Notice send(NoticeRequest request) {
    var existingCase = repository.caseOfKey(request.idempotencyKey());
    if (existingCase.isPresent()) {
      if (!existingCase.get().equals(request.caseId())) {
        throw new IllegalArgumentException(
            "Expected notice key "
                + request.idempotencyKey()
                + " to belong to case "
                + request.caseId()
                + ", but case "
                + existingCase.get()
                + " used it");
      }
      return repository.byKey(request.idempotencyKey()).orElseThrow();
    }
    NoticeTemplates.Rendered rendered =
        templates.render(request.kind(), request.locale(), request.model());
    return repository.insertIfAbsent(
        request.idempotencyKey(),
        request.caseId(),
        request.accountId(),
        request.kind(),
        rendered.languageTag(),
        rendered.subject(),
        rendered.body(),
        clock.instant());
  }

  /** The case's notices, oldest first, as the user received them. */
  public List<Notice> noticesOfCase(String caseId) {
    return repository.ofCase(caseId);
  }

  /** The account's in-app inbox, oldest first. */
  public List<InboxMessage> inbox(String accountId) {
    return repository.inbox(accountId);
  }
}
