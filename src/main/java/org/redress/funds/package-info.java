/**
 * Wallet holds as ledger entries, legal holds, and idempotent release and payout of frozen money
 * (R-PAY-1..4, R-PAY-7, R-CN-5, R-CN-6). The module API is {@link org.redress.funds.FundsService};
 * everything else a caller needs are its command and result records.
 *
 * <p>Ledger: a double-entry journal ({@code funds_entry}, {@code funds_entry_line}) over accounts
 * per wallet and currency ({@link org.redress.funds.AccountKind}: AVAILABLE, HELD, LEGAL_HOLD,
 * PAYOUT_PENDING) and per currency for the platform (PLATFORM_FUNDING, PAYOUT_CLEARING). Lines are
 * signed integer minor units; every entry sums to zero per currency; balances are sums over lines,
 * never stored; nothing is updated or deleted, corrections are new entries. Code and database both
 * enforce the zero sum, no overdraft of wallet accounts, and append-only.
 *
 * <p>Holds ({@link org.redress.funds.Hold}) are two-phase transfers: PENDING (available → the
 * kind's account), then at most once VOIDED (back to available) or POSTED (on to payout clearing).
 * Kinds: WORKFLOW (this workflow's freeze), LEGAL (an authority's order; never resolved here, the
 * database forbids it) and PAYOUT (money of a payout in flight). Frozen = pending workflow + legal
 * holds; releasable = frozen − legally held; {@code release} voids the pending workflow holds once
 * per idempotency key; {@code payout} stores its key and a payout hold before it calls the {@link
 * org.redress.funds.PayoutGateway} and posts or voids that hold on the answer.
 *
 * <p>Reading order: {@code FundsService} → {@code FundsRepository} → {@code V7__funds_ledger.sql} →
 * {@code PayoutGateway} and its local and HTTP implementations ({@code FundsConfiguration}).
 */
package org.redress.funds;
