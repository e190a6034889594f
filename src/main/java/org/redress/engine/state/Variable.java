package org.redress.engine.state;

/** A variable of one scope; the value is kept as JSON text, exactly as the REST API reports it. */
public final class Variable extends ChangeTracked {

  private final long key;
  private final long scopeKey;
  private final long processInstanceKey;
  private final String name;
  private final String tenantId;
  private String json;

  public Variable(
      long key,
      long scopeKey,
      long processInstanceKey,
      String name,
      String json,
      String tenantId,
      boolean isNew) {
    super(isNew);
    this.key = key;
    this.scopeKey = scopeKey;
    this.processInstanceKey = processInstanceKey;
    this.name = name;
    this.json = json;
    this.tenantId = tenantId;
  }

  public long key() {
    return key;
  }

  public long scopeKey() {
    return scopeKey;
  }

  public long processInstanceKey() {
    return processInstanceKey;
  }

  public String name() {
    return name;
  }

  public String json() {
    return json;
  }

  public String tenantId() {
    return tenantId;
  }

  /** Replaces the value; returns false when it was already exactly this (no update recorded). */
  public boolean update(String newJson) {
    if (json.equals(newJson)) {
      return false;
    }
    json = newJson;
    changed();
    return true;
  }
}
