-- Early alerts for students at risk, with an owner, a status and a history (seed 003 alerts).

CREATE TABLE alerts (
    id               ${id} PRIMARY KEY,
    institution_id   BIGINT NOT NULL,
    student_id       BIGINT NOT NULL,
    severity         VARCHAR(8) NOT NULL,
    category         VARCHAR(16) NOT NULL,
    message          VARCHAR(2000) NOT NULL,
    source_ref       VARCHAR(200),
    status           VARCHAR(16) DEFAULT 'OPEN' NOT NULL,
    raised_by_id     BIGINT,
    owner_id         BIGINT,
    resolution_note  VARCHAR(2000),
    closed_at        ${ts},
    closed_by_id     BIGINT,
    created_at       ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at       ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    version          BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_alerts_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE CASCADE,
    CONSTRAINT fk_alerts_student FOREIGN KEY (student_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_alerts_raised_by FOREIGN KEY (raised_by_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT fk_alerts_owner FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT fk_alerts_closed_by FOREIGN KEY (closed_by_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_alerts_severity CHECK (severity IN ('INFO', 'WARN', 'CRITICAL')),
    CONSTRAINT ck_alerts_category CHECK (category IN ('GPA', 'ATTENDANCE', 'MISSED_SESSIONS', 'GOALS', 'WELLBEING',
        'ENGAGEMENT', 'OTHER')),
    CONSTRAINT ck_alerts_status CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'DISMISSED'))
);
-- Seed 003 key index: active alerts per student.
CREATE INDEX ix_alerts_student_status ON alerts (student_id, status);
CREATE INDEX ix_alerts_institution_status ON alerts (institution_id, status, severity);
CREATE INDEX ix_alerts_owner ON alerts (owner_id, status);

CREATE TABLE alert_events (
    id           ${id} PRIMARY KEY,
    alert_id     BIGINT NOT NULL,
    actor_id     BIGINT,
    from_status  VARCHAR(16),
    to_status    VARCHAR(16) NOT NULL,
    note         VARCHAR(2000),
    created_at   ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_alert_events_alert FOREIGN KEY (alert_id) REFERENCES alerts (id) ON DELETE CASCADE,
    CONSTRAINT fk_alert_events_actor FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX ix_alert_events_alert ON alert_events (alert_id, created_at);
