/** Deploy time of containers: embedded and event sub-processes, call activities. */
package org.redress.engine.model.transform.container;
