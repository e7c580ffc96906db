-- Goals and dated progress updates (seed 003 goals, goal_updates). A goal belongs to a mentee or student.

CREATE TABLE goals (
    id              ${id} PRIMARY KEY,
    student_id      BIGINT NOT NULL,
    mentorship_id   BIGINT,
    title           VARCHAR(200) NOT NULL,
    category        VARCHAR(16) DEFAULT 'OTHER' NOT NULL,
    description     ${text},
    target_date     DATE,
    status          VARCHAR(16) DEFAULT 'NOT_STARTED' NOT NULL,
    progress_pct    INTEGER DEFAULT 0 NOT NULL,
    created_by_id   BIGINT,
    completed_at    ${ts},
    created_at      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    version         BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_goals_student FOREIGN KEY (student_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_goals_mentorship FOREIGN KEY (mentorship_id) REFERENCES mentorships (id) ON DELETE SET NULL,
    CONSTRAINT fk_goals_created_by FOREIGN KEY (created_by_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_goals_category CHECK (category IN ('ACADEMIC', 'CAREER', 'SKILL', 'PERSONAL', 'WELLBEING', 'OTHER')),
    CONSTRAINT ck_goals_status CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'AT_RISK', 'COMPLETED')),
    CONSTRAINT ck_goals_progress CHECK (progress_pct BETWEEN 0 AND 100)
);
CREATE INDEX ix_goals_student_status ON goals (student_id, status);

CREATE TABLE goal_updates (
    id            ${id} PRIMARY KEY,
    goal_id       BIGINT NOT NULL,
    noted_by_id   BIGINT,
    note          ${text},
    progress_pct  INTEGER NOT NULL,
    status        VARCHAR(16) NOT NULL,
    created_at    ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_goal_updates_goal FOREIGN KEY (goal_id) REFERENCES goals (id) ON DELETE CASCADE,
    CONSTRAINT fk_goal_updates_noted_by FOREIGN KEY (noted_by_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_goal_updates_progress CHECK (progress_pct BETWEEN 0 AND 100),
    CONSTRAINT ck_goal_updates_status CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'AT_RISK', 'COMPLETED'))
);
CREATE INDEX ix_goal_updates_goal ON goal_updates (goal_id, created_at);
