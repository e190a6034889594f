package org.redress.audit;

// STUB
public enum ActorType {
  PERSON,
  SYSTEM,
  INTEGRATION,
  APPELLANT
}
