/**
 * Handing stored work to the engine after its transaction committed, and retrying what did not get
 * there: one mechanism for every "store first, then tell the engine" step (a case's process start,
 * an appeal's announcement).
 */
package org.redress.shared.handoff;
