package org.redress.review.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.redress.console.ConsolePage;
import org.redress.review.AppealReviewProcess;
import org.redress.review.Decision;
import org.redress.review.Outcome;
import org.redress.shared.security.Identities;
import org.redress.shared.security.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reviewer pages: queue ({@code /console/queue} and its self-refreshing rows fragment), task
 * ({@code /console/tasks/{userTaskKey}}: case file, claim, unclaim, the task's own form, the notice
 * preview, approval) and "My decisions". Every method checks its roles; the queue and the task page
 * show only tasks of the caller's candidate groups. Decisions go to the engine through {@link
 * TaskWork}, so the process's listeners apply the review rules; their denial is shown verbatim, in
 * the error summary and, where it names a field, next to it, with the input kept.
 */
@Controller
@ConsolePage
@PreAuthorize("hasAnyRole('REVIEWER', 'SENIOR_REVIEWER')")
class ReviewConsoleController {

  /**
   * Which form field a listener's denial is about, by the words it uses (the rules' own messages
   * name the field); first match wins. Presentation only: the rule itself lives in the service.
   */
  static final List<Map.Entry<String, String>> FIELD_WORDS =
      List.of(
          Map.entry("restrictionendsat", AppealReviewProcess.VAR_RESTRICTION_ENDS_AT),
          Map.entry("policy reference", AppealReviewProcess.VAR_POLICY_REFERENCE),
          Map.entry("rationale", AppealReviewProcess.VAR_RATIONALE),
          Map.entry("outcome must", AppealReviewProcess.VAR_OUTCOME),
          Map.entry("comment", AppealReviewProcess.VAR_APPROVAL_COMMENT),
          Map.entry("approved (true or false)", AppealReviewProcess.VAR_APPROVED));

  private final ReviewQueue queue;
  private final TaskWork work;
  private final CaseFiles caseFiles;
  private final NoticePreview previews;
  private final MyDecisions decisions;
  private final CamundaClient camunda;
  private final ObjectMapper json;
  private final Clock clock;

  ReviewConsoleController(
      ReviewQueue queue,
      TaskWork work,
      CaseFiles caseFiles,
      NoticePreview previews,
      MyDecisions decisions,
      CamundaClient camunda,
      ObjectMapper json,
      Clock clock) {
    this.queue = queue;
    this.work = work;
    this.caseFiles = caseFiles;
    this.previews = previews;
    this.decisions = decisions;
    this.camunda = camunda;
    this.json = json;
    this.clock = clock;
  }

  // ---- queue ------------------------------------------------------------------------------------

  @GetMapping("/console/queue")
  String queue(
      QueueParams params,
      Authentication me,
      Locale locale,
      Model model,
      HttpServletRequest request) {
    fillQueue(params, me, locale, model, request);
    model.addAttribute("section", "queue");
    return "console/review/queue";
  }

  /** The queue's rows alone: the page polls it with htmx to stay current. */
  @GetMapping("/console/queue/rows")
  String queueRows(
      QueueParams params,
      Authentication me,
      Locale locale,
      Model model,
      HttpServletRequest request) {
    fillQueue(params, me, locale, model, request);
    return "console/review/queue :: rows";
  }

  /** The filter parameters of the queue (unset = off). */
  record QueueParams(
      Boolean mine,
      Boolean unassigned,
      String kind,
      Boolean overdue,
      Boolean escalated,
      Boolean urgent,
      Boolean person) {
    QueueFilter filter() {
      return new QueueFilter(
          on(mine), on(unassigned), kind, on(overdue), on(escalated), on(urgent), on(person));
    }

    private static boolean on(Boolean b) {
      return Boolean.TRUE.equals(b);
    }
  }

  private void fillQueue(
      QueueParams params,
      Authentication me,
      Locale locale,
      Model model,
      HttpServletRequest request) {
    String query = request.getQueryString();
    model.addAttribute(
        "rowsUrl", "/console/queue/rows" + (query == null || query.isBlank() ? "" : "?" + query));
    QueueFilter filter = params.filter();
    model.addAttribute("filter", filter);
    model.addAttribute("rows", queue.rows(me.getName(), work.groups(Role.of(me)), filter));
    model.addAttribute("fmt", new ConsoleFormat(locale, clock));
    model.addAttribute("limit", ReviewQueue.LIMIT);
  }

  // ---- task -------------------------------------------------------------------------------------

  @GetMapping("/console/tasks/{userTaskKey}")
  String task(@PathVariable long userTaskKey, Authentication me, Locale locale, Model model) {
    return taskPage(userTaskKey, me, locale, model, null, null);
  }

  /** The task's own Camunda form (bpmn/forms), for form-js. */
  @GetMapping(
      path = "/console/tasks/{userTaskKey}/form",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> form(@PathVariable long userTaskKey, Authentication me) {
    work.visible(userTaskKey, work.groups(Role.of(me)));
    Object schema = camunda.newUserTaskGetFormRequest(userTaskKey).send().join().getSchema();
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header("Cache-Control", "no-store")
        .body(String.valueOf(schema));
  }

  /**
   * The task page again with the refusal in words and its status; a task the caller may not see
   * (unknown, or not of their groups) is not shown but refused as such.
   */
  private String refusedOnPage(
      long userTaskKey,
      Authentication me,
      Locale locale,
      Model model,
      HttpServletResponse response,
      TaskRefusal refusal,
      Map<String, Object> values) {
    if (refusal.code() == TaskRefusal.Code.NOT_FOUND
        || refusal.code() == TaskRefusal.Code.NOT_YOUR_GROUP) {
      throw refusal;
    }
    response.setStatus(refusal.code().status());
    return taskPage(userTaskKey, me, locale, model, refusal, values);
  }

  @PostMapping("/console/tasks/{userTaskKey}/claim")
  String claim(
      @PathVariable long userTaskKey,
      Authentication me,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    try {
      work.claim(userTaskKey, me.getName(), Role.of(me));
    } catch (TaskRefusal refusal) {
      return refusedOnPage(userTaskKey, me, locale, model, response, refusal, null);
    }
    return "redirect:/console/tasks/" + userTaskKey;
  }

  @PostMapping("/console/tasks/{userTaskKey}/unclaim")
  String unclaim(
      @PathVariable long userTaskKey,
      Authentication me,
      Locale locale,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      work.unclaim(userTaskKey, me.getName(), Role.of(me));
    } catch (TaskRefusal refusal) {
      return refusedOnPage(userTaskKey, me, locale, model, response, refusal, null);
    }
    redirect.addFlashAttribute("done", "review.done.unclaimed");
    return "redirect:/console/queue";
  }

  /**
   * The decision (review task) or the approval (approval task). Values come as JSON in {@code data}
   * (the form-js form) or as plain fields (the page without widgets, the approval form).
   */
  @PostMapping("/console/tasks/{userTaskKey}/decide")
  String decide(
      @PathVariable long userTaskKey,
      @RequestParam Map<String, String> fields,
      Authentication me,
      Locale locale,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Map<String, Object> values = values(fields);
    TaskWork.OpenTask open = work.visible(userTaskKey, work.groups(Role.of(me)));
    try {
      work.complete(userTaskKey, me.getName(), Role.of(me), values);
    } catch (TaskRefusal refusal) {
      return refusedOnPage(userTaskKey, me, locale, model, response, refusal, values);
    }
    redirect.addFlashAttribute(
        "done",
        open.approval()
            ? (Boolean.TRUE.equals(values.get(AppealReviewProcess.VAR_APPROVED))
                ? "review.done.approved"
                : "review.done.sentBack")
            : "review.done.decided");
    redirect.addFlashAttribute("doneCase", open.appeal().caseId());
    return "redirect:/console/queue";
  }

  /** The notice the form's current values would send, in the appellant's language (htmx). */
  @PostMapping("/console/tasks/{userTaskKey}/preview")
  String preview(
      @PathVariable long userTaskKey,
      @RequestParam Map<String, String> fields,
      Authentication me,
      Model model) {
    TaskWork.OpenTask open = work.visible(userTaskKey, work.groups(Role.of(me)));
    CaseFile file = caseFiles.of(open.appeal(), false);
    model.addAttribute("preview", draftPreview(file, values(fields), me.getName()));
    model.addAttribute("appellantLanguage", file.suspension().locale().toLanguageTag());
    model.addAttribute("task", open.task());
    model.addAttribute("approval", open.approval());
    model.addAttribute("mine", Identities.same(open.task().getAssignee(), me.getName()));
    return "console/review/task :: preview";
  }

  /**
   * The task's action URLs opened with GET (the language switch on a page a POST answered, a
   * reload, a bookmark): the task page afresh.
   */
  @GetMapping({
    "/console/tasks/{userTaskKey}/claim",
    "/console/tasks/{userTaskKey}/unclaim",
    "/console/tasks/{userTaskKey}/decide"
  })
  String reopen(@PathVariable long userTaskKey) {
    return "redirect:/console/tasks/" + userTaskKey;
  }

  // ---- my decisions -----------------------------------------------------------------------------

  @GetMapping("/console/decisions")
  String decisions(Authentication me, Locale locale, Model model) {
    model.addAttribute("rows", decisions.of(me.getName()));
    model.addAttribute("fmt", new ConsoleFormat(locale, clock));
    model.addAttribute("section", "decisions");
    return "console/review/decisions";
  }

  // ---- refusals ---------------------------------------------------------------------------------

  /** A task the caller may not see or that is gone: a page in words, with its status. */
  @ExceptionHandler(TaskRefusal.class)
  String refused(TaskRefusal refusal, Model model, HttpServletResponse response) {
    response.setStatus(refusal.code().status());
    model.addAttribute("refusal", refusal);
    model.addAttribute("section", "queue");
    return "console/review/refused";
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private String taskPage(
      long userTaskKey,
      Authentication me,
      Locale locale,
      Model model,
      TaskRefusal refusal,
      Map<String, Object> submitted) {
    TaskWork.OpenTask open = work.visible(userTaskKey, work.groups(Role.of(me)));
    if (open.task().getState() != UserTaskState.CREATED) {
      throw new TaskRefusal(TaskRefusal.Code.NOT_FOUND, null);
    }
    CaseFile file = caseFiles.of(open.appeal(), open.approval());
    boolean mine = Identities.same(open.task().getAssignee(), me.getName());
    Optional<TaskRefusal> claimRefusal =
        mine ? Optional.empty() : work.claimRefusal(open, me.getName(), Role.of(me));
    Map<String, Object> data = formData(open, file, submitted);
    model.addAttribute("task", open.task());
    model.addAttribute("approval", open.approval());
    model.addAttribute("file", file);
    model.addAttribute("mine", mine);
    model.addAttribute("claimRefusal", claimRefusal.orElse(null));
    model.addAttribute("refusal", refusal);
    model.addAttribute("values", data);
    model.addAttribute("formData", write(data));
    Map<String, String> fieldErrors = new LinkedHashMap<>();
    if (refusal != null) {
      fieldErrors.putAll(refusal.fieldErrors());
      String field = fieldOf(refusal);
      if (field != null && !fieldErrors.containsKey(field)) {
        fieldErrors.put(field, refusal.argument());
      }
    }
    model.addAttribute("fieldErrors", fieldErrors);
    model.addAttribute("formErrors", write(fieldErrors));
    model.addAttribute("fmt", new ConsoleFormat(locale, clock));
    model.addAttribute(
        "due", open.task().getDueDate() == null ? null : open.task().getDueDate().toInstant());
    model.addAttribute("appellantLanguage", file.suspension().locale().toLanguageTag());
    model.addAttribute(
        "preview",
        open.approval()
            ? proposedPreview(file)
            : draftPreview(file, submitted == null ? Map.of() : submitted, me.getName()));
    model.addAttribute("outcomes", List.of(Outcome.values()));
    model.addAttribute("section", "queue");
    return "console/review/task";
  }

  /**
   * What the form shows: the process's case and appeal ids, for an approval also the proposed
   * decision, and what the reviewer last submitted (kept after a refusal).
   */
  private Map<String, Object> formData(
      TaskWork.OpenTask open, CaseFile file, Map<String, Object> submitted) {
    // the process's variables, which the form's header text shows (case, language, priority, ...)
    Map<String, Object> data =
        new LinkedHashMap<>(work.variables(open.task().getProcessInstanceKey()));
    if (!open.approval()) {
      // a new round starts empty, not with the values of an earlier round's decision
      TaskWork.FORM_KEYS.get(AppealReviewProcess.ELEMENT_REVIEW_APPEAL).forEach(data::remove);
    }
    data.put(AppealReviewProcess.VAR_CASE_ID, file.suspension().caseId());
    data.put(AppealReviewProcess.VAR_APPEAL_ID, file.appeal().appealId());
    Decision proposed = file.proposed();
    if (open.approval() && proposed != null) {
      data.put(AppealReviewProcess.VAR_OUTCOME, proposed.outcome().name());
      data.put(AppealReviewProcess.VAR_RATIONALE, proposed.rationale());
      data.put(AppealReviewProcess.VAR_POLICY_REFERENCE, proposed.policyReference());
    }
    if (submitted != null) {
      data.putAll(submitted);
    }
    return data;
  }

  private NoticePreview.Draft draftOf(Map<String, ?> v, String me) {
    return new NoticePreview.Draft(
        text(v.get(AppealReviewProcess.VAR_OUTCOME)),
        text(v.get(AppealReviewProcess.VAR_RATIONALE)),
        text(v.get(AppealReviewProcess.VAR_POLICY_REFERENCE)),
        text(v.get(AppealReviewProcess.VAR_RESTRICTION_ENDS_AT)),
        text(v.get(AppealReviewProcess.VAR_QUESTION)),
        me);
  }

  private Object draftPreview(CaseFile file, Map<String, ?> values, String me) {
    return previews.render(file.suspension(), file.appeal().appealId(), draftOf(values, me));
  }

  private Object proposedPreview(CaseFile file) {
    Decision d = file.proposed();
    if (d == null) {
      return null;
    }
    return previews.render(
        file.suspension(),
        file.appeal().appealId(),
        new NoticePreview.Draft(
            d.outcome().name(),
            d.rationale(),
            d.policyReference(),
            d.restrictionEndsAt() == null ? null : d.restrictionEndsAt().toString(),
            d.question(),
            d.decidedBy()));
  }

  /** The submitted values: the form-js JSON in {@code data}, else the plain fields. */
  Map<String, Object> values(Map<String, String> fields) {
    Map<String, Object> values = new LinkedHashMap<>();
    String data = fields.get("data");
    if (data != null && !data.isBlank()) {
      try {
        values.putAll(json.readValue(data, new TypeReference<Map<String, Object>>() {}));
      } catch (JsonProcessingException e) {
        // not JSON: nothing from it; the listener then names what is missing
      }
    }
    for (String key :
        List.of(
            AppealReviewProcess.VAR_OUTCOME,
            AppealReviewProcess.VAR_RATIONALE,
            AppealReviewProcess.VAR_POLICY_REFERENCE,
            AppealReviewProcess.VAR_RESTRICTION_ENDS_AT,
            AppealReviewProcess.VAR_QUESTION,
            AppealReviewProcess.VAR_APPROVAL_COMMENT)) {
      String v = fields.get(key);
      if (v != null && !values.containsKey(key)) {
        values.put(key, v.isBlank() ? null : v);
      }
    }
    String approved = fields.get(AppealReviewProcess.VAR_APPROVED);
    if (approved != null && !values.containsKey(AppealReviewProcess.VAR_APPROVED)) {
      values.put(AppealReviewProcess.VAR_APPROVED, Boolean.valueOf(approved));
    }
    return values;
  }

  static String fieldOf(TaskRefusal refusal) {
    if (refusal.code() != TaskRefusal.Code.DENIED) {
      return null;
    }
    String reason = refusal.argument().toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> words : FIELD_WORDS) {
      if (reason.contains(words.getKey())) {
        return words.getValue();
      }
    }
    return null;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
