/**
 * Background passes: expired job leases and ended back-offs (SELECT ... FOR UPDATE SKIP LOCKED).
 */
package org.redress.engine.scheduler;
