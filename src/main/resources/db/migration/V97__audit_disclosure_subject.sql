-- Issue 22 part 4, the FERPA disclosure log: the audit log is that log (no second one). A read of a student's
-- education record by someone else names the student as the row's subject, so that the student's own list of
-- disclosures is one indexed read of the audit log.
ALTER TABLE audit_logs ADD COLUMN subject_user_id BIGINT;
CREATE INDEX ix_audit_logs_subject ON audit_logs (subject_user_id, created_at);
