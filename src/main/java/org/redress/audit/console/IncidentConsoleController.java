package org.redress.audit.console;

import java.util.List;
import org.redress.console.ConsolePage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /console/incidents}: every open incident with its case. AUDITOR and ADMIN read it; only
 * ADMIN may give a failed job new retries or resolve an incident (each recorded in the case's audit
 * trail, R-OPS-1). An auditor's page has no write control and a forged POST is refused (403) here
 * as well as by the console's filter chain.
 */
@Controller
@ConsolePage
class IncidentConsoleController {

  /** Retries an admin may give at once. */
  static final int MAX_RETRIES = 10;

  private static final Logger log = LoggerFactory.getLogger(IncidentConsoleController.class);

  private final OpenIncidents incidents;

  IncidentConsoleController(OpenIncidents incidents) {
    this.incidents = incidents;
  }

  /** Marks this section in the console's navigation. */
  @ModelAttribute("section")
  String section() {
    return "incidents";
  }

  @GetMapping("/console/incidents")
  @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
  String list(Authentication user, Model model) {
    List<OpenIncident> open;
    try {
      open = incidents.all();
    } catch (RuntimeException e) {
      log.warn("Open incidents unavailable: {}", e.getMessage());
      open = null;
    }
    model.addAttribute("incidents", open);
    model.addAttribute(
        "canWrite",
        user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority())));
    model.addAttribute("maxRetries", MAX_RETRIES);
    return "console/audit/incidents";
  }

  @PostMapping("/console/incidents/{incidentKey}/retries")
  @PreAuthorize("hasRole('ADMIN')")
  String updateRetries(
      @PathVariable long incidentKey,
      @RequestParam(defaultValue = "1") String retries,
      Authentication admin,
      RedirectAttributes redirect) {
    OpenIncident incident = open(incidentKey);
    int count;
    try {
      count = Integer.parseInt(retries.strip());
    } catch (NumberFormatException e) {
      count = -1;
    }
    if (count < 1 || count > MAX_RETRIES) {
      redirect.addFlashAttribute("error", "console.audit.incidents.error.retries");
      redirect.addFlashAttribute("errorIncident", incidentKey);
    } else if (incident.jobKey() == null) {
      redirect.addFlashAttribute("error", "console.audit.incidents.error.noJob");
      redirect.addFlashAttribute("errorIncident", incidentKey);
    } else {
      incidents.updateRetries(incident, count, admin.getName());
      redirect.addFlashAttribute("done", "console.audit.incidents.done.retries");
      redirect.addFlashAttribute("doneIncident", incidentKey);
    }
    return "redirect:/console/incidents";
  }

  @PostMapping("/console/incidents/{incidentKey}/resolve")
  @PreAuthorize("hasRole('ADMIN')")
  String resolve(
      @PathVariable long incidentKey, Authentication admin, RedirectAttributes redirect) {
    OpenIncident incident = open(incidentKey);
    incidents.resolve(incident, admin.getName());
    redirect.addFlashAttribute("done", "console.audit.incidents.done.resolved");
    redirect.addFlashAttribute("doneIncident", incidentKey);
    return "redirect:/console/incidents";
  }

  /** The open incident of a Redress case; 404 otherwise (only case incidents are audited). */
  private OpenIncident open(long incidentKey) {
    return incidents
        .find(incidentKey)
        .filter(i -> i.caseId() != null)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
