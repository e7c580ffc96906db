-- Working-mother support, issue 19 parts 1 and 2: which milestones the mother shares with her mentor,
-- private support groups with pending memberships and a per-membership notification choice, and each
-- group's discussion (posts and replies, removed by moderators as tombstones).

ALTER TABLE milestone_logs ADD COLUMN shared_with_mentor BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE milestone_logs ADD COLUMN updated_at ${ts};

ALTER TABLE support_groups ADD COLUMN is_private BOOLEAN DEFAULT FALSE NOT NULL;

ALTER TABLE group_memberships ADD COLUMN status VARCHAR(16) DEFAULT 'ACTIVE' NOT NULL;
ALTER TABLE group_memberships ADD COLUMN notify_posts BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE group_memberships ADD CONSTRAINT ck_group_memberships_status CHECK (status IN ('ACTIVE', 'PENDING'));
CREATE INDEX ix_group_memberships_user ON group_memberships (user_id, status);

CREATE TABLE group_posts (
    id             ${id} PRIMARY KEY,
    group_id       BIGINT NOT NULL,
    author_id      BIGINT,
    parent_id      BIGINT,
    body           ${text} NOT NULL,
    removed_at     ${ts},
    removed_by_id  BIGINT,
    created_at     ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_group_posts_group FOREIGN KEY (group_id) REFERENCES support_groups (id) ON DELETE CASCADE,
    CONSTRAINT fk_group_posts_author FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT fk_group_posts_parent FOREIGN KEY (parent_id) REFERENCES group_posts (id) ON DELETE CASCADE,
    CONSTRAINT fk_group_posts_removed_by FOREIGN KEY (removed_by_id) REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX ix_group_posts_group ON group_posts (group_id, created_at);
CREATE INDEX ix_group_posts_parent ON group_posts (parent_id);
