-- One mentorship life cycle: seed 000 matches (mentee request, admin approval) merged with
-- seed 003 mentor_assignments (admin assignment, ACTIVE/PAUSED/ENDED).

CREATE TABLE mentorships (
    id               ${id} PRIMARY KEY,
    institution_id   BIGINT NOT NULL,
    department_id    BIGINT,
    mentor_id        BIGINT NOT NULL,
    mentee_id        BIGINT NOT NULL,
    status           VARCHAR(16) NOT NULL,
    goal             ${text},
    notes            ${text},
    requested_by_id  BIGINT,
    assigned_by_id   BIGINT,
    decided_by_id    BIGINT,
    decided_at       ${ts},
    decision_reason  VARCHAR(1000),
    preference_rank  INTEGER,
    assigned_at      ${ts},
    paused_at        ${ts},
    ended_at         ${ts},
    end_reason       VARCHAR(1000),
    created_at       ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at       ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    version          BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_mentorships_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE CASCADE,
    CONSTRAINT fk_mentorships_department FOREIGN KEY (department_id) REFERENCES departments (id) ON DELETE SET NULL,
    CONSTRAINT fk_mentorships_mentor FOREIGN KEY (mentor_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_mentorships_mentee FOREIGN KEY (mentee_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_mentorships_requested_by FOREIGN KEY (requested_by_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT fk_mentorships_assigned_by FOREIGN KEY (assigned_by_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT fk_mentorships_decided_by FOREIGN KEY (decided_by_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_mentorships_status CHECK (status IN ('REQUESTED', 'PROPOSED', 'ACCEPTED', 'APPROVED', 'REJECTED',
        'ACTIVE', 'PAUSED', 'ENDED', 'WITHDRAWN', 'EXPIRED')),
    CONSTRAINT ck_mentorships_not_self CHECK (mentor_id <> mentee_id),
    CONSTRAINT ck_mentorships_rank CHECK (preference_rank IS NULL OR preference_rank BETWEEN 1 AND 3)
);
-- Seed 003 key indexes: a mentor's and a student's active assignments.
CREATE INDEX ix_mentorships_mentor_status ON mentorships (mentor_id, status);
CREATE INDEX ix_mentorships_mentee_status ON mentorships (mentee_id, status);
CREATE INDEX ix_mentorships_institution_status ON mentorships (institution_id, status);
CREATE INDEX ix_mentorships_department_status ON mentorships (department_id, status);
