/** Processors for tasks: job-worker tasks, script tasks, pass-through tasks. */
package org.redress.engine.runtime.task;
