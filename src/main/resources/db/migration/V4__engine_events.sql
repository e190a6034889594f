-- Timers and message correlation (engine part 2).

-- A timer of a waiting element (owner = the element instance whose scope it belongs to: the catch
-- event itself, the activity of a boundary event, the gateway of an event-based gateway, the
-- container of an event sub-process) or of a process's timer start event (no instance).
CREATE TABLE engine.timer (
    key                    bigint PRIMARY KEY,
    process_instance_key   bigint,
    element_instance_key   bigint,
    process_definition_key bigint      NOT NULL,
    bpmn_process_id        text        NOT NULL,
    target_element_id      text        NOT NULL,
    due_date               timestamptz NOT NULL,
    repetitions            int         NOT NULL, -- left after this one; -1 = unbounded
    cycle                  text,                 -- the cycle to compute the next due date from
    state                  text        NOT NULL, -- CREATED, TRIGGERED, CANCELED
    tenant_id              text        NOT NULL,
    created_at             timestamptz NOT NULL
);
CREATE INDEX timer_due_idx ON engine.timer (due_date) WHERE state = 'CREATED';
CREATE INDEX timer_pi_idx ON engine.timer (process_instance_key) WHERE state = 'CREATED';
CREATE INDEX timer_start_idx ON engine.timer (bpmn_process_id)
    WHERE state = 'CREATED' AND process_instance_key IS NULL;

CREATE TABLE engine.message_subscription (
    key                    bigint PRIMARY KEY,
    process_instance_key   bigint      NOT NULL,
    element_instance_key   bigint      NOT NULL,
    element_id             text        NOT NULL, -- the catching element
    process_definition_key bigint      NOT NULL,
    bpmn_process_id        text        NOT NULL,
    message_name           text        NOT NULL,
    correlation_key        text        NOT NULL,
    interrupting           boolean     NOT NULL,
    state                  text        NOT NULL, -- CREATED, CORRELATED, DELETED
    tenant_id              text        NOT NULL,
    created_at             timestamptz NOT NULL,
    last_updated           timestamptz NOT NULL
);
CREATE INDEX message_subscription_open_idx ON engine.message_subscription (message_name, correlation_key, key)
    WHERE state = 'CREATED';
CREATE INDEX message_subscription_pi_idx ON engine.message_subscription (process_instance_key);

-- Published messages kept for their time to live (buffered).
CREATE TABLE engine.message (
    key             bigint PRIMARY KEY,
    name            text        NOT NULL,
    correlation_key text        NOT NULL,
    message_id      text,
    variables       text        NOT NULL,
    tenant_id       text        NOT NULL,
    published_at    timestamptz NOT NULL,
    deadline        timestamptz NOT NULL
);
CREATE INDEX message_lookup_idx ON engine.message (name, correlation_key, key);
CREATE INDEX message_deadline_idx ON engine.message (deadline);

-- Every correlation; the primary key makes a message correlate at most once per process id.
CREATE TABLE engine.message_correlation (
    message_key            bigint      NOT NULL,
    bpmn_process_id        text        NOT NULL,
    subscription_key       bigint,
    process_instance_key   bigint      NOT NULL,
    process_definition_key bigint      NOT NULL,
    element_id             text        NOT NULL,
    element_instance_key   bigint,
    message_name           text        NOT NULL,
    correlation_key        text        NOT NULL,
    start_event            boolean     NOT NULL,
    tenant_id              text        NOT NULL,
    correlation_time       timestamptz NOT NULL,
    PRIMARY KEY (message_key, bpmn_process_id)
);
CREATE INDEX message_correlation_pi_idx ON engine.message_correlation (process_instance_key);

-- Message start events of the latest version of each process.
CREATE TABLE engine.message_start_subscription (
    process_definition_key bigint NOT NULL,
    bpmn_process_id        text   NOT NULL,
    element_id             text   NOT NULL,
    message_name           text   NOT NULL,
    tenant_id              text   NOT NULL,
    PRIMARY KEY (process_definition_key, element_id)
);
CREATE INDEX message_start_name_idx ON engine.message_start_subscription (message_name);
