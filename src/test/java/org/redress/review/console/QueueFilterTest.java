package org.redress.review.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueFilterTest {

  static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  static QueueRow row(
      String kind,
      String assignee,
      Instant due,
      boolean escalated,
      boolean urgent,
      boolean person) {
    return new QueueRow(
        1,
        kind,
        "case-1",
        "appeal-1",
        50,
        due,
        assignee,
        List.of("appeal-reviewers"),
        false,
        escalated,
        urgent,
        person,
        List.of(),
        "en");
  }

  @Test
  void shouldKeepEveryRowWhenNoFilterIsSet() {
    // given rows of every kind
    List<QueueRow> rows =
        List.of(
            row("REVIEW", null, null, false, false, false),
            row("APPROVAL", "carol", NOW.minusSeconds(60), true, true, true));

    // when filtered with nothing set
    // then all stay
    assertThat(rows).allMatch(r -> QueueFilter.ALL.matches(r, "alice", NOW));
    assertThat(QueueFilter.ALL.active()).isFalse();
  }

  @Test
  void shouldKeepOnlyTheCallersTasksWhenMineIsSetWhatEverTheSpelling() {
    // given a filter "assigned to me"
    QueueFilter mine = new QueueFilter(true, false, null, false, false, false, false);

    // then a task of ALICE is alice's, one of bob or nobody is not
    assertThat(mine.matches(row("REVIEW", "ALICE", null, false, false, false), "alice", NOW))
        .isTrue();
    assertThat(mine.matches(row("REVIEW", "bob", null, false, false, false), "alice", NOW))
        .isFalse();
    assertThat(mine.matches(row("REVIEW", null, null, false, false, false), "alice", NOW))
        .isFalse();
  }

  @Test
  void shouldCombineFiltersWithAndWhenSeveralAreSet() {
    // given "unassigned", "approval", "overdue", "escalated", "urgent", "person" at once
    QueueFilter all = new QueueFilter(false, true, "APPROVAL", true, true, true, true);

    // then only a row with every property passes
    assertThat(all.matches(row("APPROVAL", null, NOW.minusSeconds(1), true, true, true), "a", NOW))
        .isTrue();
    assertThat(all.matches(row("REVIEW", null, NOW.minusSeconds(1), true, true, true), "a", NOW))
        .isFalse();
    assertThat(all.matches(row("APPROVAL", null, NOW.plusSeconds(1), true, true, true), "a", NOW))
        .isFalse();
    assertThat(all.matches(row("APPROVAL", "x", NOW.minusSeconds(1), true, true, true), "a", NOW))
        .isFalse();
    assertThat(all.matches(row("APPROVAL", null, NOW.minusSeconds(1), false, true, true), "a", NOW))
        .isFalse();
    assertThat(all.matches(row("APPROVAL", null, NOW.minusSeconds(1), true, false, true), "a", NOW))
        .isFalse();
    assertThat(all.matches(row("APPROVAL", null, NOW.minusSeconds(1), true, true, false), "a", NOW))
        .isFalse();
  }

  @Test
  void shouldIgnoreAnUnknownKindWhenTheParameterIsForged() {
    assertThat(new QueueFilter(false, false, "<script>", false, false, false, false).kind())
        .isNull();
    assertThat(new QueueFilter(false, false, "Review", false, false, false, false).kind())
        .isEqualTo("review");
  }

  @Test
  void shouldOrderByPriorityThenDueDateWhenSorted() {
    // given rows of mixed priority and due date
    QueueRow low =
        new QueueRow(
            1, "REVIEW", "c", "a", 50, NOW, null, List.of(), false, false, false, false, List.of(),
            "en");
    QueueRow urgentLate =
        new QueueRow(
            2,
            "REVIEW",
            "c",
            "a",
            100,
            NOW.plusSeconds(99),
            null,
            List.of(),
            false,
            false,
            true,
            false,
            List.of(),
            "en");
    QueueRow urgentSoon =
        new QueueRow(
            3, "REVIEW", "c", "a", 100, NOW, null, List.of(), false, false, true, false, List.of(),
            "en");
    QueueRow noDue =
        new QueueRow(
            4,
            "APPROVAL",
            "c",
            "a",
            100,
            null,
            null,
            List.of(),
            false,
            false,
            false,
            false,
            List.of(),
            "en");

    // when sorted
    List<QueueRow> sorted =
        List.of(low, noDue, urgentLate, urgentSoon).stream().sorted(ReviewQueue.ORDER).toList();

    // then highest priority first, earliest due first, no due date last within a priority
    assertThat(sorted).extracting(QueueRow::userTaskKey).containsExactly(3L, 2L, 4L, 1L);
  }
}
