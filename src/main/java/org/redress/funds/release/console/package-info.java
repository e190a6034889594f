/**
 * The finance page of the staff console (issue 10): rejected payouts waiting in the {@code
 * finance-ops} task of {@code fund-release}, resolved with the task's own form ({@code
 * resolve-payout.form}) through {@link org.redress.funds.release.PayoutResolutions}, the service
 * the finance API uses.
 */
package org.redress.funds.release.console;
