package org.redress.config.security;

// STUB
public class CaseAccess {
  public void check(java.security.Principal a, String caseId) {}

  public boolean isAppellant(java.security.Principal a) {
    return false;
  }
}
