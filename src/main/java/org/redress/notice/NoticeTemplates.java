package org.redress.notice;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders notices from {@code src/main/resources/notice/<kind>.<language>.txt} (Thymeleaf TEXT
 * mode): the first line is the subject, the rest after a blank line the body. Languages: zh-CN and
 * en; any other falls back to en (R-OPS-4). Instants print in UTC in the notice's language.
 */
public class NoticeTemplates {

  /** The model keys each kind needs; rendering without one is a bug of the caller. */
  static final Map<NoticeKind, Set<String>> REQUIRED =
      Map.of(
          NoticeKind.SUSPENSION,
          Set.of(
              "caseId",
              "caseLink",
              "measures",
              "groundType",
              "groundReference",
              "groundExplanation",
              "facts",
              "automatedDetection",
              "automatedDecision",
              "source",
              "appealDeadline"),
          NoticeKind.APPEAL_RECEIVED,
          Set.of("caseId", "caseLink", "appealId", "receivedAt"),
          NoticeKind.INFORMATION_REQUESTED,
          Set.of("caseId", "caseLink", "appealId", "question", "replyBy"),
          NoticeKind.DECISION,
          Set.of(
              "caseId",
              "caseLink",
              "appealId",
              "outcome",
              "rationale",
              "policyReference",
              "decidedBy",
              "decidedAt"),
          NoticeKind.FUNDS_RELEASED,
          Set.of("caseId", "caseLink", "released", "legallyHeld"));

  private static final DateTimeFormatter EN =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ZH =
      DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm（'UTC'）", Locale.SIMPLIFIED_CHINESE)
          .withZone(ZoneOffset.UTC);

  /** Plain words for the codes a notice shows (measure types, sources), per language. */
  static final Map<String, Map<String, String>> LABELS =
      Map.of(
          "en",
          Map.of(
              "ACCOUNT", "Account",
              "MONETARY", "Payments and wallet",
              "SERVICE", "Feature",
              "VISIBILITY", "Visibility of your content",
              "SOURCE_VOLUNTARY", "our own review",
              "SOURCE_ARTICLE_16", "a notice from another person",
              "SOURCE_TRUSTED_FLAGGER", "a notice from a trusted flagger",
              "SOURCE_TYPE_OTHER_NOTIFICATION", "another notification"),
          "zh-CN",
          Map.of(
              "ACCOUNT", "账号",
              "MONETARY", "支付与钱包",
              "SERVICE", "功能",
              "VISIBILITY", "内容可见范围",
              "SOURCE_VOLUNTARY", "平台主动审查发现",
              "SOURCE_ARTICLE_16", "他人举报",
              "SOURCE_TRUSTED_FLAGGER", "可信举报者举报",
              "SOURCE_TYPE_OTHER_NOTIFICATION", "其他通知"));

  private final TemplateEngine engine;
  private final NoticeProperties properties;

  public NoticeTemplates(NoticeProperties properties) {
    this.properties = properties;
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("notice/");
    resolver.setSuffix(".txt");
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
  }

  /** A rendered notice. */
  public record Rendered(String languageTag, String subject, String body) {}

  public Rendered render(NoticeKind kind, Locale locale, Map<String, Object> model) {
    for (String key : REQUIRED.get(kind)) {
      if (model.get(key) == null) {
        throw new IllegalArgumentException(
            "Expected notice " + kind + " to have model value '" + key + "', but it is missing");
      }
    }
    String tag = "zh".equals(locale.getLanguage()) ? "zh-CN" : "en";
    DateTimeFormatter dates = tag.equals("zh-CN") ? ZH : EN;
    Context context = new Context(tag.equals("zh-CN") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
    model.forEach((key, value) -> context.setVariable(key, printable(value, dates)));
    context.setVariable("labels", LABELS.get(tag));
    context.setVariable("disputeSettlement", properties.disputeSettlementFor(tag));
    context.setVariable("courtInformation", properties.courtInformationFor(tag));
    String text = engine.process(kind.name().toLowerCase(Locale.ROOT) + "." + tag, context).strip();
    int newline = text.indexOf('\n');
    if (newline < 0) {
      throw new IllegalStateException("Expected a subject line and a body in template " + kind);
    }
    String body = text.substring(newline + 1).strip().replaceAll("\n{3,}", "\n\n");
    return new Rendered(tag, text.substring(0, newline).strip(), body);
  }

  private static Object printable(Object value, DateTimeFormatter dates) {
    if (value instanceof Instant instant) {
      return dates.format(instant);
    }
    if (value instanceof List<?> list) {
      List<Object> printed = new ArrayList<>();
      list.forEach(item -> printed.add(printable(item, dates)));
      return printed;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> printed = new LinkedHashMap<>();
      map.forEach((k, v) -> printed.put(k, printable(v, dates)));
      return printed;
    }
    return value;
  }
}
