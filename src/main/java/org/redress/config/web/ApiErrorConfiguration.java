package org.redress.config.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Container;
import org.apache.catalina.core.StandardHost;
import org.redress.shared.web.ApiProblems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the problem details of the API edges (see the package documentation). */
@Configuration(proxyBeanMethods = false)
class ApiErrorConfiguration implements WebMvcConfigurer {

  private final ObjectMapper json;

  ApiErrorConfiguration(ObjectMapper json) {
    this.json = json;
  }

  /** First: answers API errors raised before a controller was chosen (controllers keep theirs). */
  @Override
  public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
    resolvers.add(0, new ApiEdgeExceptionResolver(json));
  }

  /** Replaces Spring Boot's {@code BasicErrorController} (it backs off for this bean). */
  @Bean
  ProblemErrorController problemErrorController(
      ErrorAttributes errorAttributes,
      ServerProperties server,
      ObjectProvider<ErrorViewResolver> resolvers,
      ObjectMapper json) {
    return new ProblemErrorController(
        errorAttributes, server.getError(), resolvers.orderedStream().toList(), json);
  }

  /**
   * Spring Security's firewall refuses paths with {@code //}, {@code ;}, encoded {@code /} or
   * {@code .} and similar tricks before any filter chain runs: on the APIs that is a 400 problem
   * {@code REQUEST_REJECTED}; elsewhere the default 400.
   */
  @Bean
  RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
    RequestRejectedHandler fallback = new HttpStatusRequestRejectedHandler();
    return (request, response, exception) -> {
      String path = request.getRequestURI();
      if (!ApiProblems.isApiPath(path) || response.isCommitted()) {
        fallback.handle(request, response, exception);
        return;
      }
      Map<String, Object> problem =
          ApiProblems.of(
              path,
              HttpServletResponse.SC_BAD_REQUEST,
              "REQUEST_REJECTED",
              "The request was refused: its path or headers are not in a form this API accepts"
                  + " (e.g. '//', ';', an encoded '/' or '.'); use the plain path");
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getOutputStream(), problem);
    };
  }

  /** Tomcat's own error report as problem details on the API paths. */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
    return new WebServerFactoryCustomizer<>() {
      @Override
      public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(
            context -> {
              Container parent = context.getParent();
              if (parent instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
              }
            });
      }
    };
  }
}
