package org.redress.engine.runtime;

import java.util.List;

/**
 * Receives the lifecycle events of each command after it has committed, in the order they happened.
 * Used by tests and diagnostics; must be quick and must not throw.
 */
public interface EngineListener {

  void onCommitted(List<LifecycleEvent> events);
}
