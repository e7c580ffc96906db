-- Issue 16 part 2: rules that raise alerts by themselves. One row per institution and kind of rule
-- (GPA_BELOW, ATTENDANCE_BELOW, RISK_HIGH, NO_SHOWS, GOAL_AT_RISK, NO_RECENT_SESSION,
-- ACTION_ITEMS_OVERDUE); a kind without a row is off with its default settings. threshold is the
-- rule's number (a GPA, a percentage, a count of no-shows or a number of days; unused by RISK_HIGH and
-- GOAL_AT_RISK); window_weeks only for NO_SHOWS. enabled_by_id is who last switched the rule on: the
-- one told how each case the rule raised ended (the alerts' raised_by_id).
CREATE TABLE alert_rules (
    id              ${id} PRIMARY KEY,
    institution_id  BIGINT NOT NULL,
    kind            VARCHAR(32) NOT NULL,
    enabled         BOOLEAN DEFAULT FALSE NOT NULL,
    threshold       DECIMAL(6, 2),
    window_weeks    INTEGER,
    severity        VARCHAR(8) DEFAULT 'WARN' NOT NULL,
    auto_resolve    BOOLEAN DEFAULT FALSE NOT NULL,
    enabled_by_id   BIGINT,
    enabled_at      ${ts},
    updated_by_id   BIGINT,
    created_at      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    version         BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT uq_alert_rules_kind UNIQUE (institution_id, kind),
    CONSTRAINT fk_alert_rules_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE CASCADE,
    CONSTRAINT fk_alert_rules_enabled_by FOREIGN KEY (enabled_by_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT fk_alert_rules_updated_by FOREIGN KEY (updated_by_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_alert_rules_kind CHECK (kind IN ('GPA_BELOW', 'ATTENDANCE_BELOW', 'RISK_HIGH', 'NO_SHOWS',
        'GOAL_AT_RISK', 'NO_RECENT_SESSION', 'ACTION_ITEMS_OVERDUE')),
    CONSTRAINT ck_alert_rules_severity CHECK (severity IN ('INFO', 'WARN', 'CRITICAL')),
    CONSTRAINT ck_alert_rules_threshold CHECK (threshold IS NULL OR threshold >= 0),
    CONSTRAINT ck_alert_rules_window CHECK (window_weeks IS NULL OR (window_weeks >= 1 AND window_weeks <= 52))
);
-- The sweep and the event listeners read the enabled rules of an institution.
CREATE INDEX ix_alert_rules_enabled ON alert_rules (enabled, institution_id);
-- The sweep reads the open rule alerts of a batch of students (student_id, open_key) through
-- uq_alerts_open_key (V78).

-- A rule's open alert whose data recovered (and that the rule did not resolve) gets one note: the
-- moment is kept so that the next run does not write it again; a new flag clears it.
ALTER TABLE alerts ADD COLUMN rule_recovered_at ${ts};
