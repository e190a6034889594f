-- Reviewer console (issue 10): the queue reads appeals by their appeal-review process instance, and
-- "My decisions" reads decision rounds by decider and approver (names compared case-insensitively,
-- as the service records the configured username).
CREATE INDEX appeal_review_process_idx ON redress.appeal (review_process_instance_key);
CREATE INDEX review_decision_decided_by_idx ON redress.review_decision (lower(decided_by), decided_at);
CREATE INDEX review_decision_approved_by_idx ON redress.review_decision (lower(approved_by))
    WHERE approved_by IS NOT NULL;
