-- Issue 18 part 1: the resource library. A comment removed by a moderator stays as a tombstone
-- (removed_at and removed_by_id set, its text blanked), so that the thread keeps its shape; the
-- library is listed newest first per institution; each institution decides whether its mentors may
-- add resources (resource_settings, one row per institution that changed the default: no).
ALTER TABLE resource_comments ADD COLUMN removed_at ${ts};
ALTER TABLE resource_comments ADD COLUMN removed_by_id BIGINT;
ALTER TABLE resource_comments ADD COLUMN edited_at ${ts};

CREATE INDEX ix_resources_library ON resources (institution_id, is_published, created_at);

CREATE TABLE resource_settings (
    institution_id    BIGINT PRIMARY KEY,
    mentors_may_add   BOOLEAN DEFAULT FALSE NOT NULL,
    updated_at        ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_resource_settings_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE CASCADE
);
