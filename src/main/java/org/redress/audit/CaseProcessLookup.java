package org.redress.audit;

// STUB
public interface CaseProcessLookup {
  java.util.Optional<Long> rootProcessInstanceKey(String caseId);
}
