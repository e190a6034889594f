-- Audit trail (module audit, schema redress), R-OPS-1, R-OPS-2: every step of a case with actor,
-- time and what happened. Tamper-evident: each event's hash covers the previous event of the case
-- and its own content, and the table is append-only (a trigger refuses UPDATE and DELETE).
CREATE TABLE redress.audit_event (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id         text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    actor           text        NOT NULL,
    actor_type      text        NOT NULL CHECK (actor_type IN ('PERSON', 'SYSTEM', 'INTEGRATION', 'APPELLANT')),
    action          text        NOT NULL,
    summary         text        NOT NULL,
    details         jsonb       NOT NULL,
    idempotency_key text UNIQUE,
    prev_hash       text,
    hash            text        NOT NULL
);
CREATE INDEX audit_event_case_idx ON redress.audit_event (case_id, id);

CREATE FUNCTION redress.audit_event_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'Expected redress.audit_event to be append-only, but a % was attempted', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON redress.audit_event
    FOR EACH ROW EXECUTE FUNCTION redress.audit_event_append_only();
