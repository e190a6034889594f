-- Taken sequence flows, for the process-instance sequence-flows endpoint (Camunda Process Test
-- reads it for its coverage report) and for auditors who want to see the path an instance took.
CREATE TABLE engine.sequence_flow (
    key                    bigint PRIMARY KEY,
    process_instance_key   bigint      NOT NULL,
    process_definition_key bigint      NOT NULL,
    bpmn_process_id        text        NOT NULL,
    flow_id                text        NOT NULL,
    flow_scope_key         bigint      NOT NULL,
    tenant_id              text        NOT NULL,
    taken_at               timestamptz NOT NULL
);
CREATE INDEX sequence_flow_pi_idx ON engine.sequence_flow (process_instance_key);
