/**
 * The {@code fund-release} process: releasing a case's frozen money (voiding the workflow holds;
 * legal holds stay), paying it out to the verified same-name destination when the account stays
 * restricted, a finance task when the payout is rejected, and the release notice.
 */
package org.redress.funds.release;
