package org.redress.portal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.redress.appeal.Appeal;
import org.redress.appeal.AppealProperties;
import org.redress.appeal.AppealService;
import org.redress.appeal.AppealStatus;
import org.redress.appeal.Attachment;
import org.redress.appeal.CaseView;
import org.redress.appeal.CaseViewService;
import org.redress.appeal.ContactPreference;
import org.redress.funds.FundsEvent;
import org.redress.funds.FundsService;
import org.redress.funds.Hold;
import org.redress.notice.NoticeProperties;
import org.redress.review.Decision;
import org.redress.review.Outcome;
import org.redress.review.ReviewProperties;
import org.redress.review.ReviewService;
import org.redress.shared.security.CaseAccess;
import org.redress.shared.security.CaseNotFoundException;
import org.redress.shared.web.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriUtils;

/**
 * The appellant portal's pages under {@code /case/{caseId}} (the case link's cookie signs them in,
 * {@code config.security.PortalCaseCookieFilter}). Every page loads the case through {@link
 * CaseAccess} first, then calls the same services as {@code /api/cases}. Refusals of the services
 * (problem codes) come back as the form again with the reason next to the field, the status code of
 * the API, and everything typed kept.
 */
@Controller
class PortalController {

  static final String LANGUAGE_COOKIE = "redress_lang";

  private static final java.util.regex.Pattern LINK_TOKEN =
      java.util.regex.Pattern.compile("([?&]token=)[A-Za-z0-9_.\\-]+");

  private final CaseViewService views;
  private final AppealService appeals;
  private final ReviewService reviews;
  private final FundsService funds;
  private final CaseAccess access;
  private final AppealProperties appealLimits;
  private final NoticeProperties noticeProperties;
  private final SubmissionLimiter limiter;
  private final ReviewProperties reviewProperties;
  private final Clock clock;

  PortalController(
      CaseViewService views,
      AppealService appeals,
      ReviewService reviews,
      FundsService funds,
      CaseAccess access,
      AppealProperties appealLimits,
      NoticeProperties noticeProperties,
      SubmissionLimiter limiter,
      ReviewProperties reviewProperties,
      Clock clock) {
    this.views = views;
    this.appeals = appeals;
    this.reviews = reviews;
    this.funds = funds;
    this.access = access;
    this.appealLimits = appealLimits;
    this.noticeProperties = noticeProperties;
    this.limiter = limiter;
    this.reviewProperties = reviewProperties;
    this.clock = clock;
  }

  // ---- 1 Your case ------------------------------------------------------------------------------

  @GetMapping("/case/{caseId}")
  String casePage(
      @PathVariable String caseId,
      Authentication principal,
      HttpServletRequest request,
      Model model) {
    CaseView view = load(caseId, principal, request, model, "case");
    model.addAttribute("openAppeal", openAppeal(view).orElse(null));
    model.addAttribute("decided", lastDecided(view).orElse(null));
    model.addAttribute("money", money(caseId));
    return "portal/case";
  }

  // ---- 2 Appeal form ----------------------------------------------------------------------------

  /** The form's fields, kept as typed when the form comes back with errors. */
  record AppealForm(
      String statement, String contactPreference, String contactDetail, boolean talkToPerson) {}

  @GetMapping("/case/{caseId}/appeal")
  String appealForm(
      @PathVariable String caseId,
      @RequestParam(name = "person", defaultValue = "false") boolean person,
      Authentication principal,
      HttpServletRequest request,
      Model model) {
    CaseView view = load(caseId, principal, request, model, "appeal");
    model.addAttribute("form", new AppealForm("", "IN_APP", "", person));
    return appealPage(view, model, Map.of(), null);
  }

  @PostMapping(path = "/case/{caseId}/appeal", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ModelAndView fileAppeal(
      @PathVariable String caseId,
      @RequestParam(name = "statement", required = false) String statement,
      @RequestParam(name = "contactPreference", required = false) String contactPreference,
      @RequestParam(name = "contactDetail", required = false) String contactDetail,
      @RequestParam(name = "talkToPerson", defaultValue = "false") boolean talkToPerson,
      @RequestParam(name = "evidence", required = false) List<MultipartFile> evidence,
      Authentication principal,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    CaseView view = load(caseId, principal, request, model, "appeal");
    AppealForm form =
        new AppealForm(
            statement == null ? "" : statement,
            contactPreference,
            contactDetail == null ? "" : contactDetail,
            talkToPerson);
    model.addAttribute("form", form);
    if (!limiter.tryAcquire(caseId)) {
      response.setStatus(429);
      return new ModelAndView(
          appealPage(view, model, Map.of("form", "portal.error.RATE_LIMITED"), null));
    }
    try {
      Appeal appeal =
          appeals.file(
              caseId,
              new AppealService.FileAppeal(
                  form.statement(),
                  preference(contactPreference),
                  talkToPerson,
                  form.contactDetail()),
              attachments(evidence));
      return seeOther(casePath(caseId) + "/appeals/" + appeal.appealId() + "/receipt");
    } catch (ApiException e) {
      response.setStatus(e.status());
      return new ModelAndView(
          appealPage(view, model, Map.of(fieldOf(e.code()), "portal.error." + e.code()), e));
    }
  }

  private String appealPage(
      CaseView view, Model model, Map<String, String> errors, ApiException refusal) {
    model.addAttribute("errors", errors);
    model.addAttribute("refusal", refusal == null ? null : refusal.code());
    model.addAttribute("refusalDetail", refusal == null ? null : refusal.getMessage());
    model.addAttribute("openAppeal", openAppeal(view).orElse(null));
    model.addAttribute("limits", appealLimits);
    model.addAttribute("maxSizeMb", appealLimits.maxAttachmentSize().toMegabytes());
    model.addAttribute("accept", String.join(",", appealLimits.allowedContentTypes()));
    model.addAttribute("preferences", ContactPreference.values());
    return "portal/appeal";
  }

  /** Which field a refusal belongs to; "form" for those about the whole appeal. */
  private static String fieldOf(String code) {
    return switch (code) {
      case "APPEAL_STATEMENT_EMPTY", "APPEAL_STATEMENT_TOO_LONG" -> "statement";
      case "TOO_MANY_ATTACHMENTS",
          "ATTACHMENT_EMPTY",
          "ATTACHMENT_TOO_LARGE",
          "ATTACHMENT_TYPE_NOT_ALLOWED" ->
          "evidence";
      case "INFORMATION_EMPTY", "INFORMATION_TOO_LONG" -> "text";
      default -> "form";
    };
  }

  // ---- 3 Receipt, 4 Status, 5 Decision ----------------------------------------------------------

  @GetMapping("/case/{caseId}/appeals/{appealId}/receipt")
  String receipt(
      @PathVariable String caseId,
      @PathVariable String appealId,
      Authentication principal,
      HttpServletRequest request,
      Model model) {
    load(caseId, principal, request, model, "receipt");
    Appeal appeal = appealOf(caseId, appealId);
    model.addAttribute("appeal", appeal);
    model.addAttribute("decideBy", decideBy(appeal));
    return "portal/receipt";
  }

  @GetMapping("/case/{caseId}/appeals/{appealId}")
  String appealStatus(
      @PathVariable String caseId,
      @PathVariable String appealId,
      Authentication principal,
      HttpServletRequest request,
      Model model) {
    CaseView view = load(caseId, principal, request, model, "status");
    Appeal appeal = appealOf(caseId, appealId);
    return statusPage(view, appeal, model, Map.of(), "");
  }

  private String statusPage(
      CaseView view, Appeal appeal, Model model, Map<String, String> errors, String answer) {
    model.addAttribute("appeal", appeal);
    model.addAttribute("decideBy", decideBy(appeal));
    model.addAttribute("replies", appeals.information(appeal.appealId()));
    model.addAttribute("errors", errors);
    model.addAttribute("answer", answer);
    model.addAttribute("limits", appealLimits);
    model.addAttribute("maxSizeMb", appealLimits.maxAttachmentSize().toMegabytes());
    model.addAttribute("accept", String.join(",", appealLimits.allowedContentTypes()));
    Optional<Decision> latest = reviews.latestDecision(appeal.appealId());
    if (appeal.status() == AppealStatus.DECIDED) {
      model.addAttribute("page", "decision");
      model.addAttribute("decision", latest.orElse(null));
      model.addAttribute("money", money(view.caseId()));
      model.addAttribute("newAppealPossible", view.appealWindowOpen() && reopens(latest));
      return "portal/decision";
    }
    model.addAttribute(
        "question",
        appeal.status() == AppealStatus.INFO_REQUESTED
            ? latest.filter(d -> d.outcome() == Outcome.REQUEST_INFO).orElse(null)
            : null);
    return "portal/status";
  }

  /**
   * The latest time a person decides by: the review's time limit for this kind of appeal from its
   * filing (the triage may make it sooner for urgent appeals, never later).
   */
  private java.time.Instant decideBy(Appeal appeal) {
    ReviewProperties.Sla sla = reviewProperties.sla();
    return appeal.filedAt().plus(appeal.talkToPerson() ? sla.person() : sla.normal());
  }

  /** Outcomes that leave the appeal window open for another appeal (AppealService's rule). */
  private static boolean reopens(Optional<Decision> decision) {
    return decision
        .map(
            d -> d.outcome() == Outcome.INADMISSIBLE || d.outcome() == Outcome.MANIFESTLY_UNFOUNDED)
        .orElse(false);
  }

  @PostMapping("/case/{caseId}/appeals/{appealId}/information")
  ModelAndView answer(
      @PathVariable String caseId,
      @PathVariable String appealId,
      @RequestParam(name = "text", required = false) String text,
      @RequestParam(name = "evidence", required = false) List<MultipartFile> evidence,
      Authentication principal,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    CaseView view = load(caseId, principal, request, model, "status");
    Appeal appeal = appealOf(caseId, appealId);
    if (!limiter.tryAcquire(caseId)) {
      response.setStatus(429);
      return new ModelAndView(
          statusPage(
              view, appeal, model, Map.of("form", "portal.error.RATE_LIMITED"), nullToEmpty(text)));
    }
    try {
      appeals.provideInformation(caseId, appealId, text, attachments(evidence));
      return seeOther(casePath(caseId) + "/appeals/" + appealId + "?answered");
    } catch (ApiException e) {
      response.setStatus(e.status());
      return new ModelAndView(
          statusPage(
              view,
              appealOf(caseId, appealId),
              model,
              Map.of(fieldOf(e.code()), "portal.error." + e.code()),
              nullToEmpty(text)));
    }
  }

  // ---- 6 Notices and evidence -------------------------------------------------------------------

  @GetMapping("/case/{caseId}/notices")
  String notices(
      @PathVariable String caseId,
      Authentication principal,
      HttpServletRequest request,
      Model model) {
    CaseView view = load(caseId, principal, request, model, "notices");
    List<CaseView.NoticeView> newestFirst = new ArrayList<>();
    for (CaseView.NoticeView n : view.notices()) {
      // The link's token is a credential: not shown on a screen others may see or photograph.
      newestFirst.add(
          new CaseView.NoticeView(
              n.kind(),
              n.subject(),
              LINK_TOKEN.matcher(n.body()).replaceAll("$1…"),
              n.sentAt(),
              n.status()));
    }
    Collections.reverse(newestFirst);
    model.addAttribute("notices", newestFirst);
    return "portal/notices";
  }

  @GetMapping("/case/{caseId}/appeals/{appealId}/files/{number}")
  ResponseEntity<byte[]> evidence(
      @PathVariable String caseId,
      @PathVariable String appealId,
      @PathVariable int number,
      Authentication principal) {
    access.check(principal, caseId);
    appealOf(caseId, appealId);
    Attachment file =
        appeals.attachment(appealId, number).orElseThrow(() -> new CaseNotFoundException(caseId));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + file.fileName().replaceAll("[\"\\\\\r\n]", "") + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .body(file.content());
  }

  // ---- language ---------------------------------------------------------------------------------

  /** The language switch: remembered in a cookie of this case's path, then back to the page. */
  @GetMapping("/case/{caseId}/language")
  ModelAndView language(
      @PathVariable String caseId,
      @RequestParam(name = "to") String to,
      @RequestParam(name = "back", required = false) String back,
      Authentication principal,
      HttpServletRequest request,
      HttpServletResponse response) {
    access.check(principal, caseId);
    Locale locale = PortalConfiguration.supported(to);
    String base = casePath(caseId);
    if (locale != null) {
      response.addHeader(
          HttpHeaders.SET_COOKIE,
          ResponseCookie.from(LANGUAGE_COOKIE, locale.toLanguageTag())
              .path(request.getContextPath() + base)
              .httpOnly(true)
              .secure(request.isSecure())
              .sameSite("Strict")
              .maxAge(Duration.ofDays(365))
              .build()
              .toString());
    }
    boolean safe =
        back != null
            && (back.equals(base) || back.startsWith(base + "/"))
            && !back.contains("//")
            && !back.contains("\\");
    return seeOther(safe ? back : base);
  }

  // ---- shared -----------------------------------------------------------------------------------

  /**
   * Checks access, loads the case view and puts what every page needs into the model: the case, the
   * page language (chosen, else the notice's), dates, the language switch's target.
   */
  private CaseView load(
      String caseId,
      Authentication principal,
      HttpServletRequest request,
      Model model,
      String page) {
    access.check(principal, caseId);
    CaseView view = views.view(caseId, false);
    Locale locale = chosenLanguage(request);
    if (locale == null) {
      locale = PortalConfiguration.supported(view.locale());
    }
    if (locale == null) {
      locale = PortalConfiguration.ENGLISH;
    }
    request.setAttribute(PortalConfiguration.LOCALE_ATTRIBUTE, locale);
    boolean chinese = locale.equals(PortalConfiguration.CHINESE);
    model.addAttribute("view", view);
    model.addAttribute("page", page);
    model.addAttribute("lang", locale.toLanguageTag());
    model.addAttribute("otherLang", chinese ? "en" : "zh-CN");
    model.addAttribute("otherLangName", chinese ? "English" : "中文");
    model.addAttribute("base", casePath(caseId));
    model.addAttribute(
        "here", request.getRequestURI().substring(request.getContextPath().length()));
    model.addAttribute("fmt", new PortalFormat(locale, clock));
    model.addAttribute(
        "disputeSettlement", noticeProperties.disputeSettlementFor(locale.toLanguageTag()));
    model.addAttribute("court", noticeProperties.courtInformationFor(locale.toLanguageTag()));
    return view;
  }

  private static Locale chosenLanguage(HttpServletRequest request) {
    for (Cookie cookie : request.getCookies() == null ? new Cookie[0] : request.getCookies()) {
      if (LANGUAGE_COOKIE.equals(cookie.getName())) {
        return PortalConfiguration.supported(cookie.getValue());
      }
    }
    return null;
  }

  private Appeal appealOf(String caseId, String appealId) {
    Appeal appeal;
    try {
      appeal = appeals.get(appealId);
    } catch (ApiException e) {
      throw new CaseNotFoundException(caseId);
    }
    if (!appeal.caseId().equals(caseId)) {
      throw new CaseNotFoundException(caseId);
    }
    return appeal;
  }

  private static Optional<CaseView.AppealView> openAppeal(CaseView view) {
    return view.appeals().stream()
        .filter(a -> !AppealStatus.DECIDED.name().equals(a.status()))
        .findFirst();
  }

  private static Optional<CaseView.AppealView> lastDecided(CaseView view) {
    CaseView.AppealView last = null;
    for (CaseView.AppealView a : view.appeals()) {
      if (AppealStatus.DECIDED.name().equals(a.status())) {
        last = a;
      }
    }
    return Optional.ofNullable(last);
  }

  /**
   * The money view beyond the case view's sums: payouts with their masked account, legal orders.
   */
  record Money(List<String> paidOut, List<String> legalReferences) {}

  private Money money(String caseId) {
    Map<Long, String> destinations = new LinkedHashMap<>();
    List<String> paidOut = new ArrayList<>();
    List<FundsEvent> events = funds.events(caseId);
    for (FundsEvent e : events) {
      if (e.type() == FundsEvent.Type.PAYOUT_REQUESTED && e.holdId() != null) {
        destinations.put(e.holdId(), e.detail());
      }
    }
    for (FundsEvent e : events) {
      if (e.type() == FundsEvent.Type.PAYOUT_PAID && e.amount() != null) {
        String to = e.holdId() == null ? null : destinations.get(e.holdId());
        paidOut.add(
            e.amount() + (to == null ? "" : " → " + (to.startsWith("to ") ? to.substring(3) : to)));
      }
    }
    List<String> references = new ArrayList<>();
    for (Hold h : funds.holds(caseId)) {
      if (h.kind() == Hold.Kind.LEGAL && h.state() == Hold.State.PENDING && h.reason() != null) {
        references.add(h.amount() + ": " + h.reason());
      }
    }
    return new Money(paidOut, references);
  }

  private static List<Attachment> attachments(List<MultipartFile> parts) {
    List<Attachment> files = new ArrayList<>();
    for (MultipartFile part : parts == null ? List.<MultipartFile>of() : parts) {
      // A file input left empty still sends a part without a name and content.
      if (part.isEmpty()
          && (part.getOriginalFilename() == null || part.getOriginalFilename().isEmpty())) {
        continue;
      }
      try {
        files.add(
            new Attachment(
                part.getOriginalFilename() == null || part.getOriginalFilename().isBlank()
                    ? "attachment"
                    : part.getOriginalFilename(),
                part.getContentType(),
                part.getBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  private static ContactPreference preference(String value) {
    if (value == null) {
      return null;
    }
    try {
      return ContactPreference.valueOf(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** After a form (and the language switch): 303, so the browser fetches the next page by GET. */
  private static ModelAndView seeOther(String path) {
    RedirectView redirect = new RedirectView(path, true);
    redirect.setStatusCode(HttpStatus.SEE_OTHER);
    redirect.setExposeModelAttributes(false);
    return new ModelAndView(redirect);
  }

  static String casePath(String caseId) {
    return "/case/" + UriUtils.encodePathSegment(caseId, StandardCharsets.UTF_8);
  }

  /** Anything about another case, or an appeal of another case: as if it did not exist. */
  @ExceptionHandler(CaseNotFoundException.class)
  String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setStatus(404);
    request.removeAttribute(PortalConfiguration.LOCALE_ATTRIBUTE);
    model.addAttribute("kind", "not-found");
    return "portal/problem";
  }

  /** Anything unexpected: a calm page instead of a stack trace; the log has the details. */
  @ExceptionHandler(RuntimeException.class)
  String unexpected(RuntimeException e, HttpServletResponse response, Model model) {
    org.slf4j.LoggerFactory.getLogger(PortalController.class).error("Portal page failed", e);
    response.setStatus(500);
    model.addAttribute("kind", "unexpected");
    return "portal/problem";
  }

  /** Uploads beyond the server's request limit never reach the appeal service. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  String tooLarge(HttpServletResponse response, Model model) {
    response.setStatus(413);
    model.addAttribute("kind", "too-large");
    return "portal/problem";
  }
}
