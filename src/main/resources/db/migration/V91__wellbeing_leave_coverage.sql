-- Working-mother support, issue 19 part 3: leave coverage. Who asked for the coverage, the
-- administrator's approval where the institution requires one, when the leave started (the start job
-- is idempotent on it) and the return plan she received; the mentorships the leave paused (so that the
-- return resumes exactly those and the proxy sees the covered mentees); each institution's coverage
-- settings.

ALTER TABLE proxy_requests ADD COLUMN requested_by_id BIGINT;
ALTER TABLE proxy_requests ADD COLUMN approval_required BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE proxy_requests ADD COLUMN approved_at ${ts};
ALTER TABLE proxy_requests ADD COLUMN approved_by_id BIGINT;
ALTER TABLE proxy_requests ADD COLUMN started_at ${ts};
ALTER TABLE proxy_requests ADD COLUMN completed_at ${ts};
ALTER TABLE proxy_requests ADD COLUMN return_plan ${text};
CREATE INDEX ix_proxy_requests_start ON proxy_requests (status, start_date);

CREATE TABLE proxy_request_mentorships (
    request_id     BIGINT NOT NULL,
    mentorship_id  BIGINT NOT NULL,
    mentor_id      BIGINT NOT NULL,
    mentee_id      BIGINT NOT NULL,
    resumed_at     ${ts},
    CONSTRAINT pk_proxy_request_mentorships PRIMARY KEY (request_id, mentorship_id),
    CONSTRAINT fk_proxy_request_mentorships_request FOREIGN KEY (request_id) REFERENCES proxy_requests (id) ON DELETE CASCADE
);

CREATE TABLE coverage_settings (
    institution_id       BIGINT NOT NULL PRIMARY KEY,
    approval_required    BOOLEAN DEFAULT FALSE NOT NULL,
    returners_group_id   BIGINT,
    return_plan          ${text},
    updated_at           ${ts},
    CONSTRAINT fk_coverage_settings_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE CASCADE,
    CONSTRAINT fk_coverage_settings_group FOREIGN KEY (returners_group_id) REFERENCES support_groups (id) ON DELETE SET NULL
);
