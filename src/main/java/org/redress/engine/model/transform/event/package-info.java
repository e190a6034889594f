/** Deploy time of events: start, end, intermediate catch and throw, boundary; event definitions. */
package org.redress.engine.model.transform.event;
