/** Processors for start and end events. */
package org.redress.engine.runtime.event;
