package org.redress.funds.release;

import java.util.Locale;

/**
 * Who a case's money belongs to and how to reach them, for the payout and the release notice.
 * Implemented by the suspension module (which owns cases), so that funds does not depend on it.
 */
public interface CaseContacts {

  CaseContact of(String caseId);

  /** The case's account holder: account id, name, notice language and signed case link. */
  record CaseContact(String accountId, String accountName, Locale locale, String caseLink) {}
}
