package org.redress.audit;

/** Who acted: a named person, Redress itself, the platform's systems, or the appellant. */
public enum ActorType {
  PERSON,
  SYSTEM,
  INTEGRATION,
  APPELLANT
}
