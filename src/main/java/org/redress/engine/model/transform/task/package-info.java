/** Deploy time of tasks: job worker, script, receive, user and pass-through tasks. */
package org.redress.engine.model.transform.task;
