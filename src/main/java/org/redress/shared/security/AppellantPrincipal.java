package org.redress.shared.security;

import java.security.Principal;
import java.util.Objects;

/**
 * An appellant signed in through a case link: the principal of their authentication, which holds
 * role {@link Role#APPELLANT} only. The link names exactly one case; the appellant may reach that
 * case and nothing else ({@link CaseAccess}).
 *
 * <p>{@link #getName()} is {@code account:<accountId>}, so it never collides with a staff username
 * and is never a {@link StaffDirectory#isPerson person} of the staff directory.
 */
public record AppellantPrincipal(String caseId, String accountId) implements Principal {

  public AppellantPrincipal {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(accountId, "accountId");
  }

  @Override
  public String getName() {
    return "account:" + accountId;
  }
}
