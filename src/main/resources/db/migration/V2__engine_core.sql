-- Embedded engine state (schema engine). Runtime and history share tables: an element instance row
-- stays after it ends, so searches read the same rows the runtime writes (immediate consistency).

-- 64-bit keys shaped like Zeebe's partition-1 keys ((1 << 51) + n). The engine reserves them in
-- blocks of 1000 (see KeyGenerator); an unused block after a crash is simply skipped.
CREATE SEQUENCE engine.key_seq START WITH 2251799813685249 INCREMENT BY 1000;

CREATE TABLE engine.deployment (
    key         bigint PRIMARY KEY,
    tenant_id   text        NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE engine.process_definition (
    key             bigint PRIMARY KEY,
    bpmn_process_id text        NOT NULL,
    version         int         NOT NULL,
    name            text,
    version_tag     text,
    resource_name   text        NOT NULL,
    bpmn_xml        text        NOT NULL,
    checksum        text        NOT NULL,
    deployment_key  bigint      NOT NULL REFERENCES engine.deployment (key),
    tenant_id       text        NOT NULL,
    created_at      timestamptz NOT NULL,
    UNIQUE (tenant_id, bpmn_process_id, version)
);

-- One row per element instance, including the process instance itself (type PROCESS, key =
-- process instance key). The PROCESS row is the lock that serialises commands on an instance.
CREATE TABLE engine.element_instance (
    key                         bigint PRIMARY KEY,
    process_instance_key        bigint      NOT NULL,
    process_definition_key      bigint      NOT NULL,
    bpmn_process_id             text        NOT NULL,
    version                     int         NOT NULL,
    element_id                  text        NOT NULL,
    element_name                text        NOT NULL,
    type                        text        NOT NULL,
    flow_scope_key              bigint      NOT NULL,
    state                       text        NOT NULL,
    start_date                  timestamptz NOT NULL,
    end_date                    timestamptz,
    parent_process_instance_key bigint,
    parent_element_instance_key bigint,
    tenant_id                   text        NOT NULL,
    -- per parallel join in this scope: taken-but-unconsumed incoming flows {"gatewayId":{"flowId":n}}
    taken_flows                 jsonb
);
CREATE INDEX element_instance_active_idx ON engine.element_instance (process_instance_key)
    WHERE state IN ('ACTIVATING', 'ACTIVATED', 'COMPLETING', 'TERMINATING');
CREATE INDEX element_instance_pi_idx ON engine.element_instance (process_instance_key, start_date);
CREATE INDEX element_instance_process_idx ON engine.element_instance (start_date) WHERE type = 'PROCESS';

CREATE TABLE engine.variable (
    key                  bigint PRIMARY KEY,
    scope_key            bigint NOT NULL,
    process_instance_key bigint NOT NULL,
    name                 text   NOT NULL,
    value                text   NOT NULL, -- the value as JSON text
    tenant_id            text   NOT NULL,
    UNIQUE (scope_key, name)
);
CREATE INDEX variable_pi_idx ON engine.variable (process_instance_key);

CREATE TABLE engine.job (
    key                    bigint PRIMARY KEY,
    type                   text        NOT NULL,
    -- runtime state: ACTIVATABLE, ACTIVATED, FAILED, ERROR_THROWN, COMPLETED, CANCELED
    state                  text        NOT NULL,
    -- last event, as the REST job search reports it: CREATED, COMPLETED, FAILED, TIMED_OUT, ...
    intent                 text        NOT NULL,
    kind                   text        NOT NULL,
    listener_event_type    text        NOT NULL,
    retries                int         NOT NULL,
    worker                 text,
    deadline               timestamptz,
    recur_at               timestamptz,
    error_message          text,
    error_code             text,
    custom_headers         text        NOT NULL,
    element_id             text        NOT NULL,
    element_instance_key   bigint      NOT NULL,
    -- the element instance and its flow scopes, innermost first: the variable scopes of the job
    scope_keys             bigint[]    NOT NULL,
    process_instance_key   bigint      NOT NULL,
    process_definition_key bigint      NOT NULL,
    bpmn_process_id        text        NOT NULL,
    version                int         NOT NULL,
    tenant_id              text        NOT NULL,
    has_failed_with_retries_left boolean NOT NULL DEFAULT false,
    created_at             timestamptz NOT NULL,
    end_time               timestamptz
);
CREATE INDEX job_activatable_idx ON engine.job (type, key) WHERE state = 'ACTIVATABLE';
CREATE INDEX job_deadline_idx ON engine.job (deadline) WHERE state = 'ACTIVATED';
CREATE INDEX job_recur_idx ON engine.job (recur_at) WHERE state = 'FAILED' AND recur_at IS NOT NULL;
CREATE INDEX job_pi_idx ON engine.job (process_instance_key);

CREATE TABLE engine.incident (
    key                    bigint PRIMARY KEY,
    error_type             text        NOT NULL,
    error_message          text        NOT NULL,
    state                  text        NOT NULL, -- ACTIVE, RESOLVED
    element_id             text        NOT NULL,
    element_instance_key   bigint      NOT NULL,
    job_key                bigint,
    process_instance_key   bigint      NOT NULL,
    process_definition_key bigint      NOT NULL,
    bpmn_process_id        text        NOT NULL,
    tenant_id              text        NOT NULL,
    creation_time          timestamptz NOT NULL,
    resolved_time          timestamptz
);
CREATE INDEX incident_active_pi_idx ON engine.incident (process_instance_key) WHERE state = 'ACTIVE';
CREATE INDEX incident_element_idx ON engine.incident (element_instance_key) WHERE state = 'ACTIVE';
