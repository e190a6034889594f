/**
 * One {@code ElementTransformer} per BPMN element, grouped by family like the runtime's processors
 * ({@code event}, {@code task}, {@code gateway}, {@code container}), listed in {@code
 * ElementTransformers}; {@code TransformContext} collects problems and parses expressions.
 */
package org.redress.engine.model.transform;
