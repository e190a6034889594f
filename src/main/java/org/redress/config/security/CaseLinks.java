package org.redress.config.security;

// STUB
public class CaseLinks {
  public String link(String caseId, String accountId, java.time.Instant expiresAt) {
    return "";
  }

  public String issueToken(String caseId, String accountId, java.time.Instant expiresAt) {
    return "";
  }
}
