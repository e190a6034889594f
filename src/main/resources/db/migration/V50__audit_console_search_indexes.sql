-- Indexes of the staff console's case search and dashboard (module audit, issue 10): cases are
-- listed newest first and looked up by their root process instance (incident -> case); appeals,
-- decisions and the audit actions the search filters on are found per case.
CREATE INDEX suspension_case_created_idx ON redress.suspension_case (created_at DESC, case_id);
CREATE INDEX suspension_case_process_instance_idx ON redress.suspension_case (process_instance_key);
CREATE INDEX appeal_case_idx ON redress.appeal (case_id, filed_at DESC);
CREATE INDEX appeal_decided_idx ON redress.appeal (decided_at) WHERE decided_at IS NOT NULL;
CREATE INDEX review_decision_decider_idx ON redress.review_decision (decided_by, case_id);
-- SLA breaches (REVIEW_ESCALATED) and four-eyes triage results (APPEAL_TRIAGED) per case
CREATE INDEX audit_event_action_case_idx ON redress.audit_event (action, case_id)
    WHERE action IN ('REVIEW_ESCALATED', 'APPEAL_TRIAGED');
CREATE INDEX funds_entry_case_idx ON redress.funds_entry (case_id, id);
