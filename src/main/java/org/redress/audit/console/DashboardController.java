package org.redress.audit.console;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.redress.console.ConsolePage;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * {@code /console/dashboard}: the figures auditors watch, drawn as pictures (server-rendered SVG
 * bar charts, each with a text alternative and its figures in a visually hidden table), read from
 * the database on every request; {@code /console/dashboard/charts} is the same charts alone, for
 * the page's periodic refresh.
 */
@Controller
@ConsolePage
class DashboardController {

  private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("MM-dd");

  private final DashboardQueries queries;
  private final MessageSource messages;

  DashboardController(DashboardQueries queries, MessageSource messages) {
    this.queries = queries;
    this.messages = messages;
  }

  /** One chart: its heading, the SVG, and the figures for the hidden table. */
  public record Chart(
      String id,
      String heading,
      String summary,
      String svg,
      String labelHeading,
      List<String> labels,
      List<String> columns,
      List<String> columnClasses,
      List<List<String>> rows) {}

  /** Marks this section in the console's navigation. */
  @ModelAttribute("section")
  String section() {
    return "dashboard";
  }

  @GetMapping("/console/dashboard")
  @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
  String dashboard(Model model, Locale locale) {
    model.addAttribute("charts", charts(queries.figures(), locale));
    return "console/audit/dashboard";
  }

  @GetMapping("/console/dashboard/charts")
  @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
  String charts(Model model, Locale locale) {
    model.addAttribute("charts", charts(queries.figures(), locale));
    return "console/audit/dashboard :: charts";
  }

  List<Chart> charts(DashboardFigures f, Locale locale) {
    List<Chart> charts = new ArrayList<>();
    List<String> weeks = f.weeks().stream().map(WEEK::format).toList();
    String firstWeek = f.weeks().get(0).toString();
    String count = msg("console.audit.dashboard.count", locale);
    String weekHeading = msg("console.audit.dashboard.week", locale);

    // open appeals by age
    List<String> ages =
        DashboardFigures.AGE_BUCKETS.stream()
            .map(b -> msg("console.audit.dashboard.age." + b, locale))
            .toList();
    long open = f.openAppealsByAge().stream().mapToLong(Long::longValue).sum();
    charts.add(
        single(
            "chart-age",
            msg("console.audit.dashboard.age.title", locale),
            msg("console.audit.dashboard.age.summary", locale, open),
            msg("console.audit.dashboard.ageHeading", locale),
            ages,
            count,
            f.openAppealsByAge(),
            "s-open",
            1,
            v -> String.valueOf((long) v)));

    // SLA breaches per week
    charts.add(
        single(
            "chart-sla",
            msg("console.audit.dashboard.sla.title", locale),
            msg(
                "console.audit.dashboard.sla.summary",
                locale,
                f.slaBreachesPerWeek().stream().mapToLong(Long::longValue).sum(),
                firstWeek,
                f.openSlaBreaches()),
            weekHeading,
            weeks,
            count,
            f.slaBreachesPerWeek(),
            "s-breach",
            1,
            v -> String.valueOf((long) v)));

    // decisions per week by outcome (stacked)
    List<SvgBarChart.Series> series = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    List<String> classes = new ArrayList<>();
    for (String outcome : DashboardFigures.OUTCOMES) {
      String name = msg("console.audit.outcome." + outcome, locale);
      columns.add(name);
      classes.add("s-" + outcome.toLowerCase(Locale.ROOT));
      series.add(
          new SvgBarChart.Series(
              name, classes.get(classes.size() - 1), f.decisionsPerWeek().get(outcome)));
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < weeks.size(); i++) {
      List<String> row = new ArrayList<>();
      for (String outcome : DashboardFigures.OUTCOMES) {
        row.add(String.valueOf(f.decisionsPerWeek().get(outcome).get(i)));
      }
      rows.add(row);
    }
    String decisionsTitle = msg("console.audit.dashboard.decisions.title", locale);
    String decisionsSummary =
        msg("console.audit.dashboard.decisions.summary", locale, f.decisions(), firstWeek);
    charts.add(
        new Chart(
            "chart-decisions",
            decisionsTitle,
            decisionsSummary,
            SvgBarChart.render(
                "chart-decisions",
                decisionsTitle,
                decisionsSummary,
                weeks,
                series,
                1,
                v -> String.valueOf((long) v)),
            weekHeading,
            weeks,
            columns,
            classes,
            rows));

    // median hours to decision per week
    String hours = msg("console.audit.dashboard.hours", locale);
    charts.add(
        single(
            "chart-median",
            msg("console.audit.dashboard.median.title", locale),
            f.medianHours() == null
                ? msg("console.audit.dashboard.none", locale)
                : msg(
                    "console.audit.dashboard.median.summary",
                    locale,
                    hours(f.medianHours()),
                    firstWeek),
            weekHeading,
            weeks,
            hours,
            f.medianHoursPerWeek(),
            "s-median",
            0.25,
            DashboardController::hours));

    // share of decisions reversed per week
    List<Double> percent =
        f.reversedSharePerWeek().stream().map(v -> v == null ? null : v * 100).toList();
    charts.add(
        single(
            "chart-reversed",
            msg("console.audit.dashboard.reversed.title", locale),
            f.reversedShare() == null
                ? msg("console.audit.dashboard.none", locale)
                : msg(
                    "console.audit.dashboard.reversed.summary",
                    locale,
                    String.format(Locale.ROOT, "%.0f", f.reversedShare() * 100),
                    f.decisions(),
                    firstWeek),
            weekHeading,
            weeks,
            "%",
            percent,
            "s-reversed",
            5,
            v -> String.format(Locale.ROOT, "%.0f%%", v)));
    return charts;
  }

  private Chart single(
      String id,
      String title,
      String summary,
      String labelHeading,
      List<String> labels,
      String column,
      List<? extends Number> values,
      String cssClass,
      double minStep,
      java.util.function.DoubleFunction<String> format) {
    String svg =
        SvgBarChart.render(
            id,
            title,
            summary,
            labels,
            List.of(new SvgBarChart.Series(column, cssClass, values)),
            minStep,
            format);
    List<List<String>> rows =
        values.stream().map(v -> List.of(v == null ? "–" : format.apply(v.doubleValue()))).toList();
    return new Chart(
        id, title, summary, svg, labelHeading, labels, List.of(column), List.of(cssClass), rows);
  }

  /** Hours as staff read them: whole hours from 10 on, else one or two decimals. */
  static String hours(double h) {
    return String.format(Locale.ROOT, h >= 10 ? "%.0f" : h >= 1 ? "%.1f" : "%.2f", h);
  }

  private String msg(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  static String week(LocalDate monday) {
    return WEEK.format(monday);
  }
}
