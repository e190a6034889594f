-- Notices to users (module notice, schema redress), R-EU-4, R-EU-9, R-OPS-4. A notice is rendered
-- and stored in the outbox in the transaction of the step that sends it (never lost), once per
-- idempotency key (never sent twice), and delivered afterwards by the dispatcher with retries.
CREATE TABLE redress.notice_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    idempotency_key text        NOT NULL UNIQUE,
    case_id         text        NOT NULL,
    account_id      text        NOT NULL,
    kind            text        NOT NULL,
    locale          text        NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED')),
    attempts        integer     NOT NULL DEFAULT 0,
    last_error      text,
    next_attempt_at timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz
);
CREATE INDEX notice_outbox_case_idx ON redress.notice_outbox (case_id, id);
CREATE INDEX notice_outbox_due_idx ON redress.notice_outbox (next_attempt_at) WHERE status = 'PENDING';

-- The in-app inbox (channel "local"): what the user reads in the app, one row per notice.
CREATE TABLE redress.notice_inbox (
    notice_id  bigint PRIMARY KEY REFERENCES redress.notice_outbox (id),
    account_id text        NOT NULL,
    subject    text        NOT NULL,
    body       text        NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX notice_inbox_account_idx ON redress.notice_inbox (account_id, created_at);
