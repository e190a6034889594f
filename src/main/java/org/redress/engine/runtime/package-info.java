/** The interpreter: element processors, the per-instance runner and the lifecycle contract. */
package org.redress.engine.runtime;
