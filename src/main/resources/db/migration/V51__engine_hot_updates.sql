-- Engine hot path (issue 11, EngineBenchmark): element instance updates without index writes.
--
-- An element instance row is inserted when the element activates and updated when it completes or
-- terminates (state, end_date, taken_flows, pending_trigger). The partial index on active elements
-- named `state` in its predicate, so every such update wrote new entries into every index of the
-- table. Without it no index covers an updated column, and PostgreSQL can update the row in place
-- on its page (a HOT update) when the page has room, which the lower fill factor keeps for rows
-- inserted shortly before. Loading an instance's active elements uses element_instance_pi_idx
-- (process_instance_key, start_date) and filters by state: an instance has few element rows.
DROP INDEX IF EXISTS engine.element_instance_active_idx;
ALTER TABLE engine.element_instance SET (fillfactor = 80);
