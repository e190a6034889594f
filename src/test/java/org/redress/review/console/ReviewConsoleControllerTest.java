package org.redress.review.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReviewConsoleControllerTest {

  static TaskRefusal denial(String reason) {
    return new TaskRefusal(TaskRefusal.Code.DENIED, reason);
  }

  @Test
  void shouldPutTheDenialNextToTheFieldItNamesWhenTheReviewRulesRefuseAValue() {
    // given the review rules' own messages (ReviewService)
    // then each lands next to the form field it is about
    assertThat(
            ReviewConsoleController.fieldOf(
                denial("a plain-language rationale is required (R-EU-7)")))
        .isEqualTo("rationale");
    assertThat(ReviewConsoleController.fieldOf(denial("a policy reference is required (R-EU-7)")))
        .isEqualTo("policyReference");
    assertThat(
            ReviewConsoleController.fieldOf(
                denial("MODIFY needs restrictionEndsAt, an ISO 8601 instant")))
        .isEqualTo("restrictionEndsAt");
    assertThat(ReviewConsoleController.fieldOf(denial("restrictionEndsAt must be in the future")))
        .isEqualTo("restrictionEndsAt");
    assertThat(
            ReviewConsoleController.fieldOf(
                denial("outcome must be one of OVERTURN, UPHOLD, MODIFY, REQUEST_INFO")))
        .isEqualTo("outcome");
    assertThat(ReviewConsoleController.fieldOf(denial("a comment is required")))
        .isEqualTo("approvalComment");
  }

  @Test
  void shouldKeepTheDenialInTheSummaryOnlyWhenItNamesNoField() {
    assertThat(
            ReviewConsoleController.fieldOf(
                denial(
                    "alice decided an earlier appeal of this case; another reviewer must decide")))
        .isNull();
    assertThat(ReviewConsoleController.fieldOf(new TaskRefusal(TaskRefusal.Code.IMPOSED, null)))
        .isNull();
  }
}
