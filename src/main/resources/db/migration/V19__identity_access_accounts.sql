-- Access control and account life cycle (issue: identity, access and audit).

-- Permissions attached to roles. Authorities are role names (ROLE_*) and these permission names.
INSERT INTO permissions (name, description) VALUES ('INSTITUTION_MANAGE', 'Create and configure institutions');
INSERT INTO permissions (name, description) VALUES ('DEPARTMENT_MANAGE', 'Create and edit the departments of the own institution');
INSERT INTO permissions (name, description) VALUES ('USER_MANAGE', 'Invite, edit, disable and enable users of the own institution');
INSERT INTO permissions (name, description) VALUES ('USER_IMPORT', 'Import users from CSV into the own institution');
INSERT INTO permissions (name, description) VALUES ('AUDIT_READ', 'Read and export the audit log of the own institution');
INSERT INTO permissions (name, description) VALUES ('DEPARTMENT_OVERSEE', 'Oversee the mentorships, alerts and reports of the own department');
INSERT INTO permissions (name, description) VALUES ('STUDENT_RISK_READ', 'Read GPA, attendance and risk level of students in scope');
INSERT INTO permissions (name, description) VALUES ('STUDENT_RISK_WRITE', 'Change GPA, attendance and risk level of students in scope');
INSERT INTO permissions (name, description) VALUES ('MENTOR', 'Mentor mentees: accept requests, run sessions, record outcomes');
INSERT INTO permissions (name, description) VALUES ('MENTEE', 'Be mentored: request mentors, book sessions, keep goals');
INSERT INTO permissions (name, description) VALUES ('WELLBEING', 'Use the working-mother support features');
INSERT INTO permissions (name, description) VALUES ('API_TOKEN', 'Create personal access tokens for the REST API');

INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r, permissions p WHERE r.name = 'PLATFORM_ADMIN' AND p.name IN ('INSTITUTION_MANAGE', 'API_TOKEN');
INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r, permissions p WHERE r.name = 'ADMIN' AND p.name IN ('DEPARTMENT_MANAGE', 'USER_MANAGE',
    'USER_IMPORT', 'AUDIT_READ', 'DEPARTMENT_OVERSEE', 'STUDENT_RISK_READ', 'STUDENT_RISK_WRITE', 'API_TOKEN');
INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r, permissions p WHERE r.name = 'COORDINATOR' AND p.name IN ('DEPARTMENT_OVERSEE',
    'STUDENT_RISK_READ', 'STUDENT_RISK_WRITE', 'API_TOKEN');
INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r, permissions p WHERE r.name = 'MENTOR' AND p.name IN ('MENTOR', 'STUDENT_RISK_READ', 'API_TOKEN');
INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r, permissions p WHERE r.name = 'MENTEE' AND p.name IN ('MENTEE', 'API_TOKEN');
INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r, permissions p WHERE r.name = 'NEW_MOTHER' AND p.name IN ('MENTEE', 'WELLBEING', 'API_TOKEN');

-- Brute-force counters, in the database so that they hold across instances (QUALITY S3).
-- One row per (action, kind of key, key): an account (lower-cased login) or a client IP.
CREATE TABLE login_throttles (
    action             VARCHAR(16) NOT NULL,
    key_type           VARCHAR(8) NOT NULL,
    throttle_key       VARCHAR(320) NOT NULL,
    failures           INTEGER DEFAULT 0 NOT NULL,
    window_started_at  ${ts} NOT NULL,
    locked_until       ${ts},
    updated_at         ${ts} NOT NULL,
    PRIMARY KEY (action, key_type, throttle_key),
    CONSTRAINT ck_login_throttles_action CHECK (action IN ('LOGIN', 'RESET', 'REGISTER')),
    CONSTRAINT ck_login_throttles_key_type CHECK (key_type IN ('ACCOUNT', 'IP')),
    CONSTRAINT ck_login_throttles_failures CHECK (failures >= 0)
);

-- Single-use, hashed, expiring links other than password resets: invitations and e-mail changes.
CREATE TABLE account_tokens (
    id          ${id} PRIMARY KEY,
    user_id     BIGINT NOT NULL,
    purpose     VARCHAR(16) NOT NULL,
    token_hash  CHAR(64) NOT NULL,
    new_email   VARCHAR(320),
    expires_at  ${ts} NOT NULL,
    used_at     ${ts},
    created_by_id BIGINT,
    created_at  ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT uq_account_tokens_hash UNIQUE (token_hash),
    CONSTRAINT fk_account_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_account_tokens_created_by FOREIGN KEY (created_by_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_account_tokens_purpose CHECK (purpose IN ('INVITATION', 'EMAIL_CHANGE'))
);
CREATE INDEX ix_account_tokens_user ON account_tokens (user_id, purpose);

-- Personal access tokens for the REST API: shown once, stored as SHA-256, scoped, expiring, revocable.
CREATE TABLE personal_access_tokens (
    id            ${id} PRIMARY KEY,
    user_id       BIGINT NOT NULL,
    name          VARCHAR(100) NOT NULL,
    token_prefix  VARCHAR(16) NOT NULL,
    token_hash    CHAR(64) NOT NULL,
    scopes        VARCHAR(500) NOT NULL,
    expires_at    ${ts} NOT NULL,
    last_used_at  ${ts},
    revoked_at    ${ts},
    created_at    ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT uq_personal_access_tokens_hash UNIQUE (token_hash),
    CONSTRAINT fk_personal_access_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_personal_access_tokens_user ON personal_access_tokens (user_id);

-- The development outbox: with no SMTP server configured, sent mail is kept here for the platform
-- administrator to read (and for browser tests to follow links).
CREATE TABLE outbox_mails (
    id          ${id} PRIMARY KEY,
    recipient   VARCHAR(320) NOT NULL,
    subject     VARCHAR(300) NOT NULL,
    body_text   ${text} NOT NULL,
    body_html   ${text},
    created_at  ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL
);
CREATE INDEX ix_outbox_mails_created ON outbox_mails (created_at);

-- CSV user imports: an upload is previewed row by row, then committed (valid rows only, or none).
CREATE TABLE user_imports (
    id               ${id} PRIMARY KEY,
    institution_id   BIGINT NOT NULL,
    uploaded_by_id   BIGINT,
    file_name        VARCHAR(255) NOT NULL,
    file_sha256      CHAR(64) NOT NULL,
    status           VARCHAR(16) DEFAULT 'PREVIEW' NOT NULL,
    total_rows       INTEGER DEFAULT 0 NOT NULL,
    valid_rows       INTEGER DEFAULT 0 NOT NULL,
    processed_rows   INTEGER DEFAULT 0 NOT NULL,
    created_rows     INTEGER DEFAULT 0 NOT NULL,
    created_at       ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    finished_at      ${ts},
    version          BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_user_imports_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_imports_uploaded_by FOREIGN KEY (uploaded_by_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_user_imports_status CHECK (status IN ('PREVIEW', 'COMMITTING', 'COMMITTED', 'DISCARDED', 'FAILED'))
);
CREATE INDEX ix_user_imports_institution ON user_imports (institution_id, created_at);

CREATE TABLE user_import_rows (
    id               ${id} PRIMARY KEY,
    import_id        BIGINT NOT NULL,
    line_number      INTEGER NOT NULL,
    email            VARCHAR(320),
    full_name        VARCHAR(200),
    username         VARCHAR(64),
    role_name        VARCHAR(32),
    department_code  VARCHAR(32),
    errors           VARCHAR(2000),
    outcome          VARCHAR(16) DEFAULT 'PENDING' NOT NULL,
    user_id          BIGINT,
    CONSTRAINT uq_user_import_rows_line UNIQUE (import_id, line_number),
    CONSTRAINT fk_user_import_rows_import FOREIGN KEY (import_id) REFERENCES user_imports (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_import_rows_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_user_import_rows_outcome CHECK (outcome IN ('PENDING', 'INVALID', 'CREATED', 'UNCHANGED', 'SKIPPED'))
);
