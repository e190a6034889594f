/**
 * Camunda Process Test 8.8.14 in remote mode against the embedded engine (the whole app, started
 * once per test JVM by {@link org.redress.engine.cpt.EmbeddedEngineRuntime}), and the management
 * endpoints CPT relies on: the controllable clock and the cluster purge.
 */
package org.redress.engine.cpt;
