package org.redress.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CaseLinksTest {

  private static final byte[] SECRET =
      "a-secret-of-at-least-thirty-two-bytes!".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2030-05-01T10:00:00Z");
  private static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));

  private final CaseLinks links =
      new CaseLinks(SECRET, "https://appeals.example.com/", Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void shouldSignInTheAppellantOfTheCaseWhenTokenIsGenuine() {
    // given
    String token = links.issueToken("case-1", "account-9", TOMORROW);

    // when
    AppellantPrincipal appellant = links.verify(token);

    // then
    assertThat(appellant).isEqualTo(new AppellantPrincipal("case-1", "account-9"));
    assertThat(appellant.getName()).isEqualTo("account:account-9");
    assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
  }

  @Test
  void shouldKeepIdsIntactWhenTheyHoldSpecialCharacters() {
    // given ids with JSON and URL metacharacters
    String caseId = "case \"7\"/ä?&";
    String token = links.issueToken(caseId, "acc\\1", TOMORROW);

    // when
    AppellantPrincipal appellant = links.verify(token);

    // then
    assertThat(appellant.caseId()).isEqualTo(caseId);
    assertThat(appellant.accountId()).isEqualTo("acc\\1");
  }

  @Test
  void shouldBuildThePublicCaseUrlWhenLinkIsRequested() {
    // when
    String link = links.link("case 1", "account-9", TOMORROW);

    // then
    assertThat(link).startsWith("https://appeals.example.com/case/case%201?token=");
    String token = link.substring(link.indexOf("?token=") + "?token=".length());
    assertThat(links.verify(token).caseId()).isEqualTo("case 1");
  }

  @Test
  void shouldRejectAsExpiredWhenExpiryHasPassed() {
    // given a genuine token that expired a second ago
    String token = links.issueToken("case-1", "account-9", NOW.minusSeconds(1));

    // then
    assertCode(token, CaseLinkException.EXPIRED);
  }

  @Test
  void shouldRejectAsExpiredWhenExpiryIsNow() {
    assertCode(links.issueToken("case-1", "account-9", NOW), CaseLinkException.EXPIRED);
  }

  @Test
  void shouldRejectAsInvalidWhenPayloadWasChanged() {
    // given the payload of a genuine token re-encoded with another case id
    String token = links.issueToken("case-1", "account-9", TOMORROW);
    String payload =
        new String(
            Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
            StandardCharsets.UTF_8);
    String forged =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    payload.replace("case-1", "case-2").getBytes(StandardCharsets.UTF_8))
            + token.substring(token.indexOf('.'));

    // then
    assertCode(forged, CaseLinkException.INVALID);
  }

  @Test
  void shouldRejectAsInvalidWhenSignatureWasChanged() {
    // given
    String token = links.issueToken("case-1", "account-9", TOMORROW);
    char last = token.charAt(token.length() - 1);
    String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

    // then
    assertCode(tampered, CaseLinkException.INVALID);
  }

  @Test
  void shouldRejectAsInvalidWhenSignedWithAnotherSecret() {
    // given
    CaseLinks other =
        new CaseLinks(
            "another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8),
            "https://appeals.example.com",
            Clock.fixed(NOW, ZoneOffset.UTC));

    // then
    assertCode(other.issueToken("case-1", "account-9", TOMORROW), CaseLinkException.INVALID);
  }

  @Test
  void shouldRejectAsInvalidNotExpiredWhenExpiredTokenWasTamperedWith() {
    // given
    String token = links.issueToken("case-1", "account-9", NOW.minusSeconds(60));

    // then
    assertCode(token + "x", CaseLinkException.INVALID);
  }

  @Test
  void shouldRejectAsInvalidWhenTokenIsMalformed() {
    for (String malformed :
        new String[] {"", "abc", "abc.", ".abc", "a.b.c", "***.***", "e30.e30", "x".repeat(5000)}) {
      assertCode(malformed, CaseLinkException.INVALID);
    }
    assertThatThrownBy(() -> links.verify(null)).isInstanceOf(CaseLinkException.class);
  }

  @Test
  void shouldRefuseSecretWhenShorterThan32Bytes() {
    assertThatThrownBy(
            () ->
                new CaseLinks(
                    "too-short".getBytes(StandardCharsets.UTF_8),
                    "http://localhost",
                    Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32");
  }

  @Test
  void shouldRefuseIssuingWhenIdsAreMissing() {
    assertThatThrownBy(() -> links.issueToken(" ", "account-9", TOMORROW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> links.issueToken("case-1", null, TOMORROW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void assertCode(String token, String code) {
    assertThatThrownBy(() -> links.verify(token))
        .isInstanceOfSatisfying(
            CaseLinkException.class, e -> assertThat(e.code()).as(token).isEqualTo(code));
  }
}
