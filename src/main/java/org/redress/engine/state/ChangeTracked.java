package org.redress.engine.state;

/**
 * A row loaded or created by a command: the store writes new rows with INSERT and changed rows with
 * UPDATE when the command commits, and nothing for rows the command did not touch.
 */
abstract class ChangeTracked {

  private boolean isNew;
  private boolean dirty;

  ChangeTracked(boolean isNew) {
    this.isNew = isNew;
  }

  /** Marks the row as changed by the running command. */
  protected final void changed() {
    dirty = true;
  }

  final boolean isNew() {
    return isNew;
  }

  final boolean isDirty() {
    return dirty;
  }

  final void markPersisted() {
    isNew = false;
    dirty = false;
  }
}
