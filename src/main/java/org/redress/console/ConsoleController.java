package org.redress.console;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's own pages: sign-in, start page, refusal, and the session keep-alive. */
@Controller
@ConsolePage
class ConsoleController {

  @GetMapping("/")
  String root() {
    return "redirect:/console";
  }

  /** The start page: what this person's roles let them do, one link per section. */
  @GetMapping("/console")
  String start(Model model) {
    model.addAttribute("section", "start");
    return "console/start";
  }

  @GetMapping("/console/login")
  String login(
      Authentication authentication,
      Model model,
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String expired,
      @RequestParam(required = false) String signedOut) {
    if (authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)) {
      return "redirect:/console";
    }
    model.addAttribute("section", "login");
    model.addAttribute("failed", error != null);
    model.addAttribute("expired", expired != null);
    model.addAttribute("signedOut", signedOut != null);
    return "console/login";
  }

  /** Where refused requests are forwarded ({@code ConsoleSecurityConfiguration}): 403 in words. */
  @RequestMapping("/console/denied")
  String denied(Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.FORBIDDEN.value());
    model.addAttribute("section", "denied");
    return "console/denied";
  }

  /** The session-timeout warning's "stay signed in": any request renews the session. */
  @GetMapping("/console/session/ping")
  ResponseEntity<Void> ping() {
    return ResponseEntity.noContent().build();
  }
}
