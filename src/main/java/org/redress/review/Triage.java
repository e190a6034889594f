package org.redress.review;

import java.time.Instant;
import java.util.List;

/**
 * The triage of an appeal: how urgent, by when it must be decided, whether a second reviewer must
 * approve, and the signals that led there (kept on record).
 */
public record Triage(
    int priority,
    Instant reviewDueDate,
    boolean fourEyesRequired,
    boolean urgentHumanContact,
    int manifestlyUnfoundedBefore,
    boolean misuseFlag,
    List<String> signals) {}
