-- Funds ledger (module funds, schema redress). ARCHITECTURE.md section 6 and R-PAY-1..7:
-- money is integer minor units (bigint) with an ISO 4217 code, never a float or a decimal;
-- money lives in an append-only double-entry ledger whose balances are sums over lines, never a
-- stored column; holds are two-phase transfers (PENDING -> VOIDED | POSTED, at most once).
-- The database re-checks what the code already guarantees: every entry sums to zero per
-- currency, wallet accounts are never overdrawn, ledger and events are append-only, and a legal
-- hold is never resolved by this application.

-- A user's wallet on the platform. holder_name is the verified real name payouts must match
-- (R-PAY-3, R-CN-6).
CREATE TABLE redress.funds_wallet (
    wallet_id   text PRIMARY KEY,
    holder_name text        NOT NULL,
    created_at  timestamptz NOT NULL
);

-- Ledger accounts: per wallet and currency AVAILABLE, HELD (workflow holds), LEGAL_HOLD and
-- PAYOUT_PENDING; per currency the platform's PLATFORM_FUNDING (contra side of deposits, negative by
-- design) and PAYOUT_CLEARING (paid out, awaiting settlement with the provider).
CREATE TABLE redress.funds_account (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    wallet_id text REFERENCES redress.funds_wallet (wallet_id),
    kind      text NOT NULL CHECK (kind IN ('AVAILABLE', 'HELD', 'LEGAL_HOLD', 'PAYOUT_PENDING',
                                            'PLATFORM_FUNDING', 'PAYOUT_CLEARING')),
    currency  text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    CHECK ((wallet_id IS NULL) = (kind IN ('PLATFORM_FUNDING', 'PAYOUT_CLEARING'))),
    UNIQUE NULLS NOT DISTINCT (wallet_id, kind, currency),
    UNIQUE (id, currency)
);

-- A journal entry and its signed lines (positive raises the account's balance). idempotency_key
-- makes entries that come from outside (deposits) happen once.
CREATE TABLE redress.funds_entry (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('DEPOSIT', 'HOLD', 'VOID', 'POST')),
    case_id         text,
    description     text        NOT NULL,
    idempotency_key text UNIQUE,
    created_at      timestamptz NOT NULL
);

CREATE TABLE redress.funds_entry_line (
    entry_id     bigint   NOT NULL REFERENCES redress.funds_entry (id),
    line_no      smallint NOT NULL,
    account_id   bigint   NOT NULL,
    currency     text     NOT NULL,
    amount_minor bigint   NOT NULL CHECK (amount_minor <> 0),
    PRIMARY KEY (entry_id, line_no),
    -- the line's currency is its account's currency
    FOREIGN KEY (account_id, currency) REFERENCES redress.funds_account (id, currency)
);
-- Balances are SUM(amount_minor) per account: an index-only scan.
CREATE INDEX funds_entry_line_account_idx ON redress.funds_entry_line (account_id) INCLUDE (amount_minor);

-- Checked at commit, so an entry may be written line by line: it must have two lines or more and
-- sum to zero per currency.
CREATE FUNCTION redress.funds_assert_entry_balanced(entry bigint) RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    line_count int;
    unbalanced text;
BEGIN
    SELECT count(*) INTO line_count FROM redress.funds_entry_line WHERE entry_id = entry;
    IF line_count < 2 THEN
        RAISE EXCEPTION 'Expected journal entry % to have at least two lines, but it has %',
            entry, line_count USING ERRCODE = 'check_violation';
    END IF;
    SELECT string_agg(total || ' ' || currency, ', ') INTO unbalanced
      FROM (SELECT currency, sum(amount_minor) AS total
              FROM redress.funds_entry_line
             WHERE entry_id = entry
             GROUP BY currency
            HAVING sum(amount_minor) <> 0) AS sums;
    IF unbalanced IS NOT NULL THEN
        RAISE EXCEPTION 'Expected journal entry % to sum to zero per currency, but it sums to %',
            entry, unbalanced USING ERRCODE = 'check_violation';
    END IF;
END
$$;

CREATE FUNCTION redress.funds_entry_balanced() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM redress.funds_assert_entry_balanced(NEW.id);
    RETURN NULL;
END
$$;

CREATE FUNCTION redress.funds_entry_line_balanced() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM redress.funds_assert_entry_balanced(NEW.entry_id);
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER funds_entry_balanced
    AFTER INSERT ON redress.funds_entry
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION redress.funds_entry_balanced();

CREATE CONSTRAINT TRIGGER funds_entry_line_balanced
    AFTER INSERT ON redress.funds_entry_line
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION redress.funds_entry_line_balanced();

-- No overdraft of wallet accounts, checked at commit for every debited wallet account.
CREATE FUNCTION redress.funds_check_no_overdraft() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    balance bigint;
BEGIN
    IF NEW.amount_minor < 0
        AND EXISTS (SELECT 1 FROM redress.funds_account
                     WHERE id = NEW.account_id AND wallet_id IS NOT NULL) THEN
        SELECT sum(amount_minor) INTO balance
          FROM redress.funds_entry_line WHERE account_id = NEW.account_id;
        IF balance < 0 THEN
            RAISE EXCEPTION 'Expected wallet account % not to be overdrawn, but its balance is % %',
                NEW.account_id, balance, NEW.currency USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER funds_entry_line_no_overdraft
    AFTER INSERT ON redress.funds_entry_line
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION redress.funds_check_no_overdraft();

CREATE FUNCTION redress.funds_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'Expected % to be append-only, but got an %; correct with a new entry',
        TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER funds_entry_append_only BEFORE UPDATE OR DELETE ON redress.funds_entry
    FOR EACH ROW EXECUTE FUNCTION redress.funds_append_only();
CREATE TRIGGER funds_entry_line_append_only BEFORE UPDATE OR DELETE ON redress.funds_entry_line
    FOR EACH ROW EXECUTE FUNCTION redress.funds_append_only();

-- The funds side of a case: which wallet it freezes. Its row is the lock that serialises every
-- change to the case's holds, releases and payouts.
CREATE TABLE redress.funds_case (
    case_id    text PRIMARY KEY,
    wallet_id  text        NOT NULL REFERENCES redress.funds_wallet (wallet_id),
    created_at timestamptz NOT NULL
);

-- One release of a case; idempotency_key makes it happen once (R-PAY-3, R-PAY-4).
CREATE TABLE redress.funds_release (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id         text        NOT NULL REFERENCES redress.funds_case (case_id),
    idempotency_key text        NOT NULL UNIQUE,
    actor           text        NOT NULL,
    released_at     timestamptz NOT NULL
);

-- Two-phase holds (R-PAY-2). The amounts moved are in the entries; the hold records which entry
-- opened it and which one resolved it (at most one: the unique resolving_entry_id and the state
-- guard below).
CREATE TABLE redress.funds_hold (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id            text        NOT NULL REFERENCES redress.funds_case (case_id),
    kind               text        NOT NULL CHECK (kind IN ('WORKFLOW', 'LEGAL', 'PAYOUT')),
    currency           text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    amount_minor       bigint      NOT NULL CHECK (amount_minor > 0),
    reason             text        NOT NULL,
    idempotency_key    text UNIQUE,
    state              text        NOT NULL CHECK (state IN ('PENDING', 'VOIDED', 'POSTED')),
    pending_entry_id   bigint      NOT NULL UNIQUE REFERENCES redress.funds_entry (id),
    resolving_entry_id bigint UNIQUE REFERENCES redress.funds_entry (id),
    release_id         bigint REFERENCES redress.funds_release (id),
    review_at          timestamptz,
    created_at         timestamptz NOT NULL,
    resolved_at        timestamptz,
    CHECK ((state = 'PENDING') = (resolving_entry_id IS NULL)),
    CHECK ((state = 'PENDING') = (resolved_at IS NULL)),
    CHECK (release_id IS NULL OR (kind = 'WORKFLOW' AND state = 'VOIDED')),
    -- R-PAY-1: only the ordering authority lifts a legal hold, never this workflow.
    CHECK (kind <> 'LEGAL' OR state = 'PENDING')
);
CREATE INDEX funds_hold_case_idx ON redress.funds_hold (case_id, state);

-- A hold changes once, from PENDING to VOIDED or POSTED, and nothing but its resolution changes.
CREATE FUNCTION redress.funds_check_hold_transition() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.state <> 'PENDING'
        OR (OLD.id, OLD.case_id, OLD.kind, OLD.currency, OLD.amount_minor, OLD.reason,
            OLD.idempotency_key, OLD.pending_entry_id, OLD.review_at, OLD.created_at)
           IS DISTINCT FROM
           (NEW.id, NEW.case_id, NEW.kind, NEW.currency, NEW.amount_minor, NEW.reason,
            NEW.idempotency_key, NEW.pending_entry_id, NEW.review_at, NEW.created_at) THEN
        RAISE EXCEPTION 'Expected hold % to resolve once from PENDING, but got an % of a % hold',
            OLD.id, TG_OP, OLD.state USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE TRIGGER funds_hold_transition BEFORE UPDATE OR DELETE ON redress.funds_hold
    FOR EACH ROW EXECUTE FUNCTION redress.funds_check_hold_transition();

-- Payouts (R-PAY-3, R-PAY-4): the row and its key are committed before the gateway is called;
-- REQUESTED means "outcome unknown, resume with the same key".
CREATE TABLE redress.funds_payout (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id               text        NOT NULL REFERENCES redress.funds_case (case_id),
    idempotency_key       text        NOT NULL UNIQUE,
    destination_reference text        NOT NULL,
    holder_name           text        NOT NULL,
    currency              text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    amount_minor          bigint      NOT NULL CHECK (amount_minor > 0),
    hold_id               bigint      NOT NULL UNIQUE REFERENCES redress.funds_hold (id),
    status                text        NOT NULL CHECK (status IN ('REQUESTED', 'PAID', 'REJECTED')),
    gateway_reference     text,
    rejection_reason      text,
    requested_at          timestamptz NOT NULL,
    completed_at          timestamptz,
    CHECK ((status = 'REQUESTED') = (completed_at IS NULL)),
    CHECK ((status = 'PAID') = (gateway_reference IS NOT NULL)),
    CHECK ((status = 'REJECTED') = (rejection_reason IS NOT NULL))
);
-- At most one payout with an unknown outcome per case and currency.
CREATE UNIQUE INDEX funds_payout_in_flight_idx ON redress.funds_payout (case_id, currency)
    WHERE status = 'REQUESTED';

-- Audit events of the funds module (append-only; the audit module will consolidate them).
CREATE TABLE redress.funds_event (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id         text,
    wallet_id       text,
    type            text        NOT NULL,
    hold_id         bigint,
    currency        text,
    amount_minor    bigint,
    actor           text        NOT NULL,
    detail          text,
    idempotency_key text,
    occurred_at     timestamptz NOT NULL,
    CHECK ((currency IS NULL) = (amount_minor IS NULL))
);
CREATE INDEX funds_event_case_idx ON redress.funds_event (case_id, id);

CREATE TRIGGER funds_event_append_only BEFORE UPDATE OR DELETE ON redress.funds_event
    FOR EACH ROW EXECUTE FUNCTION redress.funds_append_only();

-- The local payment provider's own records (redress.funds.payout-gateway=local): one payout per
-- idempotency key, as a real provider keeps them.
CREATE TABLE redress.funds_gateway_payout (
    idempotency_key       text PRIMARY KEY,
    case_id               text        NOT NULL,
    destination_reference text        NOT NULL,
    holder_name           text        NOT NULL,
    currency              text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    amount_minor          bigint      NOT NULL CHECK (amount_minor > 0),
    gateway_reference     text        NOT NULL UNIQUE,
    received_at           timestamptz NOT NULL
);
