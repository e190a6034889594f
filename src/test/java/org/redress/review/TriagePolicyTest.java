package org.redress.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TriagePolicyTest {

  @Test
  void shouldFindDistressSignalsInEnglishAndChinese() {
    assertThat(TriagePolicy.distressSignals("I can’t pay rent and my MEDICINE is due"))
        .containsExactly("can't pay rent", "medicine");
    assertThat(TriagePolicy.distressSignals("钱被冻结了，我活不下去了，医药费交不起")).containsExactly("活不下去", "医药费");
  }

  @Test
  void shouldFindNothingInAnOrdinaryAppeal() {
    assertThat(TriagePolicy.distressSignals("The payments were to my own family, see receipts"))
        .isEmpty();
    assertThat(TriagePolicy.distressSignals(null)).isEmpty();
  }
}
