package org.redress.audit.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SvgBarChartTest {

  @Test
  void shouldDrawOneStackPerLabelWithTitlesWhenSeveralSeriesAreGiven() {
    String svg =
        SvgBarChart.render(
            "c1",
            "Decisions <per> week",
            "Stacked by outcome",
            List.of("06-02", "06-09"),
            List.of(
                new SvgBarChart.Series("Overturned", "s-overturn", List.of(1, 0)),
                new SvgBarChart.Series("Upheld", "s-uphold", List.of(2, 3))),
            1,
            v -> String.valueOf((long) v));

    assertThat(svg)
        .startsWith("<svg class=\"chart\" id=\"c1\"")
        .contains("role=\"img\"")
        .contains("aria-labelledby=\"c1-title c1-desc\"")
        .contains("<title id=\"c1-title\">Decisions &lt;per&gt; week</title>")
        .contains("<title>06-02 · Overturned: 1</title>")
        .contains("<title>06-09 · Upheld: 3</title>")
        .doesNotContain("06-09 · Overturned");
    assertThat(svg.split("<rect", -1)).hasSize(4);
  }

  @Test
  void shouldUseWholeNumberGridLinesWhenCountsAreSmall() {
    assertThat(SvgBarChart.niceStep(3)).isEqualTo(1);
    assertThat(SvgBarChart.niceStep(38)).isEqualTo(10);
    assertThat(SvgBarChart.niceStep(0)).isEqualTo(1);
    String svg =
        SvgBarChart.render(
            "c2",
            "t",
            "d",
            List.of("a"),
            List.of(new SvgBarChart.Series("n", "s", List.of(1))),
            1,
            v -> String.valueOf((long) v));
    assertThat(svg).contains(">1</text>").doesNotContain(">0.25<");
  }
}
