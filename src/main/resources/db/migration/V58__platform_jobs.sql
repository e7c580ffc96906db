-- platform's background jobs (docs/jobs-and-imports.md): one row per piece of long work (an import's
-- commit, a bulk assignment run), with its progress, the instance that runs it and that instance's
-- heartbeat, so that work left RUNNING by a dead instance is found and resumed or failed.
CREATE TABLE platform_jobs (
    id              ${id} PRIMARY KEY,
    kind            VARCHAR(64) NOT NULL,
    subject_id      BIGINT NOT NULL,
    submitted_by    BIGINT,
    locale          VARCHAR(35),
    state           VARCHAR(16) DEFAULT 'QUEUED' NOT NULL,
    done_count      INTEGER DEFAULT 0 NOT NULL,
    total_count     INTEGER DEFAULT 0 NOT NULL,
    failure_reason  VARCHAR(1000),
    attempts        INTEGER DEFAULT 0 NOT NULL,
    owner_instance  VARCHAR(100),
    heartbeat_at    ${ts},
    created_at      ${ts} NOT NULL,
    started_at      ${ts},
    finished_at     ${ts},
    CONSTRAINT ck_platform_jobs_state CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'))
);
CREATE INDEX ix_platform_jobs_subject ON platform_jobs (kind, subject_id);
CREATE INDEX ix_platform_jobs_state ON platform_jobs (state, heartbeat_at);
