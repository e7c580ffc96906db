-- Issue 21: relationship health over time. One row per interval during which a mentorship had one health
-- (in one department): valid_from is the run of the health job that first found it, valid_to the run that
-- found another health (or another department), or that found the mentorship no longer active; NULL while
-- it holds. RelationshipHealthJob writes it in the transaction that changes relationship_health. The
-- program dashboard counts the intervals holding at each week's end (AlertStatistics.healthPerWeek).
-- A mentorship never gets two intervals from one run: (mentorship_id, valid_from) is unique, so two runs
-- racing on one batch roll one of them back and retry it.
CREATE TABLE relationship_health_history (
    id              ${id} PRIMARY KEY,
    mentorship_id   BIGINT NOT NULL,
    institution_id  BIGINT NOT NULL,
    department_id   BIGINT,
    mentee_id       BIGINT NOT NULL,
    health          VARCHAR(16) NOT NULL,
    valid_from      ${ts} NOT NULL,
    valid_to        ${ts},
    CONSTRAINT fk_relationship_health_history_mentorship FOREIGN KEY (mentorship_id) REFERENCES mentorships (id) ON DELETE CASCADE,
    CONSTRAINT uq_relationship_health_history_from UNIQUE (mentorship_id, valid_from),
    CONSTRAINT ck_relationship_health_history_health CHECK (health IN ('HEALTHY', 'AT_RISK', 'STALLED'))
);
-- The dashboard's count over an institution's intervals that began before the last week's end.
CREATE INDEX ix_relationship_health_history_scope ON relationship_health_history (institution_id, valid_from);

-- The health the job already computed holds from its last computation on.
INSERT INTO relationship_health_history (mentorship_id, institution_id, department_id, mentee_id, health, valid_from)
SELECT mentorship_id, institution_id, department_id, mentee_id, health, computed_at FROM relationship_health;
