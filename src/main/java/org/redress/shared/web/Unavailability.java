package org.redress.shared.web;

import java.sql.SQLException;
import java.util.concurrent.RejectedExecutionException;
import org.springframework.beans.factory.BeanCreationNotAllowedException;

/**
 * Recognises failures that mean "the app is closing or a resource it needs is briefly gone" rather
 * than a defect: a closed connection pool or application context, a pool that refuses work, a
 * database shutting down or unreachable. Clients get 503 with {@code Retry-After} for them, never
 * 500: the request changed nothing and can be sent again.
 */
public final class Unavailability {

  /** Seconds a client should wait before sending the request again. */
  public static final String RETRY_AFTER_SECONDS = "5";

  private Unavailability() {}

  public static boolean isTransient(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RejectedExecutionException
          || t instanceof BeanCreationNotAllowedException
          || t instanceof InterruptedException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // 08: connection exceptions; 57P: operator intervention (server shutting down)
        if (state.startsWith("08") || state.startsWith("57P")) {
          return true;
        }
      }
      String message = t.getMessage();
      if (message != null
          && (message.contains("has been closed")
              || message.contains("has been shut down")
              || message.contains("is closed"))) {
        return true;
      }
    }
    return false;
  }
}
