-- Learning paths with modules and per-user progress (seed 000 learningPaths, userLearningProgress).
-- The JSON arrays (modules, completedModules) become rows.

CREATE TABLE learning_paths (
    id              ${id} PRIMARY KEY,
    institution_id  BIGINT NOT NULL,
    title           VARCHAR(200) NOT NULL,
    category        VARCHAR(64) NOT NULL,
    description     ${text},
    is_published    BOOLEAN DEFAULT FALSE NOT NULL,
    created_by_id   BIGINT,
    created_at      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    version         BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_learning_paths_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE CASCADE,
    CONSTRAINT fk_learning_paths_created_by FOREIGN KEY (created_by_id) REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX ix_learning_paths_institution ON learning_paths (institution_id, is_published, category);

CREATE TABLE learning_path_modules (
    id                 ${id} PRIMARY KEY,
    path_id            BIGINT NOT NULL,
    position           INTEGER NOT NULL,
    title              VARCHAR(200) NOT NULL,
    description        ${text},
    content_url        VARCHAR(1000),
    estimated_minutes  INTEGER,
    CONSTRAINT uq_learning_path_modules_position UNIQUE (path_id, position),
    CONSTRAINT fk_learning_path_modules_path FOREIGN KEY (path_id) REFERENCES learning_paths (id) ON DELETE CASCADE,
    CONSTRAINT ck_learning_path_modules_position CHECK (position >= 1),
    CONSTRAINT ck_learning_path_modules_minutes CHECK (estimated_minutes IS NULL OR estimated_minutes BETWEEN 1 AND 10000)
);

CREATE TABLE user_learning_progress (
    id            ${id} PRIMARY KEY,
    user_id       BIGINT NOT NULL,
    path_id       BIGINT NOT NULL,
    progress_pct  INTEGER DEFAULT 0 NOT NULL,
    started_at    ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    completed_at  ${ts},
    updated_at    ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT uq_user_learning_progress UNIQUE (user_id, path_id),
    CONSTRAINT fk_user_learning_progress_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_learning_progress_path FOREIGN KEY (path_id) REFERENCES learning_paths (id) ON DELETE CASCADE,
    CONSTRAINT ck_user_learning_progress_pct CHECK (progress_pct BETWEEN 0 AND 100)
);
CREATE INDEX ix_user_learning_progress_path ON user_learning_progress (path_id);

CREATE TABLE learning_module_completions (
    progress_id   BIGINT NOT NULL,
    module_id     BIGINT NOT NULL,
    completed_at  ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (progress_id, module_id),
    CONSTRAINT fk_learning_module_completions_progress FOREIGN KEY (progress_id) REFERENCES user_learning_progress (id) ON DELETE CASCADE,
    CONSTRAINT fk_learning_module_completions_module FOREIGN KEY (module_id) REFERENCES learning_path_modules (id) ON DELETE CASCADE
);
