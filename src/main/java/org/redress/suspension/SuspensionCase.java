package org.redress.suspension;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A case: one restriction decision of the platform with its complete statement of reasons
 * (R-EU-1..3) and where it stands.
 */
public record SuspensionCase(
    String caseId,
    String platformDecisionId,
    String accountId,
    String accountName,
    Locale locale,
    String walletId,
    String category,
    GroundType groundType,
    String groundReference,
    String groundExplanation,
    String facts,
    boolean automatedDetection,
    boolean automatedDecision,
    String source,
    String imposedBy,
    Instant imposedAt,
    Instant appealDeadline,
    CaseStatus status,
    Long processInstanceKey,
    Instant createdAt,
    Instant notifiedAt,
    List<Measure> measures) {

  public SuspensionCase {
    measures = List.copyOf(measures);
  }

  /** The basis of the decision (DSA Art. 17(3)(d) and (e)). */
  public enum GroundType {
    /** Incompatible with the terms and conditions: a clause reference. */
    CONTRACTUAL,
    /** Illegal content or conduct: a legal provision. */
    ILLEGAL
  }

  public boolean hasMonetaryMeasure() {
    return measures.stream().anyMatch(m -> m.type() == MeasureType.MONETARY);
  }

  public boolean appealWindowOpen(Instant now) {
    return now.isBefore(appealDeadline);
  }
}
