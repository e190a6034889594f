/**
 * The history and search side of the embedded engine's REST API (element instances, variables,
 * process definitions and their XML, taken sequence flows), driven through the official Camunda
 * client's search builders and, for the wire forms the client does not produce, plain HTTP.
 */
package org.redress.engine.history;
