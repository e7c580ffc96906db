-- Issue 16 (parts 1, 3 and 5): alerts become cases. A student may be shown an alert and its outcome
-- (visible_to_student, off by default); the first acknowledgement and the one escalation of an alert
-- left unacknowledged past its severity's response time are recorded (escalated_at makes the
-- escalation job idempotent); open_key is the source of a rule's alert while the case is open and NULL
-- once it is closed, so that the unique index below stops a second open alert for the same student
-- and source (NULLs never collide, on H2, PostgreSQL and MariaDB alike).
ALTER TABLE alerts ADD COLUMN visible_to_student BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE alerts ADD COLUMN acknowledged_at ${ts};
ALTER TABLE alerts ADD COLUMN escalated_at ${ts};
ALTER TABLE alerts ADD COLUMN open_key VARCHAR(200);

CREATE UNIQUE INDEX uq_alerts_open_key ON alerts (student_id, open_key);

-- The triage queue: an institution's (or, joined to the student, a department's) alerts by status,
-- newest or oldest first; "my cases" by owner and by whoever raised them; the escalation job's
-- unacknowledged, not yet escalated alerts by age.
CREATE INDEX ix_alerts_queue ON alerts (institution_id, status, created_at);
CREATE INDEX ix_alerts_raised_by ON alerts (raised_by_id, status);
CREATE INDEX ix_alerts_escalation ON alerts (status, escalated_at, created_at);

-- The rows the demo wrote before: a rule's open alert keeps its source as its open key.
UPDATE alerts SET open_key = source_ref WHERE source_ref IS NOT NULL AND status IN ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS');
