package org.redress.appeal;

import io.camunda.client.CamundaClient;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.redress.audit.ActorType;
import org.redress.audit.AuditEntry;
import org.redress.audit.AuditTrail;
import org.redress.notice.NoticeKind;
import org.redress.notice.NoticeRequest;
import org.redress.notice.NoticeService;
import org.redress.shared.Readiness;
import org.redress.shared.handoff.EngineHandoff;
import org.redress.shared.web.ApiException;
import org.redress.suspension.AccountSuspensionProcess;
import org.redress.suspension.CaseStatus;
import org.redress.suspension.SuspensionCase;
import org.redress.suspension.SuspensionService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appeal intake (R-EU-5): free, electronic, reachable while suspended through the case link, no
 * legal formalities, open for the whole appeal window, one open appeal per case at a time. The
 * appeal is stored first and then announced to the case's process by the message {@code
 * appeal-filed}; a failed announcement is retried by {@link #publishPending()}, so no appeal is
 * lost.
 */
public class AppealService {

  /** Message of the appeal-review process a reply to a request for information is sent with. */
  public static final String MESSAGE_INFORMATION_PROVIDED = "appeal-information-provided";

  private final AppealRepository repository;
  private final SuspensionService suspensions;
  private final NoticeService notices;
  private final AuditTrail audit;
  private final CamundaClient camunda;
  private final TransactionTemplate transactions;
  private final AppealProperties properties;
  private final Clock clock;
  private final EngineHandoff announcements;
  private final EngineHandoff informationAnswers;

  AppealService(
      AppealRepository repository,
      SuspensionService suspensions,
      NoticeService notices,
      AuditTrail audit,
      CamundaClient camunda,
      TransactionTemplate transactions,
      AppealProperties properties,
      Clock clock,
      Readiness readiness) {
    this.repository = repository;
    this.suspensions = suspensions;
    this.notices = notices;
    this.audit = audit;
    this.camunda = camunda;
    this.transactions = transactions;
    this.properties = properties;
    this.clock = clock;
    // Filed appeals reach the engine one at a time at redress.appeal.announce-rate: a burst of
    // appeals queues here instead of crowding out the appellants' requests.
    this.announcements =
        new EngineHandoff(
            "appeal-announcement",
            properties.messageRetryAfter(),
            properties.announceRate(),
            readiness,
            clock,
            repository::unpublished,
            this::publish);
    // Answers to requests for information reach the engine in the appellant's request, or later
    // by the retry (stored first, so an unavailable engine loses none).
    this.informationAnswers =
        new EngineHandoff(
            "information-answer",
            properties.messageRetryAfter(),
            0,
            readiness,
            clock,
            repository::unpublishedInformation,
            this::publishInformation);
  }

  /** What the appellant sends besides the files. */
  public record FileAppeal(
      String statement,
      ContactPreference contactPreference,
      Boolean talkToPerson,
      String contactDetail) {}

  /**
   * Files an appeal. Refuses, storing nothing: a closed window (R-EU-5), an open appeal (409), a
   * case already decided on appeal (the routes left are dispute settlement and court), an empty or
   * too long statement, too many, too large or wrong-type files.
   */
  public Appeal file(String caseId, FileAppeal command, List<Attachment> files) {
    SuspensionCase c = suspensions.get(caseId);
    Instant now = clock.instant();
    validate(command, files);
    if (!c.appealWindowOpen(now)) {
      throw new ApiException(
          409,
          "APPEAL_WINDOW_CLOSED",
          "The appeal window has closed",
          "Appeals against this decision were possible until "
              + c.appealDeadline()
              + ". You can still use a certified out-of-court dispute settlement body or the"
              + " courts, as the notice explains.",
          Map.of("appealDeadline", c.appealDeadline().toString()));
    }
    if (c.status() == CaseStatus.FINAL || c.status() == CaseStatus.EXECUTED) {
      throw ApiException.conflict(
          "APPEAL_ALREADY_DECIDED",
          "This case was already decided on appeal; you can still use a certified out-of-court"
              + " dispute settlement body or the courts, as the decision notice explains.");
    }
    Optional<Appeal> open = repository.openAppeal(caseId);
    if (open.isPresent()) {
      throw openAppeal(open.get());
    }
    Appeal appeal =
        new Appeal(
            "appeal-" + UUID.randomUUID(),
            caseId,
            command.statement().strip(),
            command.contactPreference() == null
                ? ContactPreference.IN_APP
                : command.contactPreference(),
            Boolean.TRUE.equals(command.talkToPerson()),
            blankToNull(command.contactDetail()),
            AppealStatus.FILED,
            null,
            now,
            null,
            null,
            null,
            List.of());
    try {
      transactions.executeWithoutResult(
          status -> {
            repository.insert(appeal);
            for (int i = 0; i < files.size(); i++) {
              repository.insertAttachment(
                  appeal.appealId(), i + 1, files.get(i), sha256(files.get(i).content()));
            }
            audit.record(
                new AuditEntry(
                    caseId,
                    "APPEAL_FILED",
                    c.accountId(),
                    ActorType.APPELLANT,
                    "Appeal filed with "
                        + files.size()
                        + " attachment(s)"
                        + (appeal.talkToPerson()
                            ? "; the appellant asked to talk to a person"
                            : ""),
                    Map.of("appealId", appeal.appealId(), "attachments", files.size()),
                    appeal.appealId() + ":APPEAL_FILED"));
          });
    } catch (DuplicateKeyException e) {
      throw openAppeal(repository.openAppeal(caseId).orElse(appeal));
    }
    // The appeal is stored; telling the process does not hold up the appellant's answer. Should
    // the queue be full or the engine unreachable, publishPending() announces it later.
    announcements.soon(appeal.appealId());
    return new Appeal(
        appeal.appealId(),
        appeal.caseId(),
        appeal.statement(),
        appeal.contactPreference(),
        appeal.talkToPerson(),
        appeal.contactDetail(),
        appeal.status(),
        appeal.priority(),
        appeal.filedAt(),
        null,
        null,
        null,
        attachmentInfos(files));
  }

  private static List<Appeal.AttachmentInfo> attachmentInfos(List<Attachment> files) {
    List<Appeal.AttachmentInfo> infos = new java.util.ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Attachment file = files.get(i);
      infos.add(
          new Appeal.AttachmentInfo(
              i + 1,
              file.fileName(),
              file.contentType(),
              file.content().length,
              sha256(file.content())));
    }
    return infos;
  }

  public Appeal get(String appealId) {
    return repository
        .find(appealId)
        .orElseThrow(() -> ApiException.notFound("APPEAL_NOT_FOUND", "No appeal " + appealId));
  }

  public List<Appeal> ofCase(String caseId) {
    return repository.ofCase(caseId);
  }

  public Optional<Attachment> attachment(String appealId, int number) {
    return repository.attachment(appealId, number);
  }

  public List<InformationReply> information(String appealId) {
    return repository.information(appealId);
  }

  /**
   * {@code register-appeal}: the review process took the appeal in; the appellant gets the receipt
   * (R-CN-3), with a promise of human contact when they asked for it (R-EU-14).
   */
  public Appeal register(
      String appealId, long reviewProcessInstanceKey, Instant expectedDecisionBy) {
    transactions.executeWithoutResult(
        status -> {
          Appeal appeal = lock(appealId);
          SuspensionCase c = suspensions.get(appeal.caseId());
          Instant now = clock.instant();
          repository.markRegistered(appealId, reviewProcessInstanceKey, now);
          Map<String, Object> model = new LinkedHashMap<>();
          model.put("caseId", c.caseId());
          model.put("caseLink", suspensions.caseLink(c, c.appealDeadline()));
          model.put("recipientName", c.accountName());
          model.put("appealId", appealId);
          model.put("receivedAt", appeal.filedAt());
          if (expectedDecisionBy != null) {
            model.put("expectedDecisionBy", expectedDecisionBy);
          }
          model.put("humanContact", appeal.talkToPerson());
          notices.send(
              new NoticeRequest(
                  c.caseId(),
                  c.accountId(),
                  NoticeKind.APPEAL_RECEIVED,
                  c.locale(),
                  appealId + ":APPEAL_RECEIVED",
                  model));
          suspensions.changeStatus(
              c.caseId(),
              CaseStatus.APPEAL_OPEN,
              SuspensionService.WORKFLOW_ACTOR,
              "appeal received");
          audit.record(
              new AuditEntry(
                  c.caseId(),
                  "APPEAL_REGISTERED",
                  SuspensionService.WORKFLOW_ACTOR,
                  ActorType.SYSTEM,
                  "Appeal registered and receipt sent to the appellant",
                  Map.of("appealId", appealId),
                  appealId + ":APPEAL_REGISTERED"));
        });
    return get(appealId);
  }

  /** The appeal a review process instance handles (its user tasks carry the instance key). */
  public Optional<Appeal> ofReviewProcess(long processInstanceKey) {
    return repository.appealOfReviewProcess(processInstanceKey).flatMap(repository::find);
  }

  /** The triage's priority, kept for the queue and the case view. */
  public void setPriority(String appealId, int priority) {
    repository.setPriority(appealId, priority);
  }

  /** {@code request-information}: the reviewer's question goes to the appellant. */
  public void requestInformation(
      String appealId, int round, String question, Instant replyBy, String reviewer) {
    transactions.executeWithoutResult(
        status -> {
          Appeal appeal = lock(appealId);
          SuspensionCase c = suspensions.get(appeal.caseId());
          repository.updateStatus(appealId, AppealStatus.INFO_REQUESTED);
          Map<String, Object> model = new LinkedHashMap<>();
          model.put("caseId", c.caseId());
          model.put("caseLink", suspensions.caseLink(c, c.appealDeadline()));
          model.put("recipientName", c.accountName());
          model.put("appealId", appealId);
          model.put("question", question);
          model.put("replyBy", replyBy);
          notices.send(
              new NoticeRequest(
                  c.caseId(),
                  c.accountId(),
                  NoticeKind.INFORMATION_REQUESTED,
                  c.locale(),
                  appealId + ":INFORMATION_REQUESTED:" + round,
                  model));
          suspensions.changeStatus(
              c.caseId(), CaseStatus.INFO_REQUESTED, reviewer, "information requested");
          audit.record(
              new AuditEntry(
                  c.caseId(),
                  "INFORMATION_REQUESTED",
                  reviewer,
                  ActorType.PERSON,
                  "The reviewer asked the appellant: " + question,
                  Map.of("appealId", appealId, "round", round, "replyBy", replyBy.toString()),
                  appealId + ":INFORMATION_REQUESTED:" + round));
        });
  }

  /**
   * The appellant answers a request for information; the review process continues with it. Only
   * while information is requested; one answer per round.
   */
  public InformationReply provideInformation(String caseId, String appealId, String text) {
    return provideInformation(caseId, appealId, text, List.of());
  }

  /**
   * The same with evidence files, checked like an appeal's (count, size, type by content) and added
   * to the appeal's attachments after those it has.
   */
  public InformationReply provideInformation(
      String caseId, String appealId, String text, List<Attachment> files) {
    if (text == null || text.isBlank()) {
      throw ApiException.badRequest("INFORMATION_EMPTY", "Write your answer in the text field");
    }
    if (text.length() > properties.maxStatementLength()) {
      throw ApiException.badRequest(
          "INFORMATION_TOO_LONG",
          "The answer may have at most " + properties.maxStatementLength() + " characters");
    }
    validate(new FileAppeal(text, null, null, null), files);
    // negative: a retry of the latest answer, whose round is -round
    int round =
        transactions.execute(
            status -> {
              Appeal appeal = lock(appealId);
              if (!appeal.caseId().equals(caseId)) {
                throw ApiException.notFound("APPEAL_NOT_FOUND", "No appeal " + appealId);
              }
              List<InformationReply> replies = repository.information(appealId);
              if (appeal.status() != AppealStatus.INFO_REQUESTED
                  && !replies.isEmpty()
                  && replies.get(replies.size() - 1).text().equals(text.strip())) {
                // A retried answer (e.g. after a lost response): recorded and announced once. Not
                // published again here (a message correlated already would wait, buffered, for
                // the next round's request); an answer not announced yet is the retry's.
                return -replies.get(replies.size() - 1).round();
              }
              if (appeal.status() != AppealStatus.INFO_REQUESTED) {
                throw ApiException.conflict(
                    "NO_INFORMATION_REQUESTED",
                    "No information is requested for this appeal at the moment");
              }
              int next = replies.size() + 1;
              repository.insertInformation(appealId, next, text.strip(), clock.instant());
              int number = appeal.attachments().size();
              for (Attachment file : files) {
                number++;
                repository.insertAttachment(appealId, number, file, sha256(file.content()));
              }
              repository.updateStatus(appealId, AppealStatus.REGISTERED);
              audit.record(
                  new AuditEntry(
                      caseId,
                      "INFORMATION_PROVIDED",
                      suspensions.get(caseId).accountId(),
                      ActorType.APPELLANT,
                      "The appellant answered the request for information"
                          + (files.isEmpty() ? "" : " with " + files.size() + " attachment(s)"),
                      Map.of("appealId", appealId, "round", next, "attachments", files.size()),
                      appealId + ":INFORMATION_PROVIDED:" + next));
              return next;
            });
    if (round < 0) {
      return repository.information(appealId).get(-round - 1);
    }
    informationAnswers.now(appealId + "#" + round);
    return repository.information(appealId).get(round - 1);
  }

  /**
   * Publishes {@code appeal-information-provided} for an answer ({@code <appealId>#<round>}) and
   * records that it did; the message id makes a repeat while it is buffered a no-op.
   */
  private void publishInformation(String answer) {
    int hash = answer.lastIndexOf('#');
    String appealId = answer.substring(0, hash);
    int round = Integer.parseInt(answer.substring(hash + 1));
    try {
      camunda
          .newPublishMessageCommand()
          .messageName(MESSAGE_INFORMATION_PROVIDED)
          .correlationKey(appealId)
          .messageId(appealId + ":information:" + round)
          .timeToLive(Duration.ofDays(1))
          .variables(Map.of("informationRound", round))
          .send()
          .join();
    } catch (RuntimeException e) {
      if (!String.valueOf(e.getMessage()).contains("ALREADY_EXISTS")) {
        throw e; // left unpublished: the retry announces it
      }
    }
    repository.markInformationPublished(appealId, round, clock.instant());
  }

  /**
   * {@code record-decision}: the appeal is decided; the case may be appealed again only if the
   * outcome leaves the window open (inadmissible, manifestly unfounded).
   */
  public void markDecided(String appealId, String outcome) {
    repository.markDecided(appealId, outcome, clock.instant());
  }

  /**
   * Stops announcing appeals (the context closes): waits briefly for announcements under way; the
   * rest stay unpublished in the database and {@link #publishPending()} announces them later.
   */
  public void close() throws InterruptedException {
    announcements.close();
    informationAnswers.close();
  }

  /** Appeals of the account decided as manifestly unfounded (Art. 23 misuse, R-EU-11). */
  public int manifestlyUnfoundedCount(String accountId) {
    return repository.manifestlyUnfoundedCount(suspensions.caseIdsOfAccount(accountId));
  }

  /**
   * Announces appeals and answers to requests for information whose message was not published yet
   * (after a crash or engine outage).
   */
  public void publishPending() {
    announcements.sweep();
    informationAnswers.sweep();
  }

  /**
   * Publishes {@code appeal-filed} for the case, with the appeal id as message id (a repeat while
   * it is buffered is ignored). The message lives until the appeal window closes, so an appeal
   * filed while the process is still busy with the previous one is taken up when it returns to
   * waiting; a message correlates at most once per process, so it is never taken twice.
   */
  private void publish(String appealId) {
    Appeal appeal = get(appealId);
    SuspensionCase c = suspensions.get(appeal.caseId());
    Duration ttl = Duration.between(clock.instant(), c.appealDeadline()).plusDays(1);
    try {
      camunda
          .newPublishMessageCommand()
          .messageName(AccountSuspensionProcess.MESSAGE_APPEAL_FILED)
          .correlationKey(c.caseId())
          .messageId(appealId)
          .timeToLive(ttl.isNegative() ? Duration.ofDays(1) : ttl)
          .variables(Map.of(AccountSuspensionProcess.VAR_APPEAL_ID, appealId))
          .send()
          .join();
    } catch (RuntimeException e) {
      if (!String.valueOf(e.getMessage()).contains("ALREADY_EXISTS")) {
        throw e; // left unpublished: the retry announces it
      }
    }
    repository.markPublished(appealId, clock.instant());
  }

  private void validate(FileAppeal command, List<Attachment> files) {
    if (command == null || command.statement() == null || command.statement().isBlank()) {
      throw ApiException.badRequest(
          "APPEAL_STATEMENT_EMPTY",
          "Tell us in your own words why the decision is wrong; no legal wording is needed");
    }
    if (command.statement().length() > properties.maxStatementLength()) {
      throw ApiException.badRequest(
          "APPEAL_STATEMENT_TOO_LONG",
          "The statement may have at most "
              + properties.maxStatementLength()
              + " characters; attach longer documents as files");
    }
    if (files.size() > properties.maxAttachments()) {
      throw ApiException.badRequest(
          "TOO_MANY_ATTACHMENTS",
          "At most " + properties.maxAttachments() + " files can be attached to an appeal");
    }
    for (Attachment file : files) {
      if (file.content().length == 0) {
        throw ApiException.badRequest(
            "ATTACHMENT_EMPTY", "The file " + file.fileName() + " is empty");
      }
      if (file.content().length > properties.maxAttachmentSize().toBytes()) {
        throw new ApiException(
            413,
            "ATTACHMENT_TOO_LARGE",
            "Attachment too large",
            "The file "
                + file.fileName()
                + " is larger than "
                + properties.maxAttachmentSize().toMegabytes()
                + " MB");
      }
      String detected = detectType(file.content());
      if (detected == null
          || !properties.allowedContentTypes().contains(detected)
          || (file.contentType() != null
              && !file.contentType().startsWith(detected)
              && !"application/octet-stream".equals(file.contentType()))) {
        throw new ApiException(
            415,
            "ATTACHMENT_TYPE_NOT_ALLOWED",
            "Attachment type not allowed",
            "The file "
                + file.fileName()
                + " is not one of the accepted types ("
                + String.join(", ", properties.allowedContentTypes())
                + ")");
      }
    }
  }

  /** The type the content really has, by its first bytes; null when not one we know. */
  static String detectType(byte[] content) {
    if (startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      return "image/jpeg";
    }
    if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
      return "image/png";
    }
    if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
      return "application/pdf";
    }
    for (byte b : content) {
      if (b == 0) {
        return null;
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content));
      return "text/plain";
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (content[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private Appeal lock(String appealId) {
    return repository
        .lock(appealId)
        .orElseThrow(() -> ApiException.notFound("APPEAL_NOT_FOUND", "No appeal " + appealId));
  }

  private static ApiException openAppeal(Appeal open) {
    return new ApiException(
        409,
        "APPEAL_ALREADY_OPEN",
        "An appeal is already open",
        "Your appeal "
            + open.appealId()
            + " is still being handled; you can file another one once it is decided",
        Map.of("openAppealId", open.appealId()));
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
