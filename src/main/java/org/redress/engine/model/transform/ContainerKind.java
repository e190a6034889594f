package org.redress.engine.model.transform;

/**
 * The kind of container whose elements are transformed: it decides which start events it may have.
 */
public enum ContainerKind {
  PROCESS,
  SUB_PROCESS,
  EVENT_SUB_PROCESS
}
