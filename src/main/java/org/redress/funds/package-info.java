/**
 * Wallet holds as ledger entries, legal holds, and idempotent release and payout of frozen money.
 */
package org.redress.funds;
