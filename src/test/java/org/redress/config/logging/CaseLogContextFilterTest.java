package org.redress.config.logging;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CaseLogContextFilterTest {

  @Test
  void shouldPutCaseIdOnLogLinesWhileRequestOfACaseRuns() throws Exception {
    // given
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/cases/c-123/appeals");
    AtomicReference<String> seen = new AtomicReference<>();
    FilterChain chain = (req, res) -> seen.set(MDC.get("caseId"));

    // when
    new CaseLogContextFilter().doFilter(request, new MockHttpServletResponse(), chain);

    // then
    assertThat(seen).hasValue("c-123");
    assertThat(MDC.get("caseId")).isNull();
  }

  @Test
  void shouldFindCaseIdOnlyInCasePathsWhenPathsVary() {
    assertThat(CaseLogContextFilter.caseIdOf("/api/cases/abc")).isEqualTo("abc");
    assertThat(CaseLogContextFilter.caseIdOf("/api/cases/abc/history")).isEqualTo("abc");
    assertThat(CaseLogContextFilter.caseIdOf("/case/abc/appeal")).isEqualTo("abc");
    assertThat(CaseLogContextFilter.caseIdOf("/api/review/tasks")).isNull();
    assertThat(CaseLogContextFilter.caseIdOf("/v2/jobs/activation")).isNull();
    assertThat(CaseLogContextFilter.caseIdOf("/api/cases/" + "x".repeat(65))).isNull();
    assertThat(CaseLogContextFilter.caseIdOf("/api/cases/a%0Ab")).isNull();
  }
}
