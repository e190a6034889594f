package org.redress.shared.web;

import java.util.Objects;
import org.springframework.web.util.UriUtils;

/**
 * Absolute links into the staff console, built from {@code redress.public-base-url}. The process
 * variable {@code caseFileUrl} carries one, so that a reviewer working in Camunda Tasklist (which
 * shows only the task's form) is one click from the whole case.
 */
public final class StaffLinks {

  private final String baseUrl;

  /**
   * @param baseUrl where Redress is reached, e.g. {@code https://appeals.example.com}
   */
  public StaffLinks(String baseUrl) {
    String url = Objects.requireNonNull(baseUrl, "base URL").strip();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    this.baseUrl = url;
  }

  /** The console's case page (case file, timeline, diagrams) of a case. */
  public String caseFile(String caseId) {
    return baseUrl + "/console/cases/" + UriUtils.encodePathSegment(caseId, "UTF-8");
  }
}
