package org.redress.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class IdentitiesTest {

  @Test
  void shouldTreatNamesAsOnePersonWhenTheyDifferInCaseWidthOrSurroundingSpaces() {
    assertThat(Identities.same("bob", "Bob")).isTrue();
    assertThat(Identities.same("bob", " BOB\t")).isTrue();
    assertThat(Identities.same("bob", "ＢＯＢ")).isTrue();
    assertThat(Identities.canonical("Ｋate Ｍoderator")).isEqualTo("kate moderator");
  }

  @Test
  void shouldTellNamesApartWhenTheyAreDifferentOrMissing() {
    assertThat(Identities.same("bob", "bobby")).isFalse();
    assertThat(Identities.same(null, null)).isFalse();
    assertThat(Identities.same("", " ")).isFalse();
    assertThat(Identities.same("bob", null)).isFalse();
  }

  @Test
  void shouldLowerCaseIndependentlyOfTheDefaultLocaleWhenItIsTurkish() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr"));
      assertThat(Identities.canonical("INGRID")).isEqualTo("ingrid");
    } finally {
      Locale.setDefault(before);
    }
  }
}
