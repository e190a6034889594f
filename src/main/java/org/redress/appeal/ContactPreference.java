package org.redress.appeal;

/** How the appellant wants to be contacted (they may be locked out of the app itself). */
public enum ContactPreference {
  IN_APP,
  EMAIL,
  PHONE
}
