-- When an answer to a request for information reached the engine (message
-- appeal-information-provided). An answer stored but not announced (engine unavailable, crash after
-- the commit) is announced by the retry, as appeals are (org.redress.shared.handoff.EngineHandoff).
ALTER TABLE redress.appeal_information ADD COLUMN message_published_at timestamptz;

-- Answers stored before this column were announced in their request.
UPDATE redress.appeal_information SET message_published_at = provided_at;
