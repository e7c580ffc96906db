-- Issue 11: the sessions of an institution or a department in time order ("upcoming sessions" on the
-- administrator's and coordinator's dashboards, the attendance view). With only (status, scheduled_at),
-- a database sorted every upcoming session of the institution to show eight: 1.6 s on PostgreSQL with
-- 1,000,000 sessions, 26 ms with this index (docs/performance.md).
CREATE INDEX ix_mentoring_sessions_scheduled ON mentoring_sessions (scheduled_at);
