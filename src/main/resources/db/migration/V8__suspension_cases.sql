-- Suspension cases (module suspension, schema redress). One case = one restriction decision of the
-- platform, identified by the platform's decision id (idempotency key of the intake, R-TDB-2).
-- The statement of reasons is stored complete before the restriction takes effect (R-EU-1..4):
-- the intake refuses an incomplete one, and the NOT NULL columns below re-check it.

CREATE TABLE redress.suspension_case (
    case_id              text PRIMARY KEY,
    platform_decision_id text        NOT NULL UNIQUE
        CHECK (platform_decision_id ~ '^[A-Za-z0-9_-]+$' AND length(platform_decision_id) <= 500),
    account_id           text        NOT NULL,
    account_name         text        NOT NULL,
    locale               text        NOT NULL,
    wallet_id            text,
    category             text        NOT NULL,
    ground_type          text        NOT NULL CHECK (ground_type IN ('CONTRACTUAL', 'ILLEGAL')),
    ground_reference     text        NOT NULL,
    ground_explanation   text        NOT NULL,
    facts                text        NOT NULL,
    automated_detection  boolean     NOT NULL,
    automated_decision   boolean     NOT NULL,
    source               text        NOT NULL,
    imposed_by           text        NOT NULL,
    imposed_at           timestamptz NOT NULL,
    appeal_deadline      timestamptz NOT NULL,
    status               text        NOT NULL,
    process_instance_key bigint,
    -- who is starting the process right now (no row lock is held across the engine call)
    process_start_claimed_at timestamptz,
    created_at           timestamptz NOT NULL,
    notified_at          timestamptz,
    closed_at            timestamptz
);
CREATE INDEX suspension_case_account_idx ON redress.suspension_case (account_id);

-- The measures of a case with their scope and end (R-EU-3). ends_at NULL = indefinite.
CREATE TABLE redress.suspension_measure (
    case_id             text        NOT NULL REFERENCES redress.suspension_case (case_id),
    measure_no          smallint    NOT NULL,
    type                text        NOT NULL CHECK (type IN ('ACCOUNT', 'MONETARY', 'SERVICE', 'VISIBILITY')),
    scope               text        NOT NULL,
    territorial_scope   text        NOT NULL,
    starts_at           timestamptz NOT NULL,
    ends_at             timestamptz CHECK (ends_at IS NULL OR ends_at >= starts_at),
    amount_minor        bigint CHECK (amount_minor IS NULL OR amount_minor > 0),
    currency            text CHECK (currency IS NULL OR currency ~ '^[A-Z]{3}$'),
    legal_hold_minor    bigint CHECK (legal_hold_minor IS NULL OR legal_hold_minor > 0),
    legal_reference     text,
    PRIMARY KEY (case_id, measure_no),
    CHECK (type = 'MONETARY' OR amount_minor IS NULL),
    CHECK ((amount_minor IS NULL) = (currency IS NULL)),
    CHECK ((legal_hold_minor IS NULL) = (legal_reference IS NULL)),
    CHECK (legal_hold_minor IS NULL OR (amount_minor IS NOT NULL AND legal_hold_minor <= amount_minor))
);

-- Case status changes (R-OPS-1): every transition with actor and reason, append-only.
CREATE TABLE redress.suspension_case_transition (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id     text        NOT NULL REFERENCES redress.suspension_case (case_id),
    from_status text,
    to_status   text        NOT NULL,
    actor       text        NOT NULL,
    reason      text        NOT NULL,
    occurred_at timestamptz NOT NULL
);
CREATE INDEX suspension_case_transition_case_idx ON redress.suspension_case_transition (case_id, id);

-- The local account system (adapter "local" of AccountSystem): the platform's accounts as Redress
-- sees them, and which case restricts what. A restriction row per case and measure type; lifting
-- sets lifted_at, so re-running a step changes nothing.
CREATE TABLE redress.account (
    account_id   text PRIMARY KEY,
    display_name text        NOT NULL,
    created_at   timestamptz NOT NULL
);

CREATE TABLE redress.account_restriction (
    account_id   text        NOT NULL REFERENCES redress.account (account_id),
    case_id      text        NOT NULL,
    measure_type text        NOT NULL,
    scope        text        NOT NULL,
    ends_at      timestamptz,
    applied_at   timestamptz NOT NULL,
    lifted_at    timestamptz,
    lift_reason  text,
    PRIMARY KEY (case_id, measure_type)
);
CREATE INDEX account_restriction_account_idx ON redress.account_restriction (account_id);
