package org.redress.audit.console;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's figures, read from the database at one instant.
 *
 * @param openAppealsByAge open (undecided) appeals per age bucket, in {@link #AGE_BUCKETS} order
 * @param weeks the weeks shown (Monday, UTC), oldest first
 * @param slaBreachesPerWeek review deadlines passed (escalations) per week
 * @param openSlaBreaches open appeals whose review deadline has passed
 * @param decisionsPerWeek decided appeals per outcome, each list aligned with {@code weeks}
 * @param medianHoursPerWeek median hours from filing to decision per week (null: no decision)
 * @param medianHours the same over all weeks shown (null: no decision)
 * @param reversedSharePerWeek share of decisions that overturned the restriction per week (0..1,
 *     null: no decision)
 * @param reversedShare the same over all weeks shown
 * @param decisions decisions over all weeks shown
 */
public record DashboardFigures(
    List<Long> openAppealsByAge,
    List<LocalDate> weeks,
    List<Long> slaBreachesPerWeek,
    long openSlaBreaches,
    Map<String, List<Long>> decisionsPerWeek,
    List<Double> medianHoursPerWeek,
    Double medianHours,
    List<Double> reversedSharePerWeek,
    Double reversedShare,
    long decisions) {

  /** The age buckets of open appeals: upper bounds in days (the last is open-ended). */
  public static final List<String> AGE_BUCKETS = List.of("lt1", "1to3", "3to7", "7to14", "ge14");

  /** The outcomes that decide an appeal, in the order the chart stacks them. */
  public static final List<String> OUTCOMES =
      List.of("OVERTURN", "MODIFY", "UPHOLD", "INADMISSIBLE", "MANIFESTLY_UNFOUNDED");
}
