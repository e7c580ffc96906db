-- Profiles: seed 000 profiles merged with seed 003 user_profiles, mentor_profiles, student_profiles.
-- JSON arrays of seed 000 (skills, interests, availability) become rows: tags, user_tags, availability_*.

CREATE TABLE user_profiles (
    user_id                  BIGINT NOT NULL PRIMARY KEY,
    first_name               VARCHAR(100),
    last_name                VARCHAR(100),
    phone                    VARCHAR(32),
    avatar_url               VARCHAR(500),
    title                    VARCHAR(100),
    bio                      ${text},
    position                 VARCHAR(200),
    organization             VARCHAR(200),
    goals_text               ${text},
    years_of_experience      INTEGER,
    area_of_expertise        VARCHAR(200),
    preferred_communication  VARCHAR(16),
    visibility               VARCHAR(16) DEFAULT 'INSTITUTION' NOT NULL,
    onboarding_status        VARCHAR(16) DEFAULT 'NOT_STARTED' NOT NULL,
    onboarding_step          INTEGER DEFAULT 0 NOT NULL,
    onboarding_completed_at  ${ts},
    created_at               ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at               ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    version                  BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_user_profiles_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_user_profiles_years CHECK (years_of_experience IS NULL OR years_of_experience BETWEEN 0 AND 80),
    CONSTRAINT ck_user_profiles_communication CHECK (preferred_communication IS NULL
        OR preferred_communication IN ('EMAIL', 'CHAT', 'VIDEO', 'PHONE', 'IN_PERSON')),
    CONSTRAINT ck_user_profiles_visibility CHECK (visibility IN ('INSTITUTION', 'MENTORSHIPS', 'PRIVATE')),
    CONSTRAINT ck_user_profiles_onboarding CHECK (onboarding_status IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED')),
    CONSTRAINT ck_user_profiles_step CHECK (onboarding_step BETWEEN 0 AND 20)
);

CREATE TABLE mentor_profiles (
    user_id                BIGINT NOT NULL PRIMARY KEY,
    designation            VARCHAR(100),
    specialization         VARCHAR(200),
    mentorship_style       VARCHAR(500),
    max_mentees            INTEGER DEFAULT 3 NOT NULL,
    current_mentee_count   INTEGER DEFAULT 0 NOT NULL,
    accepting_new_mentees  BOOLEAN DEFAULT TRUE NOT NULL,
    supports_new_mothers   BOOLEAN DEFAULT FALSE NOT NULL,
    created_at             ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at             ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    version                BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_mentor_profiles_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_mentor_profiles_max CHECK (max_mentees BETWEEN 0 AND 100),
    -- The last line of defence for capacity: the count can never pass the limit.
    CONSTRAINT ck_mentor_profiles_count CHECK (current_mentee_count >= 0 AND current_mentee_count <= max_mentees)
);
CREATE INDEX ix_mentor_profiles_accepting ON mentor_profiles (accepting_new_mentees, supports_new_mothers);

CREATE TABLE student_profiles (
    user_id         BIGINT NOT NULL PRIMARY KEY,
    roll_number     VARCHAR(32) NOT NULL,
    program         VARCHAR(200),
    year_of_study   INTEGER,
    gpa             DECIMAL(4, 2),
    attendance_pct  DECIMAL(5, 2),
    risk_level      VARCHAR(8) DEFAULT 'LOW' NOT NULL,
    created_at      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    version         BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT uq_student_profiles_roll_number UNIQUE (roll_number),
    CONSTRAINT fk_student_profiles_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_student_profiles_year CHECK (year_of_study IS NULL OR year_of_study BETWEEN 1 AND 10),
    -- The institution's scale (institutions.gpa_scale) is checked by the application; this is the outer bound.
    CONSTRAINT ck_student_profiles_gpa CHECK (gpa IS NULL OR (gpa >= 0 AND gpa <= 20)),
    CONSTRAINT ck_student_profiles_attendance CHECK (attendance_pct IS NULL OR (attendance_pct >= 0 AND attendance_pct <= 100)),
    CONSTRAINT ck_student_profiles_risk CHECK (risk_level IN ('LOW', 'MEDIUM', 'HIGH'))
);

-- One vocabulary of tags per institution, so that "Java" and "java" are one skill (slug is lower-case).
CREATE TABLE tags (
    id              ${id} PRIMARY KEY,
    institution_id  BIGINT NOT NULL,
    name            VARCHAR(64) NOT NULL,
    slug            VARCHAR(64) NOT NULL,
    created_at      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT uq_tags_institution_slug UNIQUE (institution_id, slug),
    CONSTRAINT fk_tags_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE CASCADE
);

CREATE TABLE user_tags (
    user_id  BIGINT NOT NULL,
    tag_id   BIGINT NOT NULL,
    kind     VARCHAR(16) NOT NULL,
    PRIMARY KEY (user_id, tag_id, kind),
    CONSTRAINT fk_user_tags_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_tags_tag FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE,
    CONSTRAINT ck_user_tags_kind CHECK (kind IN ('SKILL', 'INTEREST'))
);
CREATE INDEX ix_user_tags_tag ON user_tags (tag_id, kind);

-- Weekly availability in the user's own zone (seed 000 profiles.availability, seed 003 mentor_profiles.availability).
CREATE TABLE availability_slots (
    id           ${id} PRIMARY KEY,
    user_id      BIGINT NOT NULL,
    day_of_week  INTEGER NOT NULL,
    start_time   TIME NOT NULL,
    end_time     TIME NOT NULL,
    time_zone    VARCHAR(64) NOT NULL,
    created_at   ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_availability_slots_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_availability_slots_day CHECK (day_of_week BETWEEN 1 AND 7),
    CONSTRAINT ck_availability_slots_range CHECK (start_time < end_time)
);
CREATE INDEX ix_availability_slots_user ON availability_slots (user_id, day_of_week);

CREATE TABLE availability_exceptions (
    id          ${id} PRIMARY KEY,
    user_id     BIGINT NOT NULL,
    starts_on   DATE NOT NULL,
    ends_on     DATE NOT NULL,
    reason      VARCHAR(200),
    created_at  ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_availability_exceptions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_availability_exceptions_range CHECK (starts_on <= ends_on)
);
CREATE INDEX ix_availability_exceptions_user ON availability_exceptions (user_id, starts_on);
