-- Issue 21, the program dashboard's "time from a session's request to its confirmation": when a session was
-- first confirmed (CONFIRMED), set by the session module in the same write as the status. NULL for a session
-- never confirmed, and for the sessions confirmed before this column existed (their time was not kept).
ALTER TABLE mentoring_sessions ADD COLUMN confirmed_at ${ts};
CREATE INDEX ix_mentoring_sessions_confirmed ON mentoring_sessions (confirmed_at);
