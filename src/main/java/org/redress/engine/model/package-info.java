/**
 * Deploy time: BPMN XML to validated, immutable Executable* records, with every expression parsed
 * once. {@code BpmnModelTransformer} walks processes and containers and does what all elements
 * share; {@code transform} holds one transformer per element type.
 */
package org.redress.engine.model;
