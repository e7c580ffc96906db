-- Enumerations must match exactly. MariaDB/MySQL compare strings with the database's collation, so with
-- a case-insensitive one (utf8mb4_unicode_ci) a CHECK (status IN ('ACTIVE', ...)) would accept 'active'.
-- A binary collation on each enumerated column makes the check exact, as on PostgreSQL and H2.

ALTER TABLE institutions MODIFY kind VARCHAR(16) COLLATE utf8mb4_bin DEFAULT 'UNIVERSITY' NOT NULL;
ALTER TABLE roles MODIFY name VARCHAR(32) COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE users MODIFY status VARCHAR(16) COLLATE utf8mb4_bin DEFAULT 'INVITED' NOT NULL;
ALTER TABLE user_profiles MODIFY preferred_communication VARCHAR(16) COLLATE utf8mb4_bin NULL;
ALTER TABLE user_profiles MODIFY visibility VARCHAR(16) COLLATE utf8mb4_bin DEFAULT 'INSTITUTION' NOT NULL;
ALTER TABLE user_profiles MODIFY onboarding_status VARCHAR(16) COLLATE utf8mb4_bin DEFAULT 'NOT_STARTED' NOT NULL;
ALTER TABLE student_profiles MODIFY risk_level VARCHAR(8) COLLATE utf8mb4_bin DEFAULT 'LOW' NOT NULL;
ALTER TABLE user_tags MODIFY kind VARCHAR(16) COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE mentorships MODIFY status VARCHAR(16) COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE mentoring_sessions MODIFY status VARCHAR(16) COLLATE utf8mb4_bin DEFAULT 'PENDING' NOT NULL;
ALTER TABLE mentoring_sessions MODIFY mode VARCHAR(16) COLLATE utf8mb4_bin DEFAULT 'ONLINE' NOT NULL;
ALTER TABLE mentoring_sessions MODIFY attendance VARCHAR(16) COLLATE utf8mb4_bin NULL;
ALTER TABLE action_items MODIFY status VARCHAR(16) COLLATE utf8mb4_bin DEFAULT 'PENDING' NOT NULL;
ALTER TABLE session_feedback MODIFY type VARCHAR(24) COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE session_feedback MODIFY visibility VARCHAR(16) COLLATE utf8mb4_bin DEFAULT 'SHARED' NOT NULL;
ALTER TABLE goals MODIFY category VARCHAR(16) COLLATE utf8mb4_bin DEFAULT 'OTHER' NOT NULL;
ALTER TABLE goals MODIFY status VARCHAR(16) COLLATE utf8mb4_bin DEFAULT 'NOT_STARTED' NOT NULL;
ALTER TABLE goal_updates MODIFY status VARCHAR(16) COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE attachments MODIFY related_type VARCHAR(16) COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE resources MODIFY type VARCHAR(16) COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE milestone_logs MODIFY type VARCHAR(16) COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE group_memberships MODIFY role VARCHAR(16) COLLATE utf8mb4_bin DEFAULT 'MEMBER' NOT NULL;
ALTER TABLE proxy_requests MODIFY status VARCHAR(16) COLLATE utf8mb4_bin DEFAULT 'PENDING' NOT NULL;
ALTER TABLE support_chat_messages MODIFY sentiment VARCHAR(16) COLLATE utf8mb4_bin NULL;
ALTER TABLE user_connections MODIFY status VARCHAR(16) COLLATE utf8mb4_bin DEFAULT 'PENDING' NOT NULL;
ALTER TABLE reported_issues MODIFY status VARCHAR(16) COLLATE utf8mb4_bin DEFAULT 'OPEN' NOT NULL;
ALTER TABLE reported_issues MODIFY priority VARCHAR(8) COLLATE utf8mb4_bin DEFAULT 'NORMAL' NOT NULL;
ALTER TABLE reported_issues MODIFY category VARCHAR(16) COLLATE utf8mb4_bin DEFAULT 'OTHER' NOT NULL;
ALTER TABLE alerts MODIFY severity VARCHAR(8) COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE alerts MODIFY category VARCHAR(16) COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE alerts MODIFY status VARCHAR(16) COLLATE utf8mb4_bin DEFAULT 'OPEN' NOT NULL;
