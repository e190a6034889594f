package org.redress.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The console's language: English or Simplified Chinese. {@code ?lang=en|zh-CN} on any console page
 * switches it for the rest of the session; without a choice the browser's Accept-Language decides
 * (through the app's {@link LocaleResolver}).
 */
final class ConsoleLanguage implements HandlerInterceptor {

  static final Locale ENGLISH = Locale.ENGLISH;
  static final Locale CHINESE = Locale.forLanguageTag("zh-CN");
  static final String SESSION_ATTRIBUTE = ConsoleLanguage.class.getName();

  private final LocaleResolver locales;

  ConsoleLanguage(LocaleResolver locales) {
    this.locales = locales;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    Locale asked = parse(request.getParameter("lang"));
    HttpSession session = request.getSession(false);
    if (asked != null && session != null) {
      session.setAttribute(SESSION_ATTRIBUTE, asked);
    }
    Locale chosen =
        asked != null
            ? asked
            : session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Locale kept
                ? kept
                : null;
    if (chosen != null) {
      locales.setLocale(request, response, chosen);
    }
    return true;
  }

  /** en or zh-CN for a tag the console offers, else null. */
  static Locale parse(String tag) {
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

  static boolean isChinese(Locale locale) {
    return locale != null && "zh".equals(locale.getLanguage());
  }
}
