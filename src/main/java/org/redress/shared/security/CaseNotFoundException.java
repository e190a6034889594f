package org.redress.shared.security;

import org.redress.shared.DomainException;

/**
 * No case with this id, as far as the caller may know: answered with 404 and code {@value #CODE}.
 * Thrown for cases that do not exist and, with the same answer, for another appellant's case, so
 * that a case link reveals nothing about other cases. Features should throw it for unknown case ids
 * too, so both look alike.
 */
public class CaseNotFoundException extends DomainException {

  public static final String CODE = "CASE_NOT_FOUND";

  private final String caseId;

  public CaseNotFoundException(String caseId) {
    super(CODE, "There is no case " + caseId);
    this.caseId = caseId;
  }

  public String caseId() {
    return caseId;
  }
}
