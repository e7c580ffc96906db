-- Bulk-assignment drafts (issue 5, item 5): the optimiser's result, reviewed before it is committed.
-- cohort_ids: the mentee ids asked for (comma-separated) when the run is a cohort, else NULL.

CREATE TABLE assignment_drafts (
    id                     ${id} PRIMARY KEY,
    institution_id         BIGINT NOT NULL,
    department_id          BIGINT,
    cohort_description     VARCHAR(500) NOT NULL,
    cohort_ids             ${text},
    maximise_assignments   BOOLEAN DEFAULT FALSE NOT NULL,
    status                 VARCHAR(16) NOT NULL,
    progress               INTEGER DEFAULT 0 NOT NULL,
    needs_rerun            BOOLEAN DEFAULT FALSE NOT NULL,
    total_score            BIGINT DEFAULT 0 NOT NULL,
    assigned_count         INTEGER DEFAULT 0 NOT NULL,
    unassigned_count       INTEGER DEFAULT 0 NOT NULL,
    failure_reason         VARCHAR(1000),
    created_by_id          BIGINT,
    created_at             ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at             ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    committed_at           ${ts},
    version                BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_assignment_drafts_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE CASCADE,
    CONSTRAINT fk_assignment_drafts_department FOREIGN KEY (department_id) REFERENCES departments (id) ON DELETE CASCADE,
    CONSTRAINT fk_assignment_drafts_created_by FOREIGN KEY (created_by_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_assignment_drafts_status CHECK (status IN ('RUNNING', 'READY', 'FAILED', 'COMMITTED', 'DISCARDED', 'STALE')),
    CONSTRAINT ck_assignment_drafts_progress CHECK (progress BETWEEN 0 AND 100)
);
CREATE INDEX ix_assignment_drafts_institution ON assignment_drafts (institution_id, created_at);

CREATE TABLE assignment_draft_pairs (
    id           ${id} PRIMARY KEY,
    draft_id     BIGINT NOT NULL,
    mentee_id    BIGINT NOT NULL,
    mentor_id    BIGINT NOT NULL,
    score        INTEGER NOT NULL,
    explanation  VARCHAR(1000) NOT NULL,
    pinned       BOOLEAN DEFAULT FALSE NOT NULL,
    CONSTRAINT uq_assignment_draft_pairs_mentee UNIQUE (draft_id, mentee_id),
    CONSTRAINT fk_assignment_draft_pairs_draft FOREIGN KEY (draft_id) REFERENCES assignment_drafts (id) ON DELETE CASCADE,
    CONSTRAINT fk_assignment_draft_pairs_mentee FOREIGN KEY (mentee_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_assignment_draft_pairs_mentor FOREIGN KEY (mentor_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE assignment_draft_unassigned (
    id           ${id} PRIMARY KEY,
    draft_id     BIGINT NOT NULL,
    mentee_id    BIGINT NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    CONSTRAINT uq_assignment_draft_unassigned UNIQUE (draft_id, mentee_id),
    CONSTRAINT fk_assignment_draft_unassigned_draft FOREIGN KEY (draft_id) REFERENCES assignment_drafts (id) ON DELETE CASCADE,
    CONSTRAINT fk_assignment_draft_unassigned_mentee FOREIGN KEY (mentee_id) REFERENCES users (id) ON DELETE CASCADE
);

-- Pairs the administrator pinned (kept by every re-run) and removed (never used by a re-run).
CREATE TABLE assignment_draft_pins (
    draft_id     BIGINT NOT NULL,
    mentee_id    BIGINT NOT NULL,
    mentor_id    BIGINT NOT NULL,
    PRIMARY KEY (draft_id, mentee_id),
    CONSTRAINT fk_assignment_draft_pins_draft FOREIGN KEY (draft_id) REFERENCES assignment_drafts (id) ON DELETE CASCADE,
    CONSTRAINT fk_assignment_draft_pins_mentee FOREIGN KEY (mentee_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_assignment_draft_pins_mentor FOREIGN KEY (mentor_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE assignment_draft_removals (
    draft_id     BIGINT NOT NULL,
    mentee_id    BIGINT NOT NULL,
    mentor_id    BIGINT NOT NULL,
    PRIMARY KEY (draft_id, mentee_id, mentor_id),
    CONSTRAINT fk_assignment_draft_removals_draft FOREIGN KEY (draft_id) REFERENCES assignment_drafts (id) ON DELETE CASCADE,
    CONSTRAINT fk_assignment_draft_removals_mentee FOREIGN KEY (mentee_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_assignment_draft_removals_mentor FOREIGN KEY (mentor_id) REFERENCES users (id) ON DELETE CASCADE
);
