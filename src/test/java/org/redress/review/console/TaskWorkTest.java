package org.redress.review.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskWorkTest {

  @Test
  void shouldShowTheListenersReasonVerbatimWhenTheEngineReportsADenial() {
    // given the engine's rejection of a completion a task listener denied
    String detail =
        "Command 'COMPLETE' rejected with code 'INVALID_STATE': Completion of the User Task with"
            + " key '42' was denied by Task Listener. Reason to deny: 'alice decided an earlier"
            + " appeal of this case; another reviewer must decide this one'";

    // then the page shows the listener's words, exactly
    assertThat(TaskWork.denialReason(detail))
        .isEqualTo(
            "alice decided an earlier appeal of this case; another reviewer must decide this one");
  }

  @Test
  void shouldShowTheWholeTextWhenTheRejectionIsNoListenerDenial() {
    assertThat(TaskWork.denialReason("Task is not in state CREATED"))
        .isEqualTo("Task is not in state CREATED");
    assertThat(TaskWork.denialReason(null)).isEmpty();
  }

  @Test
  void shouldExplainEachRefusalOfTheRulesInTheConsolesWordsWhenAClaimIsRefused() {
    assertThat(
            TaskWork.refusal(
                    new org.redress.review.ReviewRules.Refusal(
                        org.redress.review.ReviewRules.TASK_ALREADY_CLAIMED, "t", "m"),
                    "carol")
                .code())
        .isEqualTo(TaskRefusal.Code.ALREADY_CLAIMED);
    assertThat(
            TaskWork.refusal(
                    new org.redress.review.ReviewRules.Refusal(
                        org.redress.review.ReviewRules.REVIEWER_IMPOSED_RESTRICTION, "t", "m"),
                    null)
                .code())
        .isEqualTo(TaskRefusal.Code.IMPOSED);
    assertThat(
            TaskWork.refusal(
                    new org.redress.review.ReviewRules.Refusal(
                        org.redress.review.ReviewRules.NOT_A_CANDIDATE, "t", "m"),
                    null)
                .code())
        .isEqualTo(TaskRefusal.Code.NOT_YOUR_GROUP);
    assertThat(
            TaskWork.refusal(
                    new org.redress.review.ReviewRules.Refusal(
                        org.redress.review.ReviewRules.FOUR_EYES, "t", "m"),
                    null)
                .code())
        .isEqualTo(TaskRefusal.Code.OWN_DECISION);
  }
}
