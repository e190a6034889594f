/**
 * Shared runtime behaviour: variables and propagation, variable mappings, typed expression
 * evaluation.
 */
package org.redress.engine.runtime.behavior;
