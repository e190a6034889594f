/** Processors for elements that contain others (the process). */
package org.redress.engine.runtime.container;
