-- Review decisions (module review, schema redress), R-EU-6/7: a named human decider, a rationale and
-- a policy reference on record; four-eyes approval above the threshold (R-PAY-5).
-- One row per decision round (one review user task) of an appeal: REQUEST_INFO rounds and rejected
-- approvals stay on record. question/reply_by: what a REQUEST_INFO round asks and until when.

CREATE TABLE redress.review_decision (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    appeal_id           text        NOT NULL REFERENCES redress.appeal (appeal_id),
    case_id             text        NOT NULL REFERENCES redress.suspension_case (case_id),
    round               integer     NOT NULL,
    outcome             text        NOT NULL CHECK (outcome IN ('OVERTURN', 'UPHOLD', 'MODIFY', 'REQUEST_INFO',
                                                               'INADMISSIBLE', 'MANIFESTLY_UNFOUNDED')),
    rationale           text        NOT NULL CHECK (length(btrim(rationale)) > 0),
    policy_reference    text        NOT NULL CHECK (length(btrim(policy_reference)) > 0),
    restriction_ends_at timestamptz,
    question            text,
    reply_by            timestamptz,
    decided_by          text        NOT NULL,
    decided_at          timestamptz NOT NULL,
    user_task_key       bigint      NOT NULL,
    four_eyes_required  boolean     NOT NULL,
    approved_by         text,
    approved_at         timestamptz,
    approval_comment    text,
    status              text        NOT NULL CHECK (status IN ('PROPOSED', 'APPROVED', 'REJECTED', 'FINAL')),
    UNIQUE (appeal_id, round),
    UNIQUE (user_task_key),
    CHECK (approved_by IS NULL OR approved_by <> decided_by)
);
CREATE INDEX review_decision_case_idx ON redress.review_decision (case_id);
