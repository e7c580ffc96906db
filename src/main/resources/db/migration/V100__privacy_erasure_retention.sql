-- Issue 22 parts 3 and 5: erasure requests (cooling-off, an administrator's decision, the job that
-- erases), each institution's legal hold of academic records, and the retention period an administrator
-- set for each retention rule, with what the purge job last removed.

CREATE TABLE privacy_erasure_requests (
    id               ${id} PRIMARY KEY,
    user_id          BIGINT NOT NULL,
    institution_id   BIGINT NOT NULL,
    status           VARCHAR(16) NOT NULL,
    reason           VARCHAR(1000),
    requested_at     ${ts} NOT NULL,
    eligible_at      ${ts} NOT NULL,
    cancelled_at     ${ts},
    decided_by_id    BIGINT,
    decided_at       ${ts},
    decision_reason  VARCHAR(1000),
    academic_hold    BOOLEAN DEFAULT FALSE NOT NULL,
    job_id           BIGINT,
    completed_at     ${ts},
    rows_erased      INTEGER,
    version          INTEGER DEFAULT 0 NOT NULL,
    CONSTRAINT fk_privacy_erasure_requests_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT fk_privacy_erasure_requests_institution FOREIGN KEY (institution_id) REFERENCES institutions (id)
);
CREATE INDEX ix_privacy_erasure_requests_user ON privacy_erasure_requests (user_id, status);
CREATE INDEX ix_privacy_erasure_requests_institution ON privacy_erasure_requests (institution_id, status);

CREATE TABLE privacy_legal_holds (
    institution_id         BIGINT NOT NULL PRIMARY KEY,
    keep_academic_records  BOOLEAN DEFAULT TRUE NOT NULL,
    reason                 VARCHAR(1000),
    updated_by_id          BIGINT,
    updated_at             ${ts},
    CONSTRAINT fk_privacy_legal_holds_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE CASCADE
);

CREATE TABLE privacy_retention_settings (
    rule_key          VARCHAR(64) NOT NULL PRIMARY KEY,
    period_days       INTEGER,
    changed           BOOLEAN DEFAULT FALSE NOT NULL,
    updated_by_id     BIGINT,
    updated_at        ${ts},
    last_purged_at    ${ts},
    last_purged_rows  INTEGER
);
