package org.redress.shared.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;

/**
 * Who may read a case: the appellant of that case (signed in by its case link), and staff with
 * {@link Role#REVIEWER}, {@link Role#SENIOR_REVIEWER}, {@link Role#AUDITOR}, {@link Role#FINANCE}
 * or {@link Role#ADMIN}. Call {@link #check} in every handler that loads a case by id, before
 * loading it; the URL rules already keep appellants on their own case's paths, this is the second
 * line that also covers case ids that do not come from the path.
 */
public class CaseAccess {

  /** Staff roles that may read any case. */
  public static final Set<Role> CASE_READERS =
      EnumSet.of(Role.REVIEWER, Role.SENIOR_REVIEWER, Role.AUDITOR, Role.FINANCE, Role.ADMIN);

  /**
   * Returns normally if {@code authentication} may read case {@code caseId}.
   *
   * @throws AuthenticationCredentialsNotFoundException nobody is signed in (answered 401)
   * @throws CaseNotFoundException an appellant asks for another case (answered 404, exactly as for
   *     a case that does not exist)
   * @throws AccessDeniedException staff without a case-reading role (answered 403)
   */
  public void check(Authentication authentication, String caseId) {
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      throw new AuthenticationCredentialsNotFoundException("Sign in to see this case");
    }
    Optional<AppellantPrincipal> appellant = appellant(authentication);
    if (appellant.isPresent()) {
      if (appellant.get().caseId().equals(caseId)) {
        return;
      }
      throw new CaseNotFoundException(caseId);
    }
    for (Role role : Role.of(authentication)) {
      if (CASE_READERS.contains(role)) {
        return;
      }
    }
    throw new AccessDeniedException("Your roles do not allow reading cases");
  }

  /** The appellant behind a case-link authentication; empty for staff and anonymous requests. */
  public static Optional<AppellantPrincipal> appellant(Authentication authentication) {
    if (authentication != null && authentication.getPrincipal() instanceof AppellantPrincipal p) {
      return Optional.of(p);
    }
    return Optional.empty();
  }
}
