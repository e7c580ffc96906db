-- The learning feature (issue 15, part 2): what kind of module each one is, its text or the library
-- resource it points to, and mentors' recommendations of a path to a mentee.
-- resource_id names a resource of the library (seed 000 resources); it has no foreign key yet because
-- the resource module has no feature of its own so far: the link resolves once that module exists.

ALTER TABLE learning_path_modules ADD COLUMN kind VARCHAR(20) DEFAULT 'READING' NOT NULL;
ALTER TABLE learning_path_modules ADD COLUMN content ${text};
ALTER TABLE learning_path_modules ADD COLUMN resource_id BIGINT;
ALTER TABLE learning_path_modules ADD CONSTRAINT ck_learning_path_modules_kind
    CHECK (kind IN ('READING', 'VIDEO', 'EXERCISE', 'EXTERNAL_LINK', 'RESOURCE'));
ALTER TABLE learning_path_modules ADD CONSTRAINT ck_learning_path_modules_resource
    CHECK (resource_id IS NULL OR resource_id > 0);

ALTER TABLE learning_paths ADD COLUMN published_at ${ts};

CREATE INDEX ix_user_learning_progress_user ON user_learning_progress (user_id, path_id);

CREATE TABLE learning_recommendations (
    id          ${id} PRIMARY KEY,
    path_id     BIGINT NOT NULL,
    mentor_id   BIGINT NOT NULL,
    mentee_id   BIGINT NOT NULL,
    note        VARCHAR(1000),
    created_at  ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT uq_learning_recommendations UNIQUE (mentee_id, path_id),
    CONSTRAINT fk_learning_recommendations_path FOREIGN KEY (path_id) REFERENCES learning_paths (id) ON DELETE CASCADE,
    CONSTRAINT fk_learning_recommendations_mentor FOREIGN KEY (mentor_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_learning_recommendations_mentee FOREIGN KEY (mentee_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_learning_recommendations_mentor ON learning_recommendations (mentor_id);
