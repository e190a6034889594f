package org.redress.engine.model;

/**
 * An element with no behaviour of its own that Zeebe passes straight through: undefined task,
 * manual task, none intermediate throw event.
 */
public record ExecutablePassThroughElement(ElementInfo info) implements ExecutableFlowNode {}
