-- Issue 11: the mentorships of an institution or a department, newest first (the "Manage mentorships" page
-- and GET /api/v1/mentorships/managed, 25 a page). With only (institution_id, status), a database joined and
-- sorted every mentorship of the institution to show 25: 137-210 ms on PostgreSQL with 20,000 mentorships
-- (docs/performance.md). These let it read the first rows in order and stop.
CREATE INDEX ix_mentorships_institution_created ON mentorships (institution_id, created_at, id);
CREATE INDEX ix_mentorships_department_created ON mentorships (department_id, created_at, id);
