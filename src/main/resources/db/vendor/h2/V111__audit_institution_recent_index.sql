-- The audit log viewer reads an institution's rows newest first (ORDER BY institution_id DESC,
-- created_at DESC, id DESC, audit.AuditLog). PostgreSQL and MariaDB read the ascending index of V33
-- backwards; H2 can too, but its planner does not count that as sorted and, for a query that reads
-- every column, took the foreign key's index on institution_id and sorted the institution's every row
-- (1,250,000 at full scale: 10-20 s a page, docs/performance.md). The same index, in the query's order.
DROP INDEX ix_audit_logs_institution_created;
CREATE INDEX ix_audit_logs_institution_created ON audit_logs (institution_id DESC, created_at DESC, id DESC);
