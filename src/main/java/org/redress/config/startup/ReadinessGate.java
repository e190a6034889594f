package org.redress.config.startup;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.redress.shared.Readiness;
import org.redress.shared.web.ApiProblems;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses writes to the Redress API while the app is not ready: 503 with {@code Retry-After}, code
 * {@value #NOT_READY} while it starts, {@value #SHUTTING_DOWN} once it shuts down. Reads are
 * served. The engine API ({@code /v2}) is not gated: it serves only after the models are deployed
 * (embedded engine), and the app's own job workers complete jobs through it while it drains.
 */
class ReadinessGate extends OncePerRequestFilter
    implements ApplicationListener<ContextClosedEvent> {

  static final String NOT_READY = "NOT_READY";
  static final String SHUTTING_DOWN = "SHUTTING_DOWN";
  static final String RETRY_AFTER_SECONDS = "5";

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final Readiness readiness;
  private final ObjectMapper json;
  private volatile boolean closing;

  ReadinessGate(Readiness readiness, ObjectMapper json) {
    this.readiness = readiness;
    this.json = json;
  }

  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    closing = true;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return SAFE.contains(request.getMethod()) || !ApiProblems.isRedressApi(request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (readiness.isReady()) {
      chain.doFilter(request, response);
      return;
    }
    String code = closing ? SHUTTING_DOWN : NOT_READY;
    String detail =
        closing
            ? "Redress is shutting down; nothing was changed. Send the request again in a few"
                + " seconds (another instance or the restarted app takes it)."
            : "Redress is starting (process models, job workers); nothing was changed. Send the"
                + " request again in a few seconds.";
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(
        response.getOutputStream(), ApiProblems.of(request.getRequestURI(), 503, code, detail));
  }
}
