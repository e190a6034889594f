/**
 * Durability tests of the embedded engine: the app runs as a separate JVM that is killed (SIGKILL)
 * and restarted on the same database, and the engine's tables are checked for work lost or done
 * twice.
 */
package org.redress.engine.durability;
