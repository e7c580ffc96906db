-- Issue 18 part 2: the support desk. An issue remembers the page it was reported from, is escalated to
-- the platform administrator by an institution administrator (escalated_at), and closes (CLOSED) beside
-- being resolved; abuse reports arrive as issues of category ABUSE that name the reported item
-- (item_kind, item_id, reported_user_id). first_response_at is the first answer of the staff that the
-- reporter sees; the two durations are kept in seconds when they happen, so that the queue averages them
-- with a plain AVG on H2, PostgreSQL and MariaDB alike (no vendor date arithmetic).
ALTER TABLE reported_issues ADD COLUMN page_path VARCHAR(500);
ALTER TABLE reported_issues ADD COLUMN escalated_at ${ts};
ALTER TABLE reported_issues ADD COLUMN escalated_by_id BIGINT;
ALTER TABLE reported_issues ADD COLUMN first_response_at ${ts};
ALTER TABLE reported_issues ADD COLUMN first_response_seconds BIGINT;
ALTER TABLE reported_issues ADD COLUMN resolution_seconds BIGINT;
ALTER TABLE reported_issues ADD COLUMN closed_at ${ts};
ALTER TABLE reported_issues ADD COLUMN item_kind VARCHAR(40);
ALTER TABLE reported_issues ADD COLUMN item_id BIGINT;
ALTER TABLE reported_issues ADD COLUMN reported_user_id BIGINT;
ALTER TABLE reported_issues ADD CONSTRAINT fk_reported_issues_escalated_by FOREIGN KEY (escalated_by_id) REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE reported_issues ADD CONSTRAINT fk_reported_issues_reported_user FOREIGN KEY (reported_user_id) REFERENCES users (id) ON DELETE SET NULL;

ALTER TABLE reported_issues DROP CONSTRAINT ck_reported_issues_status;
ALTER TABLE reported_issues ADD CONSTRAINT ck_reported_issues_status
    CHECK (status IN ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'));
ALTER TABLE reported_issues DROP CONSTRAINT ck_reported_issues_category;
ALTER TABLE reported_issues ADD CONSTRAINT ck_reported_issues_category
    CHECK (category IN ('ACCOUNT', 'MATCHING', 'SESSIONS', 'TECHNICAL', 'CONDUCT', 'ABUSE', 'OTHER'));

-- The queue: an institution's issues by status and age; the platform administrator's escalated ones.
CREATE INDEX ix_reported_issues_queue ON reported_issues (institution_id, status, created_at);
CREATE INDEX ix_reported_issues_escalated ON reported_issues (escalated_at, status);

