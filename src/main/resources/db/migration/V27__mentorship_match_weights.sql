-- Per-institution weights of the match score (issue 5, item 3). One row per institution; no row
-- means the defaults (MatchWeights.DEFAULTS: 40, 25, 10, 15, 20, 10).

CREATE TABLE institution_match_weights (
    institution_id        BIGINT NOT NULL PRIMARY KEY,
    shared_skills         INTEGER NOT NULL,
    availability_overlap  INTEGER NOT NULL,
    same_department       INTEGER NOT NULL,
    goals_expertise       INTEGER NOT NULL,
    supports_new_mothers  INTEGER NOT NULL,
    remaining_capacity    INTEGER NOT NULL,
    updated_by_id         BIGINT,
    updated_at            ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    version               BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_match_weights_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE CASCADE,
    CONSTRAINT fk_match_weights_updated_by FOREIGN KEY (updated_by_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_match_weights_skills CHECK (shared_skills BETWEEN 0 AND 100),
    CONSTRAINT ck_match_weights_availability CHECK (availability_overlap BETWEEN 0 AND 100),
    CONSTRAINT ck_match_weights_department CHECK (same_department BETWEEN 0 AND 100),
    CONSTRAINT ck_match_weights_goals CHECK (goals_expertise BETWEEN 0 AND 100),
    CONSTRAINT ck_match_weights_mothers CHECK (supports_new_mothers BETWEEN 0 AND 100),
    CONSTRAINT ck_match_weights_capacity CHECK (remaining_capacity BETWEEN 0 AND 100)
);
