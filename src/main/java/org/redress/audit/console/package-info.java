/**
 * The staff console's auditor and admin pages (issue 10): case search with CSV and JSON export, the
 * case page (timeline, process instances with their diagrams, variables, notices, ledger, audit
 * chain), open incidents (ADMIN may update retries and resolve them, recorded in the audit trail)
 * and the dashboard. Read models use explicit SQL over Redress's tables ({@link CaseSearchQueries},
 * {@link DashboardQueries}, {@link CaseLedgerQueries}); the engine is reached only through the
 * Camunda client ({@link CaseInstances}, {@link OpenIncidents}), so the pages work unchanged
 * against a Camunda 8 cluster. AUDITOR and ADMIN read everything; ADMIN alone writes.
 */
package org.redress.audit.console;
