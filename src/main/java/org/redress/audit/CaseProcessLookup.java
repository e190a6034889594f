package org.redress.audit;

import java.util.Optional;

/** Which process instance runs a case (implemented by the module that owns cases). */
public interface CaseProcessLookup {

  /** Empty when there is no such case; a present empty key when its process has not started. */
  Optional<Long> rootProcessInstanceKey(String caseId);

  /** True if the case exists. */
  boolean exists(String caseId);
}
