-- Issue 16 part 4: relationship health. The job computes one row per ACTIVE mentorship (healthy, at risk
-- or stalled, with its reasons in words) and keeps the escalation of a stalled pair: when the pair was
-- nudged, when the coordinator is to be alerted if nothing changes (escalate_at) and when that alert was
-- raised. The conditional updates on nudged_at and escalated_at make each step happen once, whatever the
-- number of runs or instances. A pair that is no longer stalled clears the three marks.
CREATE TABLE relationship_health (
    mentorship_id   BIGINT PRIMARY KEY,
    institution_id  BIGINT NOT NULL,
    department_id   BIGINT,
    mentor_id       BIGINT NOT NULL,
    mentee_id       BIGINT NOT NULL,
    health          VARCHAR(16) NOT NULL,
    reasons         VARCHAR(2000) NOT NULL,
    computed_at     ${ts} NOT NULL,
    stalled_since   ${ts},
    nudged_at       ${ts},
    escalate_at     ${ts},
    escalated_at    ${ts},
    alert_id        BIGINT,
    CONSTRAINT fk_relationship_health_mentorship FOREIGN KEY (mentorship_id) REFERENCES mentorships (id) ON DELETE CASCADE,
    CONSTRAINT fk_relationship_health_alert FOREIGN KEY (alert_id) REFERENCES alerts (id) ON DELETE SET NULL,
    CONSTRAINT ck_relationship_health_health CHECK (health IN ('HEALTHY', 'AT_RISK', 'STALLED'))
);
-- The list of an institution (or a department) by health; the job's stalled pairs to nudge and escalate.
CREATE INDEX ix_relationship_health_scope ON relationship_health (institution_id, health, department_id);
CREATE INDEX ix_relationship_health_steps ON relationship_health (health, nudged_at, escalate_at);

-- What an institution expects of its pairs (no row: the defaults of mentorhub.alert.health).
CREATE TABLE relationship_health_settings (
    institution_id       BIGINT PRIMARY KEY,
    expected_days        INTEGER NOT NULL,
    escalate_after_days  INTEGER NOT NULL,
    updated_at           ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_relationship_health_settings_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE CASCADE,
    CONSTRAINT ck_relationship_health_settings_expected CHECK (expected_days BETWEEN 1 AND 180),
    CONSTRAINT ck_relationship_health_settings_escalate CHECK (escalate_after_days BETWEEN 1 AND 90)
);
