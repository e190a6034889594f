package org.redress.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.redress.shared.security.Role;
import org.redress.shared.security.StaffDirectory;
import org.redress.shared.security.StaffMember;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What the console layout shows on every {@link ConsolePage}. */
@ControllerAdvice(annotations = ConsolePage.class)
class ConsoleModelAdvice {

  private final StaffDirectory staff;
  private final ConsoleWidgets widgets;
  private final long sessionTimeoutSeconds;

  ConsoleModelAdvice(StaffDirectory staff, ConsoleWidgets widgets, ServerProperties server) {
    this.staff = staff;
    this.widgets = widgets;
    this.sessionTimeoutSeconds = server.getServlet().getSession().getTimeout().toSeconds();
  }

  @ModelAttribute
  void layout(Model model, HttpServletRequest request, Locale locale) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    Set<Role> roles = Role.of(authentication);
    StaffMember me =
        authentication == null || roles.isEmpty()
            ? null
            : staff.find(authentication.getName()).orElse(null);
    List<ConsoleSection> sections = me == null ? List.of() : ConsoleSection.sectionsFor(roles);
    boolean chinese = ConsoleLanguage.isChinese(locale);
    String other = chinese ? "en" : "zh-CN";
    model.addAttribute("me", me);
    model.addAttribute("sections", sections);
    model.addAttribute("widgets", widgets.built());
    model.addAttribute("sessionTimeoutSeconds", sessionTimeoutSeconds);
    model.addAttribute("otherLang", other);
    model.addAttribute("otherLangName", chinese ? "English" : "中文");
    model.addAttribute(
        "otherLangUrl",
        UriComponentsBuilder.fromPath(request.getRequestURI())
            .query("GET".equals(request.getMethod()) ? request.getQueryString() : null)
            .replaceQueryParam("lang", other)
            .build()
            .toUriString());
  }
}
