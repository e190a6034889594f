/** Tamper-evident audit trail, case history, exports and transparency reporting. */
package org.redress.audit;
