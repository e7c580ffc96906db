-- Issue 6 (core): the status a rescheduling proposal returns to when the other party declines it,
-- and the indexes of "my sessions" by person, status and time (see SessionQueries).
ALTER TABLE mentoring_sessions ADD rescheduled_from VARCHAR(16);
ALTER TABLE mentoring_sessions ADD CONSTRAINT ck_mentoring_sessions_rescheduled_from CHECK (rescheduled_from IS NULL
    OR rescheduled_from IN ('PENDING', 'PROPOSED', 'REQUESTED', 'CONFIRMED'));
CREATE INDEX ix_mentoring_sessions_mentor_status_date ON mentoring_sessions (mentor_id, status, scheduled_at);
CREATE INDEX ix_mentoring_sessions_mentee_status_date ON mentoring_sessions (mentee_id, status, scheduled_at);
