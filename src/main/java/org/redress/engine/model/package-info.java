/**
 * Deploy time: BPMN XML to validated, immutable Executable* records, with every expression parsed
 * once.
 */
package org.redress.engine.model;
