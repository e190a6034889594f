-- Verified payout destinations (adapter "local" of PayoutDestinations, module funds): the bank card
-- or account the platform verified in the wallet holder's own name, per account and currency
-- (R-PAY-3, R-CN-6). verified_at is when the platform last re-verified the user's identity.
CREATE TABLE redress.funds_payout_destination (
    account_id        text        NOT NULL,
    currency          text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    account_reference text        NOT NULL,
    holder_name       text        NOT NULL,
    verified_at       timestamptz,
    PRIMARY KEY (account_id, currency)
);
