-- Camunda user tasks and Camunda forms (engine part 2).

CREATE TABLE engine.form (
    key            bigint PRIMARY KEY,
    form_id        text        NOT NULL,
    version        int         NOT NULL,
    resource_name  text        NOT NULL,
    schema         text        NOT NULL,
    checksum       text        NOT NULL,
    deployment_key bigint      NOT NULL,
    tenant_id      text        NOT NULL,
    created_at     timestamptz NOT NULL,
    UNIQUE (tenant_id, form_id, version)
);

CREATE TABLE engine.user_task (
    key                     bigint PRIMARY KEY,
    element_instance_key    bigint      NOT NULL,
    process_instance_key    bigint      NOT NULL,
    process_definition_key  bigint      NOT NULL,
    bpmn_process_id         text        NOT NULL,
    version                 int         NOT NULL,
    element_id              text        NOT NULL,
    name                    text        NOT NULL,
    -- CREATING, CREATED, ASSIGNING, UPDATING, COMPLETING, COMPLETED, CANCELING, CANCELED
    state                   text        NOT NULL,
    assignee                text,
    candidate_groups        text[]      NOT NULL,
    candidate_users         text[]      NOT NULL,
    due_date                timestamptz,
    follow_up_date          timestamptz,
    priority                int         NOT NULL,
    form_key                bigint,
    external_form_reference text,
    custom_headers          text        NOT NULL,
    tenant_id               text        NOT NULL,
    creation_date           timestamptz NOT NULL,
    completion_date         timestamptz,
    -- a transition waiting for its task listeners: what was asked, and the listeners done so far
    pending                 text,
    listeners_done          int         NOT NULL DEFAULT 0
);
CREATE INDEX user_task_pi_idx ON engine.user_task (process_instance_key);
CREATE INDEX user_task_open_idx ON engine.user_task (creation_date)
    WHERE state NOT IN ('COMPLETED', 'CANCELED');
