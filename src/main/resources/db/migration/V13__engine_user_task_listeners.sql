-- Canceling task listeners and user task commands that answer once their listeners decided.

-- What to start once this element has finished terminating (the boundary event that interrupted
-- it), or, on a scope whose children are being terminated, once the last of them has (the
-- interrupting event sub-process): {"kind","elementId","payload","asLocals"}. Only set while a
-- termination waits for canceling task listeners.
ALTER TABLE engine.element_instance ADD COLUMN pending_trigger jsonb;

-- The transition an event belongs to: the key of the event that started it (CREATING, ASSIGNING,
-- UPDATING, COMPLETING, CANCELING). A user task command waits for the event that ends its
-- transition (ASSIGNED, UPDATED, COMPLETED or *_DENIED) and finds it by this key, also when
-- another app instance finished the transition.
ALTER TABLE engine.user_task_event ADD COLUMN transition_key bigint;
CREATE INDEX user_task_event_transition_idx ON engine.user_task_event (transition_key)
    WHERE transition_key IS NOT NULL;
