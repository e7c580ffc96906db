-- One mentoring session: seed 000 sessions (scheduling workflow, 8 statuses, rescheduling) merged with
-- seed 003 session_records (mode, location, topic, summary, attendance, next meeting).
-- Seed 003's SCHEDULED maps to CONFIRMED; its actionItems JSON becomes rows in action_items.

CREATE TABLE mentoring_sessions (
    id                ${id} PRIMARY KEY,
    mentorship_id     BIGINT NOT NULL,
    mentor_id         BIGINT NOT NULL,
    mentee_id         BIGINT NOT NULL,
    title             VARCHAR(200) NOT NULL,
    description       ${text},
    agenda            ${text},
    scheduled_at      ${ts} NOT NULL,
    time_zone         VARCHAR(64) DEFAULT 'UTC' NOT NULL,
    duration_minutes  INTEGER DEFAULT 60 NOT NULL,
    status            VARCHAR(16) DEFAULT 'PENDING' NOT NULL,
    mode              VARCHAR(16) DEFAULT 'ONLINE' NOT NULL,
    location          VARCHAR(300),
    meeting_link      VARCHAR(1000),
    proposed_date     ${ts},
    proposed_by_id    BIGINT,
    response_message  VARCHAR(2000),
    topic             VARCHAR(300),
    summary           ${text},
    next_meeting_on   DATE,
    attendance        VARCHAR(16),
    created_by_id     BIGINT,
    completed_at      ${ts},
    cancelled_at      ${ts},
    ical_uid          VARCHAR(255),
    ical_sequence     INTEGER DEFAULT 0 NOT NULL,
    created_at        ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at        ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    version           BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_mentoring_sessions_mentorship FOREIGN KEY (mentorship_id) REFERENCES mentorships (id) ON DELETE RESTRICT,
    CONSTRAINT fk_mentoring_sessions_mentor FOREIGN KEY (mentor_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_mentoring_sessions_mentee FOREIGN KEY (mentee_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_mentoring_sessions_proposed_by FOREIGN KEY (proposed_by_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT fk_mentoring_sessions_created_by FOREIGN KEY (created_by_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT uq_mentoring_sessions_ical_uid UNIQUE (ical_uid),
    CONSTRAINT ck_mentoring_sessions_status CHECK (status IN ('PENDING', 'PROPOSED', 'REQUESTED', 'CONFIRMED',
        'RESCHEDULED', 'REJECTED', 'COMPLETED', 'CANCELLED')),
    CONSTRAINT ck_mentoring_sessions_mode CHECK (mode IN ('IN_PERSON', 'ONLINE', 'PHONE')),
    CONSTRAINT ck_mentoring_sessions_attendance CHECK (attendance IS NULL
        OR attendance IN ('PRESENT', 'LATE', 'ABSENT', 'EXCUSED')),
    CONSTRAINT ck_mentoring_sessions_duration CHECK (duration_minutes BETWEEN 5 AND 480),
    CONSTRAINT ck_mentoring_sessions_sequence CHECK (ical_sequence >= 0)
);
-- Seed 003 key indexes: session history per assignment, and pending/scheduled sessions.
CREATE INDEX ix_mentoring_sessions_mentorship_date ON mentoring_sessions (mentorship_id, scheduled_at);
CREATE INDEX ix_mentoring_sessions_status_date ON mentoring_sessions (status, scheduled_at);
CREATE INDEX ix_mentoring_sessions_mentor_date ON mentoring_sessions (mentor_id, scheduled_at);
CREATE INDEX ix_mentoring_sessions_mentee_date ON mentoring_sessions (mentee_id, scheduled_at);

-- Seed 000 sessionNotes. Private notes are encrypted (content_key_id names the key, QUALITY S11).
CREATE TABLE session_notes (
    id              ${id} PRIMARY KEY,
    session_id      BIGINT NOT NULL,
    created_by_id   BIGINT NOT NULL,
    content         ${text} NOT NULL,
    content_key_id  VARCHAR(32),
    is_private      BOOLEAN DEFAULT FALSE NOT NULL,
    created_at      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    version         BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_session_notes_session FOREIGN KEY (session_id) REFERENCES mentoring_sessions (id) ON DELETE CASCADE,
    CONSTRAINT fk_session_notes_created_by FOREIGN KEY (created_by_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_session_notes_session ON session_notes (session_id, created_at);
CREATE INDEX ix_session_notes_author ON session_notes (created_by_id);

-- Seed 000 actionItems, and seed 003 session_records.actionItems (JSON) as rows.
CREATE TABLE action_items (
    id               ${id} PRIMARY KEY,
    session_id       BIGINT NOT NULL,
    assigned_to_id   BIGINT,
    created_by_id    BIGINT,
    title            VARCHAR(200) NOT NULL,
    description      ${text},
    due_date         ${ts},
    status           VARCHAR(16) DEFAULT 'PENDING' NOT NULL,
    completed_at     ${ts},
    created_at       ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at       ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    version          BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_action_items_session FOREIGN KEY (session_id) REFERENCES mentoring_sessions (id) ON DELETE CASCADE,
    CONSTRAINT fk_action_items_assigned_to FOREIGN KEY (assigned_to_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT fk_action_items_created_by FOREIGN KEY (created_by_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_action_items_status CHECK (status IN ('PENDING', 'IN_PROGRESS', 'COMPLETED'))
);
CREATE INDEX ix_action_items_session ON action_items (session_id);
CREATE INDEX ix_action_items_assignee ON action_items (assigned_to_id, status, due_date);

-- Seed 000 feedback merged with seed 003 session_feedback: one per giver per session.
CREATE TABLE session_feedback (
    id            ${id} PRIMARY KEY,
    session_id    BIGINT NOT NULL,
    giver_id      BIGINT NOT NULL,
    recipient_id  BIGINT,
    type          VARCHAR(24) NOT NULL,
    rating        INTEGER NOT NULL,
    comments      ${text},
    visibility    VARCHAR(16) DEFAULT 'SHARED' NOT NULL,
    created_at    ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at    ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT uq_session_feedback_giver UNIQUE (session_id, giver_id),
    CONSTRAINT fk_session_feedback_session FOREIGN KEY (session_id) REFERENCES mentoring_sessions (id) ON DELETE CASCADE,
    CONSTRAINT fk_session_feedback_giver FOREIGN KEY (giver_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_session_feedback_recipient FOREIGN KEY (recipient_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_session_feedback_type CHECK (type IN ('MENTEE_TO_MENTOR', 'MENTOR_TO_MENTEE', 'SESSION')),
    CONSTRAINT ck_session_feedback_rating CHECK (rating BETWEEN 1 AND 5),
    CONSTRAINT ck_session_feedback_visibility CHECK (visibility IN ('SHARED', 'COORDINATORS'))
);
CREATE INDEX ix_session_feedback_recipient ON session_feedback (recipient_id);
