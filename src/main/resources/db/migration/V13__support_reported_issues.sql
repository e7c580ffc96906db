-- Support tickets (seed 000 reportedIssues, issueMessages).

CREATE TABLE reported_issues (
    id              ${id} PRIMARY KEY,
    institution_id  BIGINT,
    user_id         BIGINT,
    title           VARCHAR(200) NOT NULL,
    description     ${text} NOT NULL,
    category        VARCHAR(16) DEFAULT 'OTHER' NOT NULL,
    priority        VARCHAR(8) DEFAULT 'NORMAL' NOT NULL,
    status          VARCHAR(16) DEFAULT 'OPEN' NOT NULL,
    assigned_to_id  BIGINT,
    resolved_at     ${ts},
    created_at      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    version         BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_reported_issues_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE CASCADE,
    CONSTRAINT fk_reported_issues_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT fk_reported_issues_assigned_to FOREIGN KEY (assigned_to_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_reported_issues_status CHECK (status IN ('OPEN', 'IN_PROGRESS', 'RESOLVED')),
    CONSTRAINT ck_reported_issues_priority CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    CONSTRAINT ck_reported_issues_category CHECK (category IN ('ACCOUNT', 'MATCHING', 'SESSIONS', 'TECHNICAL', 'CONDUCT', 'OTHER'))
);
CREATE INDEX ix_reported_issues_institution_status ON reported_issues (institution_id, status);
CREATE INDEX ix_reported_issues_user ON reported_issues (user_id);
CREATE INDEX ix_reported_issues_assigned ON reported_issues (assigned_to_id, status);

CREATE TABLE issue_messages (
    id          ${id} PRIMARY KEY,
    issue_id    BIGINT NOT NULL,
    user_id     BIGINT,
    message     ${text} NOT NULL,
    is_internal BOOLEAN DEFAULT FALSE NOT NULL,
    created_at  ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_issue_messages_issue FOREIGN KEY (issue_id) REFERENCES reported_issues (id) ON DELETE CASCADE,
    CONSTRAINT fk_issue_messages_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX ix_issue_messages_issue ON issue_messages (issue_id, created_at);
