-- The case history reads a process instance's user task events in key order, page by page
-- (audit.CaseHistoryService through engine.UserTaskHistory).
CREATE INDEX user_task_event_pi_key_idx ON engine.user_task_event (process_instance_key, key);
