package org.redress.engine.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.redress.engine.metrics.EngineMetrics;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Times every engine API call by its command (controller method, e.g. {@code job.complete}) from
 * the first dispatch to the answer, long-polling and awaited calls included.
 */
public class EngineApiMetricsInterceptor implements HandlerInterceptor {

  private static final String STARTED = EngineApiMetricsInterceptor.class.getName() + ".started";

  private final EngineMetrics metrics;
  private final Map<Method, String> names = new ConcurrentHashMap<>();

  public EngineApiMetricsInterceptor(EngineMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (request.getAttribute(STARTED) == null) {
      request.setAttribute(STARTED, System.nanoTime());
    }
    return true;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (!(handler instanceof HandlerMethod method)
        || !(request.getAttribute(STARTED) instanceof Long started)) {
      return;
    }
    int status = ex != null && response.getStatus() < 400 ? 500 : response.getStatus();
    metrics.command(
        names.computeIfAbsent(method.getMethod(), m -> commandName(method)),
        (status / 100) + "xx",
        Duration.ofNanos(System.nanoTime() - started));
  }

  static String commandName(HandlerMethod method) {
    String controller = method.getBeanType().getSimpleName().replace("Controller", "");
    String resource =
        controller.isEmpty()
            ? "engine"
            : Character.toLowerCase(controller.charAt(0)) + controller.substring(1);
    return resource + "." + method.getMethod().getName();
  }
}
