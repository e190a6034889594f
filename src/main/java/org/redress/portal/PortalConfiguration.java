package org.redress.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** The portal's beans: its submission limit and the language of server-rendered pages. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalProperties.class)
class PortalConfiguration {

  /** The languages of the pages (and of the notices). */
  static final Locale ENGLISH = Locale.ENGLISH;

  static final Locale CHINESE = Locale.forLanguageTag("zh-CN");

  /** Request attribute a page sets to render in its case's (or the chosen) language. */
  static final String LOCALE_ATTRIBUTE = PortalConfiguration.class.getName() + ".locale";

  @Bean
  SubmissionLimiter portalSubmissionLimiter(PortalProperties properties) {
    return new SubmissionLimiter(
        properties.maxSubmissions(), properties.submissionWindow(), Clock.systemUTC());
  }

  /**
   * Pages render in the language their controller chose (the case's notice language or the one the
   * user switched to); pages without a case (link problems) follow {@code ?lang=} or the browser's
   * Accept-Language, between English and Simplified Chinese.
   */
  @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
  LocaleResolver localeResolver() {
    AcceptHeaderLocaleResolver byHeader = new AcceptHeaderLocaleResolver();
    byHeader.setSupportedLocales(java.util.List.of(ENGLISH, CHINESE, Locale.CHINESE));
    byHeader.setDefaultLocale(ENGLISH);
    return new LocaleResolver() {
      @Override
      public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(LOCALE_ATTRIBUTE) instanceof Locale chosen) {
          return chosen;
        }
        Locale asked = supported(request.getParameter("lang"));
        if (asked != null) {
          return asked;
        }
        return Locale.CHINESE.getLanguage().equals(byHeader.resolveLocale(request).getLanguage())
            ? CHINESE
            : ENGLISH;
      }

      @Override
      public void setLocale(
          HttpServletRequest request, HttpServletResponse response, Locale locale) {
        request.setAttribute(LOCALE_ATTRIBUTE, locale);
      }
    };
  }

  /** en or zh-CN for a language tag the portal offers, else null. */
  static Locale supported(String tag) {
    if (tag == null) {
      return null;
    }
    if (tag.equalsIgnoreCase("zh-CN") || tag.equalsIgnoreCase("zh")) {
      return CHINESE;
    }
    if (tag.equalsIgnoreCase("en")) {
      return ENGLISH;
    }
    return null;
  }
}
