package org.redress.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * The portal's pages for requests it cannot serve (the security chain forwards here): a link that
 * is broken or expired, no link at all, a case that does not exist (or is someone else's), a form
 * sent without its CSRF token. They say what to do in plain words and name no case.
 */
@Controller
class PortalProblemController {

  private static final Set<String> KINDS =
      Set.of(
          "link-needed",
          "link-invalid",
          "link-expired",
          "not-found",
          "form-expired",
          "too-large",
          "unexpected");

  @RequestMapping(
      path = "/portal/problem/{kind}",
      method = {RequestMethod.GET, RequestMethod.POST})
  String problem(
      @PathVariable String kind,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String shown = KINDS.contains(kind) ? kind : "not-found";
    if (request.getAttribute("portal.status") == null) {
      response.setStatus("not-found".equals(shown) ? 404 : 200);
    }
    model.addAttribute("kind", shown);
    // Opened from another site (a webmail), the browser withholds the SameSite=Strict cookie
    // set a moment ago; one reload from this page sends it.
    model.addAttribute(
        "reload",
        "link-needed".equals(shown)
            && "GET".equals(request.getMethod())
            && "cross-site".equals(request.getHeader("Sec-Fetch-Site")));
    Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.FORWARD_REQUEST_URI);
    model.addAttribute("reloadUrl", original == null ? request.getRequestURI() : original);
    return "portal/problem";
  }
}
