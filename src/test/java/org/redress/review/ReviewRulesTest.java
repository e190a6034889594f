package org.redress.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.redress.review.ReviewRules.ApprovalInput;
import org.redress.review.ReviewRules.DecisionInput;
import org.redress.review.ReviewRules.FieldError;
import org.redress.review.ReviewRules.Refusal;
import org.redress.review.ReviewRules.TaskKind;
import org.redress.shared.security.Role;
import org.redress.shared.security.StaffDirectory;
import org.redress.shared.security.StaffMember;

/** The review rules, one behaviour each, without Spring or a database. */
class ReviewRulesTest {

  private static final Instant NOW = Instant.parse("2031-03-01T08:00:00Z");
  private static final String SEVERE = "STATEMENT_CATEGORY_CHILD_SAFETY";

  private static final StaffDirectory STAFF =
      new StaffDirectory(
          List.of(
              new StaffMember("alice", "Alice", Set.of(Role.REVIEWER), false),
              new StaffMember("carol", "Carol", Set.of(Role.SENIOR_REVIEWER), false),
              new StaffMember("moderation-system", null, Set.of(Role.INTEGRATION), true)));

  private final ReviewRules rules = rules(false);

  /** Rules as the demo configuration has them (threshold 1,000.00), at a pinned clock. */
  static ReviewRules sample() {
    return rules(false);
  }

  static List<String> names(List<Outcome> outcomes) {
    return outcomes.stream().map(Outcome::name).toList();
  }

  private static ReviewRules rules(boolean acceptUnknownReviewers) {
    return new ReviewRules(
        new ReviewProperties(
            new ReviewProperties.Sla(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7)),
            100_000,
            List.of(SEVERE),
            Duration.ofDays(14),
            3,
            acceptUnknownReviewers),
        STAFF,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static DecisionInput decision(String outcome) {
    return new DecisionInput(outcome, "The payments went to family members", "ToS 7.3", null, null);
  }

  private static Decision decided(String appealId, Outcome outcome, String by) {
    return new Decision(
        1,
        appealId,
        "case-1",
        1,
        outcome,
        "r",
        "p",
        null,
        null,
        null,
        by,
        NOW,
        7,
        true,
        null,
        null,
        null,
        Decision.Status.PROPOSED);
  }

  // --- allowed outcomes and lengths
  // ----------------------------------------------------------------

  @Test
  void shouldAllowEveryOutcomeOnAReviewTaskAndNoneOnAnApprovalTask() {
    // when
    List<Outcome> review = rules.allowedOutcomes(TaskKind.REVIEW);
    List<Outcome> approval = rules.allowedOutcomes(TaskKind.APPROVAL);

    // then
    assertThat(review).containsExactly(Outcome.values());
    assertThat(approval).isEmpty();
  }

  @Test
  void shouldTellTheKindOfTaskFromItsElementId() {
    assertThat(TaskKind.ofElement("UserTask_ReviewAppeal")).isEqualTo(TaskKind.REVIEW);
    assertThat(TaskKind.ofElement("UserTask_ApproveDecision")).isEqualTo(TaskKind.APPROVAL);
  }

  @Test
  void shouldExposeTheRationaleLengthBoundsWhenAFormAsks() {
    assertThat(rules.rationaleMinLength()).isEqualTo(1);
    assertThat(rules.rationaleMaxLength()).isEqualTo(10_000);
  }

  // --- decision fields ---------------------------------------------------------------------------

  @Test
  void shouldAcceptACompleteDecisionWhenEveryFieldIsGiven() {
    assertThat(rules.validateDecision(decision("UPHOLD"))).isEmpty();
  }

  @Test
  void shouldRefuseTheOutcomeWhenItIsUnknownOrMissing() {
    // when
    Map<String, FieldError> unknown = rules.validateDecision(decision("BAN_HARDER"));
    Map<String, FieldError> missing = rules.validateDecision(decision(null));

    // then
    assertThat(unknown).containsOnlyKeys("outcome");
    assertThat(unknown.get("outcome").code()).isEqualTo(ReviewRules.NOT_ALLOWED);
    assertThat(unknown.get("outcome").message())
        .isEqualTo(
            "outcome must be one of OVERTURN, UPHOLD, MODIFY, REQUEST_INFO, INADMISSIBLE,"
                + " MANIFESTLY_UNFOUNDED");
    assertThat(missing.get("outcome").code()).isEqualTo(ReviewRules.REQUIRED);
  }

  @Test
  void shouldRefuseTheOutcomeWhenItDiffersInCase() {
    assertThat(rules.validateDecision(decision("uphold"))).containsOnlyKeys("outcome");
  }

  @Test
  void shouldRequireRationaleAndPolicyReferenceWhenTheyAreBlank() {
    // when
    Map<String, FieldError> errors =
        rules.validateDecision(new DecisionInput("UPHOLD", " \n ", "", null, null));

    // then both are named, in form order, with their messages
    assertThat(errors).containsOnlyKeys("rationale", "policyReference");
    assertThat(errors.keySet()).containsExactly("rationale", "policyReference");
    assertThat(errors.get("rationale"))
        .isEqualTo(new FieldError("REQUIRED", "a plain-language rationale is required"));
    assertThat(errors.get("policyReference"))
        .isEqualTo(new FieldError("REQUIRED", "a policy reference is required"));
    assertThat(ReviewRules.summary(errors))
        .isEqualTo("a plain-language rationale is required; a policy reference is required");
    assertThat(ReviewRules.messages(errors))
        .containsExactly(
            Map.entry("rationale", "a plain-language rationale is required"),
            Map.entry("policyReference", "a policy reference is required"));
  }

  @Test
  void shouldRefuseTheRationaleWhenItIsLongerThanTheMaximum() {
    // given
    String atLimit = "x".repeat(ReviewRules.RATIONALE_MAX_LENGTH);

    // when
    Map<String, FieldError> ok =
        rules.validateDecision(new DecisionInput("UPHOLD", "  " + atLimit + "  ", "p", null, null));
    Map<String, FieldError> tooLong =
        rules.validateDecision(new DecisionInput("UPHOLD", atLimit + "y", "p", null, null));

    // then surrounding white space does not count
    assertThat(ok).isEmpty();
    assertThat(tooLong).containsOnlyKeys("rationale");
    assertThat(tooLong.get("rationale").code()).isEqualTo(ReviewRules.TOO_LONG);
  }

  @Test
  void shouldRequireAFutureEndWhenTheOutcomeIsModify() {
    // when
    Map<String, FieldError> missing =
        rules.validateDecision(new DecisionInput("MODIFY", "r", "p", null, null));
    Map<String, FieldError> garbled =
        rules.validateDecision(new DecisionInput("MODIFY", "r", "p", "next month", null));
    Map<String, FieldError> past =
        rules.validateDecision(new DecisionInput("MODIFY", "r", "p", NOW.toString(), null));
    Map<String, FieldError> future =
        rules.validateDecision(
            new DecisionInput("MODIFY", "r", "p", NOW.plusSeconds(1).toString(), null));

    // then
    assertThat(missing.get("restrictionEndsAt").code()).isEqualTo(ReviewRules.REQUIRED);
    assertThat(garbled.get("restrictionEndsAt").code()).isEqualTo(ReviewRules.NOT_AN_INSTANT);
    assertThat(past.get("restrictionEndsAt"))
        .isEqualTo(new FieldError("NOT_IN_FUTURE", "restrictionEndsAt must be in the future"));
    assertThat(future).isEmpty();
  }

  @Test
  void shouldIgnoreTheEndWhenTheOutcomeIsNotModify() {
    assertThat(rules.validateDecision(new DecisionInput("UPHOLD", "r", "p", "garbage", null)))
        .isEmpty();
  }

  @Test
  void shouldReadTheEndWithoutSecondsWhenTasklistSendsIt() {
    assertThat(ReviewRules.instant("2031-04-01T10:00Z"))
        .contains(Instant.parse("2031-04-01T10:00:00Z"));
    assertThat(ReviewRules.instant("2031-04-01T12:00:00+02:00"))
        .contains(Instant.parse("2031-04-01T10:00:00Z"));
    assertThat(ReviewRules.instant("tomorrow")).isEmpty();
  }

  // --- approval fields ---------------------------------------------------------------------------

  @Test
  void shouldRequireApprovedAndACommentWhenTheyAreMissing() {
    // when
    Map<String, FieldError> errors = rules.validateApproval(new ApprovalInput(null, " "));

    // then
    assertThat(errors.keySet()).containsExactly("approved", "approvalComment");
    assertThat(rules.validateApproval(new ApprovalInput(false, "Reconsider the receipts")))
        .isEmpty();
  }

  // --- four eyes
  // -----------------------------------------------------------------------------------

  @Test
  void shouldRequireFourEyesWhenFrozenMoneyReachesTheThreshold() {
    // when
    ReviewRules.FourEyes below = rules.fourEyes(99_999, "STATEMENT_CATEGORY_SCAMS_AND_FRAUD");
    ReviewRules.FourEyes at = rules.fourEyes(100_000, "STATEMENT_CATEGORY_SCAMS_AND_FRAUD");

    // then
    assertThat(below.required()).isFalse();
    assertThat(below.reasons()).isEmpty();
    assertThat(at.required()).isTrue();
    assertThat(at.reasons()).singleElement().asString().contains("100000");
  }

  @Test
  void shouldRequireFourEyesWhenTheCategoryIsListedWhateverTheAmount() {
    // when
    ReviewRules.FourEyes severe = rules.fourEyes(0, SEVERE);

    // then
    assertThat(severe.required()).isTrue();
    assertThat(severe.reasons()).singleElement().asString().contains(SEVERE);
  }

  @Test
  void shouldNeedApprovalForDecidingOutcomesOnlyWhenFourEyesAreRequired() {
    // then a request for information never waits for a second reviewer
    assertThat(rules.needsApproval(true, Outcome.UPHOLD)).isTrue();
    assertThat(rules.needsApproval(true, Outcome.REQUEST_INFO)).isFalse();
    assertThat(rules.needsApproval(false, Outcome.OVERTURN)).isFalse();
    assertThat(rules.fourEyesOutcomes(true))
        .containsExactly("OVERTURN", "UPHOLD", "MODIFY", "INADMISSIBLE", "MANIFESTLY_UNFOUNDED");
    assertThat(rules.fourEyesOutcomes(false)).isEmpty();
  }

  @Test
  void shouldHoldBackARecordWhileAFourEyesDecisionIsOnlyProposed() {
    // given
    Decision proposed = decided("appeal-1", Outcome.UPHOLD, "alice");
    Decision approved =
        new Decision(
            1,
            "appeal-1",
            "case-1",
            1,
            Outcome.UPHOLD,
            "r",
            "p",
            null,
            null,
            null,
            "alice",
            NOW,
            7,
            true,
            "carol",
            NOW,
            "ok",
            Decision.Status.APPROVED);

    // then
    assertThat(rules.awaitsApproval(proposed)).isTrue();
    assertThat(rules.awaitsApproval(approved)).isFalse();
  }

  // --- who may act
  // ---------------------------------------------------------------------------------

  @Test
  void shouldRefuseTheClaimWhenTheReviewerImposedTheRestrictionWhateverTheSpelling() {
    // when
    Optional<Refusal> refusal =
        rules.mayClaim(TaskKind.REVIEW, "ALICE", " alice ", Optional.empty());

    // then
    assertThat(refusal.map(Refusal::code)).contains("REVIEWER_IMPOSED_RESTRICTION");
    assertThat(rules.mayClaim(TaskKind.REVIEW, "carol", "alice", Optional.empty())).isEmpty();
  }

  @Test
  void shouldRefuseTheClaimOfAnApprovalWhenTheClaimantDecided() {
    // given
    Optional<Decision> byCarol = Optional.of(decided("appeal-1", Outcome.OVERTURN, "carol"));

    // when
    Optional<Refusal> own = rules.mayClaim(TaskKind.APPROVAL, "Carol", "mod-17", byCarol);

    // then
    assertThat(own.map(Refusal::code)).contains("FOUR_EYES");
    assertThat(rules.mayClaim(TaskKind.APPROVAL, "alice", "mod-17", byCarol)).isEmpty();
    // on a review task the latest decision is not a reason to refuse a claim
    assertThat(rules.mayClaim(TaskKind.REVIEW, "carol", "mod-17", byCarol)).isEmpty();
  }

  @Test
  void shouldGiveSeniorReviewersTheirOwnGroupToo() {
    assertThat(rules.taskGroups(Set.of(Role.REVIEWER))).containsExactly("appeal-reviewers");
    assertThat(rules.taskGroups(Set.of(Role.SENIOR_REVIEWER)))
        .containsExactly("appeal-reviewers", "senior-reviewers");
    assertThat(rules.taskGroups(Set.of(Role.AUDITOR, Role.FINANCE))).isEmpty();
  }

  @Test
  void shouldRefuseTheClaimWhenTheTaskIsForAnotherGroup() {
    // when a reviewer claims an approval (senior reviewers only)
    Optional<Refusal> refusal =
        rules.mayClaim(
            TaskKind.APPROVAL,
            "alice",
            Set.of(Role.REVIEWER),
            List.of("senior-reviewers"),
            null,
            "mod-17",
            Optional.empty());

    // then
    assertThat(refusal)
        .contains(
            new Refusal("NOT_A_CANDIDATE", "Not your queue", "This task is for senior-reviewers"));
  }

  @Test
  void shouldRefuseTheClaimWhenSomeoneElseHoldsTheTaskButNotWhenTheClaimantDoes() {
    // when
    Optional<Refusal> taken =
        rules.mayClaim(
            TaskKind.REVIEW,
            "carol",
            Set.of(Role.SENIOR_REVIEWER),
            List.of("appeal-reviewers"),
            "alice",
            "mod-17",
            Optional.empty());
    Optional<Refusal> again =
        rules.mayClaim(
            TaskKind.REVIEW,
            "carol",
            Set.of(Role.SENIOR_REVIEWER),
            List.of("appeal-reviewers"),
            "Carol",
            "mod-17",
            Optional.empty());

    // then
    assertThat(taken.map(Refusal::code)).contains("TASK_ALREADY_CLAIMED");
    assertThat(again).isEmpty();
  }

  @Test
  void shouldRefuseTheDecisionWhenNobodyClaimedTheTask() {
    assertThat(rules.mayDecide(null, "mod-17", "appeal-1", List.of()).map(Refusal::code))
        .contains("NOT_CLAIMED");
  }

  @Test
  void shouldRefuseTheDecisionWhenTheDeciderIsNoKnownPerson() {
    // when
    Optional<Refusal> machine =
        rules.mayDecide("moderation-system", "mod-17", "appeal-1", List.of());
    Optional<Refusal> stranger = rules.mayDecide("mallory", "mod-17", "appeal-1", List.of());

    // then
    assertThat(machine.map(Refusal::code)).contains("NOT_A_PERSON");
    assertThat(stranger.map(Refusal::message))
        .contains("mallory is not a known human reviewer; only a named person may decide (R-EU-6)");
  }

  @Test
  void shouldAcceptAnUnknownDeciderWhenConfiguredForClusterIdentities() {
    assertThat(rules(true).mayDecide("mallory", "mod-17", "appeal-1", List.of())).isEmpty();
  }

  @Test
  void shouldRefuseTheDecisionWhenTheDeciderImposedTheRestriction() {
    assertThat(rules.mayDecide("alice", "Alice", "appeal-1", List.of()).map(Refusal::message))
        .contains("alice imposed this restriction and may not decide the appeal against it");
  }

  @Test
  void shouldRefuseTheDecisionWhenTheDeciderDecidedAnEarlierAppealOfTheCase() {
    // given alice decided a first appeal, and asked for information on this one
    List<Decision> ofCase =
        List.of(
            decided("appeal-1", Outcome.MANIFESTLY_UNFOUNDED, "alice"),
            decided("appeal-2", Outcome.REQUEST_INFO, "carol"));

    // when
    Optional<Refusal> alice = rules.mayDecide(" ALICE", "mod-17", "appeal-2", ofCase);
    Optional<Refusal> carol = rules.mayDecide("carol", "mod-17", "appeal-2", ofCase);

    // then
    assertThat(alice.map(Refusal::code)).contains("EARLIER_DECIDER");
    assertThat(alice.map(Refusal::message).orElseThrow()).contains("earlier appeal");
    assertThat(carol).isEmpty();
  }

  @Test
  void shouldNotCountAnEarlierRequestForInformationAsADecision() {
    // given carol only asked for information on the first appeal
    List<Decision> ofCase = List.of(decided("appeal-1", Outcome.REQUEST_INFO, "carol"));

    // then
    assertThat(rules.mayDecide("carol", "mod-17", "appeal-2", ofCase)).isEmpty();
  }

  @Test
  void shouldRefuseTheApprovalWhenTheApproverIsTheDecider() {
    // given
    Optional<Decision> byAlice = Optional.of(decided("appeal-1", Outcome.UPHOLD, "alice"));

    // when
    Optional<Refusal> self = rules.mayApprove("Alice", "mod-17", byAlice);

    // then
    assertThat(self.map(Refusal::code)).contains("FOUR_EYES");
    assertThat(self.map(Refusal::message).orElseThrow())
        .startsWith("four eyes: the approver must be another person than the decider");
    assertThat(rules.mayApprove("carol", "mod-17", byAlice)).isEmpty();
  }

  @Test
  void shouldRefuseTheApprovalWhenThereIsNoProposedDecision() {
    assertThat(rules.mayApprove("carol", "mod-17", Optional.empty()).map(Refusal::code))
        .contains("NO_PROPOSED_DECISION");
  }

  @Test
  void shouldRefuseTheApprovalWhenTheApproverImposedTheRestriction() {
    Optional<Decision> byAlice = Optional.of(decided("appeal-1", Outcome.UPHOLD, "alice"));
    assertThat(rules.mayApprove("carol", "CAROL", byAlice).map(Refusal::code))
        .contains("REVIEWER_IMPOSED_RESTRICTION");
  }
}
