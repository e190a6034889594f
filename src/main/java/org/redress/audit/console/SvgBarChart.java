package org.redress.audit.console;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import org.springframework.web.util.HtmlUtils;

/**
 * A bar chart drawn on the server as inline SVG (no script, no chart library): one bar per label,
 * or one stack of segments per label when there are several series. The SVG is an image with a
 * {@code <title>} and {@code <desc>} (its text alternative); every bar carries its own {@code
 * <title>} (the tooltip); the page also shows the figures in a visually hidden table. Everything
 * that is text is escaped here.
 */
final class SvgBarChart {

  /** One series: its name (legend), CSS class (colour) and one value per label (null = none). */
  record Series(String name, String cssClass, List<? extends Number> values) {}

  private static final int WIDTH = 640;
  private static final int HEIGHT = 240;
  private static final int LEFT = 52;
  private static final int RIGHT = 8;
  private static final int TOP = 12;
  private static final int BOTTOM = 40;

  private SvgBarChart() {}

  /**
   * @param minStep the smallest step between grid lines (1 for counts)
   * @param format how a value reads on the axis and in tooltips
   */
  static String render(
      String id,
      String title,
      String description,
      List<String> labels,
      List<Series> series,
      double minStep,
      DoubleFunction<String> format) {
    double max = 0;
    for (int i = 0; i < labels.size(); i++) {
      double sum = 0;
      for (Series s : series) {
        sum += value(s, i);
      }
      max = Math.max(max, sum);
    }
    double step = Math.max(minStep, niceStep(max));
    double top = Math.max(step, Math.ceil(max / step) * step);
    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"chart\" id=\"%s\" viewBox=\"0 0 %d %d\" role=\"img\""
                + " aria-labelledby=\"%s-title %s-desc\" preserveAspectRatio=\"xMidYMid meet\">",
            esc(id),
            WIDTH,
            HEIGHT,
            esc(id),
            esc(id)));
    svg.append("<title id=\"").append(esc(id)).append("-title\">").append(esc(title));
    svg.append("</title><desc id=\"").append(esc(id)).append("-desc\">");
    svg.append(esc(description)).append("</desc>");
    // horizontal grid lines with their values
    for (double v = 0; v <= top + step / 2; v += step) {
      double y = TOP + plotHeight - v / top * plotHeight;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"chart-grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
                  + "<text class=\"chart-axis\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
              LEFT,
              WIDTH - RIGHT,
              y,
              y,
              LEFT - 6,
              y + 4,
              esc(format.apply(v))));
    }
    double slot = plotWidth / Math.max(1, labels.size());
    double barWidth = slot * 0.66;
    for (int i = 0; i < labels.size(); i++) {
      double x = LEFT + i * slot + (slot - barWidth) / 2;
      double base = TOP + plotHeight;
      for (Series s : series) {
        double v = value(s, i);
        if (v <= 0) {
          continue;
        }
        double h = v / top * plotHeight;
        base -= h;
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect class=\"chart-bar %s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                    + "<title>%s</title></rect>",
                esc(s.cssClass()),
                x,
                base,
                barWidth,
                h,
                esc(
                    labels.get(i)
                        + (series.size() > 1 ? " · " + s.name() : "")
                        + ": "
                        + format.apply(v))));
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"chart-axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
              LEFT + i * slot + slot / 2,
              HEIGHT - BOTTOM + 18,
              esc(labels.get(i))));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<line class=\"chart-baseline\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>",
            LEFT,
            WIDTH - RIGHT,
            TOP + (int) plotHeight,
            TOP + (int) plotHeight));
    svg.append("</svg>");
    return svg.toString();
  }

  private static double value(Series s, int i) {
    Number n = i < s.values().size() ? s.values().get(i) : null;
    return n == null ? 0 : n.doubleValue();
  }

  /** 1, 2 or 5 times a power of ten, giving about four grid lines. */
  static double niceStep(double max) {
    if (max <= 0) {
      return 1;
    }
    double raw = max / 4;
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double fraction = raw / power;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * power;
  }

  private static String esc(String s) {
    return HtmlUtils.htmlEscape(s == null ? "" : s, "UTF-8");
  }
}
