/**
 * Human review of appeals: queues, claiming, decisions by a named reviewer, four-eyes checks and
 * SLA escalation.
 */
package org.redress.review;
