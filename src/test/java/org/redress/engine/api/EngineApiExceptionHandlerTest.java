package org.redress.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.redress.engine.EngineRejection;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;

class EngineApiExceptionHandlerTest {

  private final EngineApiExceptionHandler handler = new EngineApiExceptionHandler();
  private final MockHttpServletRequest request =
      new MockHttpServletRequest("POST", "/v2/jobs/activation");

  @Test
  void shouldAnswer503UnavailableWithRetryAfterWhenThePoolIsClosed() {
    // when a request runs into the closed pool of a closing app
    ResponseEntity<ProblemDetail> response =
        handler.unexpected(
            new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new SQLException("HikariDataSource (HikariPool-1) has been closed.")),
            request);

    // then the Camunda client sees a retryable 503 in the engine's shape
    assertThat(response.getStatusCode().value()).isEqualTo(503);
    assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    assertThat(response.getBody().getTitle()).isEqualTo("UNAVAILABLE");
    assertThat(response.getBody().getProperties()).containsEntry("code", "UNAVAILABLE");
  }

  @Test
  void shouldAnswer503ForAnyFailureWhenTheContextIsClosing() {
    handler.closing();
    assertThat(handler.unexpected(new IllegalStateException("x"), request).getStatusCode().value())
        .isEqualTo(503);
  }

  @Test
  void shouldCarryTheRejectionTypeAsCodeWhenTheEngineRejects() {
    // when
    ResponseEntity<ProblemDetail> response =
        handler.rejection(EngineRejection.invalidArgument("bad"), request);

    // then the engine's shape is kept and the code repeats its title
    assertThat(response.getBody().getTitle()).isEqualTo("INVALID_ARGUMENT");
    assertThat(response.getBody().getProperties()).containsEntry("code", "INVALID_ARGUMENT");
  }

  @Test
  void shouldAnswer500WhenTheFailureIsADefect() {
    ResponseEntity<ProblemDetail> response =
        handler.unexpected(new IllegalStateException("a bug"), request);
    assertThat(response.getStatusCode().value()).isEqualTo(500);
    assertThat(response.getBody().getProperties()).containsEntry("code", "INTERNAL");
  }
}
