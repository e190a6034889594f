/** Log context: the case id and process instance key on log lines where they are known. */
package org.redress.config.logging;
