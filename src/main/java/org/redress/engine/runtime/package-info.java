/**
 * The interpreter: the per-instance runner (a coordinator of the element lifecycle, mappings and
 * sequence flows), the element processor contract and its registry, the processors per element
 * family ({@code task}, {@code gateway}, {@code event}, {@code container}) and the behaviours they
 * share ({@code behavior}).
 */
package org.redress.engine.runtime;
