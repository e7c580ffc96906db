-- Issue 11: the members of a department (the administrator's dashboard counts them per department, the
-- people list filters by department). PostgreSQL does not index a foreign key by itself, so each count
-- read all 50,000 users of the data set (docs/performance.md).
CREATE INDEX ix_users_department ON users (department_id);
