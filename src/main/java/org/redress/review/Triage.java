package org.redress.review;

import java.time.Instant;
import java.util.List;

/**
 * The triage of an appeal: how urgent, by when it must be decided, whether a second reviewer must
 * approve (and why, and for which outcomes, as {@link ReviewRules} decides), the signals that led
 * there (kept on record), and the appellant's language (shown on the review task).
 *
 * @param fourEyesOutcomes outcome names that need approval; empty when four eyes are not required
 * @param appellantLanguage the case's notice language as a BCP 47 tag, e.g. {@code zh-CN}
 */
public record Triage(
    int priority,
    Instant reviewDueDate,
    boolean fourEyesRequired,
    boolean urgentHumanContact,
    int manifestlyUnfoundedBefore,
    boolean misuseFlag,
    List<String> signals,
    List<String> fourEyesReasons,
    List<String> fourEyesOutcomes,
    String appellantLanguage) {}
