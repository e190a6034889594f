-- Every state change of a user task, append-only, for auditors (who assigned, who completed,
-- which listener denied what, and when).
CREATE TABLE engine.user_task_event (
    key                  bigint PRIMARY KEY,
    user_task_key        bigint      NOT NULL,
    process_instance_key bigint      NOT NULL,
    element_id           text        NOT NULL,
    intent               text        NOT NULL, -- CREATING, CREATED, ASSIGNING, ASSIGNED, ...
    action               text,
    assignee             text,
    details              text,                 -- e.g. the denied reason, changed attributes
    tenant_id            text        NOT NULL,
    event_time           timestamptz NOT NULL
);
CREATE INDEX user_task_event_task_idx ON engine.user_task_event (user_task_key, key);
CREATE INDEX user_task_event_pi_idx ON engine.user_task_event (process_instance_key);
