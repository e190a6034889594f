package org.redress.console;

import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

  private final LocaleResolver locales;

  ConsoleConfiguration(LocaleResolver locales) {
    this.locales = locales;
  }

  @Bean
  ConsoleWidgets consoleWidgets() {
    return ConsoleWidgets.fromClasspath();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new ConsoleLanguage(locales)).addPathPatterns("/console/**");
  }

  /** Errors under {@code /console} (unknown page, server error) get a console page, not JSON. */
  @Bean
  ErrorViewResolver consoleErrorViews() {
    return (request, status, model) -> {
      Object path = model.get("path");
      if (path == null || !path.toString().startsWith("/console/")) {
        return null;
      }
      return new ModelAndView(
          "console/error", Map.of("status", status.value(), "path", path.toString()), status);
    };
  }
}
