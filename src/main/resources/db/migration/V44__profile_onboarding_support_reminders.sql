-- Onboarding (issue 4, item 3). The wizard's progress lives in user_profiles (onboarding_status,
-- onboarding_step, onboarding_completed_at, since V4). This adds what the wizard asks new mothers
-- (their support preferences) and when an administrator last reminded someone to finish.

-- A new mother's support preferences: whether she wants a mentor who supports new mothers, and a note.
CREATE TABLE support_preferences (
    user_id              BIGINT NOT NULL PRIMARY KEY,
    wants_mother_mentor  BOOLEAN DEFAULT FALSE NOT NULL,
    notes                VARCHAR(500),
    created_at           ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at           ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_support_preferences_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- The topics she wants support with (seed 000's working-mother support: return to work, leave cover, groups, ...).
CREATE TABLE support_preference_topics (
    user_id  BIGINT NOT NULL,
    topic    VARCHAR(32) NOT NULL,
    PRIMARY KEY (user_id, topic),
    CONSTRAINT fk_support_preference_topics_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_support_preference_topics_topic CHECK (topic IN ('RETURN_TO_WORK', 'FLEXIBLE_WORK', 'CHILDCARE',
        'LEAVE_COVER', 'PEER_GROUPS', 'WELLBEING', 'CAREER_GROWTH'))
);

-- At most one reminder per person per 24 hours: the last one is kept, with who sent it.
CREATE TABLE onboarding_reminders (
    user_id       BIGINT NOT NULL PRIMARY KEY,
    last_sent_at  ${ts} NOT NULL,
    last_sent_by  BIGINT,
    sent_count    INTEGER DEFAULT 1 NOT NULL,
    CONSTRAINT fk_onboarding_reminders_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_onboarding_reminders_sender FOREIGN KEY (last_sent_by) REFERENCES users (id) ON DELETE SET NULL
);

CREATE INDEX ix_user_profiles_onboarding ON user_profiles (onboarding_status, user_id);
