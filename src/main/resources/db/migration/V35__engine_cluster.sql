-- Several app instances on one database (issue: engine ready for production load).
-- Live app instances: each writes its heartbeat every few seconds; an instance announces its
-- commits to the others (PostgreSQL NOTIFY) only while another one is alive.
CREATE TABLE engine.node (
    node_id      text PRIMARY KEY,
    started_at   timestamptz NOT NULL,
    heartbeat_at timestamptz NOT NULL
);

-- The engine clock shared by every instance (tests pin and move it; production leaves it alone):
-- pinned_at set = frozen at that instant, else system time plus offset_millis. One row.
CREATE TABLE engine.clock (
    id            int PRIMARY KEY CHECK (id = 1),
    pinned_at     timestamptz,
    offset_millis bigint NOT NULL DEFAULT 0
);
INSERT INTO engine.clock (id, pinned_at, offset_millis) VALUES (1, NULL, 0);
