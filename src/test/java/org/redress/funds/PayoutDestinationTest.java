package org.redress.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PayoutDestinationTest {

  @Test
  void shouldMatchWhenNamesDifferOnlyInCaseSpacesOrFullWidthLetters() {
    // given an account in the name "Li  Wei" and a full-width, lower-case spelling
    PayoutDestination destination = new PayoutDestination("DE4450000", " Li  Wei ", "EUR", true);

    // when / then
    assertThat(destination.isInNameOf("li wei")).isTrue();
    assertThat(destination.isInNameOf("ＬＩ　ＷＥＩ")).isTrue();
    assertThat(new PayoutDestination("6222", "张伟", "CNY", true).isInNameOf("张伟")).isTrue();
  }

  @Test
  void shouldNotMatchWhenNamesAreMerelySimilar() {
    // given another person's account
    PayoutDestination destination = new PayoutDestination("DE4450000", "Li Wei", "EUR", true);

    // when / then
    assertThat(destination.isInNameOf("Li Wen")).isFalse();
    assertThat(destination.isInNameOf("Wei Li")).isFalse();
    assertThat(new PayoutDestination("6222", "张伟", "CNY", true).isInNameOf("张玮")).isFalse();
  }

  @Test
  void shouldShowOnlyTheLastFourCharactersWhenMasked() {
    // given
    PayoutDestination destination =
        new PayoutDestination("DE89370400440532013000", "A", "EUR", true);

    // when
    String masked = destination.maskedReference();

    // then
    assertThat(masked).endsWith("3000").doesNotContain("DE89").hasSize(22);
  }

  @Test
  void shouldRefuseWhenCurrencyOrReferenceIsInvalid() {
    // when / then
    assertThatThrownBy(() -> new PayoutDestination("x", "A", "euro", true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PayoutDestination(" ", "A", "EUR", true))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
