package org.redress.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AttachmentTypeTest {

  @Test
  void shouldDetectTheRealTypeFromTheContent() {
    assertThat(AppealService.detectType(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1}))
        .isEqualTo("image/jpeg");
    assertThat(
            AppealService.detectType(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}))
        .isEqualTo("image/png");
    assertThat(AppealService.detectType("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("application/pdf");
    assertThat(AppealService.detectType("收据 receipt".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("text/plain");
  }

  @Test
  void shouldNotRecogniseBinaryOrExecutableContent() {
    assertThat(AppealService.detectType(new byte[] {'M', 'Z', 0, 0, 3})).isNull();
    assertThat(AppealService.detectType(new byte[] {(byte) 0xC3, (byte) 0x28})).isNull();
  }
}
