package org.redress.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class ApiExceptionHandlerTest {

  private final ApiExceptionHandler handler = new ApiExceptionHandler();

  @Test
  void shouldAnswer503WithRetryAfterWhenTheConnectionPoolIsClosed() {
    // given the failure of a request that ran into the closed pool of a closing app
    Exception closedPool =
        new CannotGetJdbcConnectionException(
            "Failed to obtain JDBC Connection",
            new SQLException("HikariDataSource HikariDataSource (HikariPool-1) has been closed."));

    // when
    ResponseEntity<ProblemDetail> response = handler.unexpected(closedPool);

    // then
    assertUnavailable(response);
  }

  @Test
  void shouldAnswer503WhenThePoolRefusesWorkOrTheDatabaseShutsDown() {
    assertUnavailable(handler.unexpected(new RejectedExecutionException("pool shut down")));
    assertUnavailable(
        handler.unexpected(
            new IllegalStateException(
                "query failed", new SQLException("terminating connection", "57P01"))));
  }

  @Test
  void shouldAnswer503ForAnyFailureWhenTheContextIsClosing() {
    // given the app has begun to shut down
    handler.closing();

    // when a request fails in a way not recognised as closing
    ResponseEntity<ProblemDetail> response =
        handler.unexpected(new IllegalStateException("bean gone"));

    // then it is still 503, not 500
    assertUnavailable(response);
  }

  @Test
  void shouldAnswer500WhenTheFailureIsADefect() {
    // when
    ResponseEntity<ProblemDetail> response = handler.unexpected(new IllegalStateException("a bug"));

    // then
    assertThat(response.getStatusCode().value()).isEqualTo(500);
    assertThat(response.getBody().getProperties()).containsEntry("code", "INTERNAL_ERROR");
    assertThat(response.getHeaders().getFirst("Retry-After")).isNull();
  }

  private static void assertUnavailable(ResponseEntity<ProblemDetail> response) {
    assertThat(response.getStatusCode().value()).isEqualTo(503);
    assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    assertThat(response.getHeaders().getContentType().toString())
        .isEqualTo("application/problem+json");
    assertThat(response.getBody().getProperties()).containsEntry("code", "UNAVAILABLE");
  }
}
