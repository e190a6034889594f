package org.redress.config.security;

// STUB
public class StaffDirectory {
  public boolean isPerson(String username) {
    return true;
  }

  public String displayName(String u) {
    return u;
  }
}
