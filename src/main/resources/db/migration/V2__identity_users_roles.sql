-- Identity and RBAC (seed 000 users; seed 003 roles, users, password_resets; seed 003's "future" user_roles).

CREATE TABLE roles (
    id          ${id} PRIMARY KEY,
    name        VARCHAR(32) NOT NULL,
    description VARCHAR(500),
    created_at  ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT uq_roles_name UNIQUE (name),
    CONSTRAINT ck_roles_name CHECK (name IN ('PLATFORM_ADMIN', 'ADMIN', 'COORDINATOR', 'MENTOR', 'MENTEE', 'NEW_MOTHER'))
);

CREATE TABLE permissions (
    id          ${id} PRIMARY KEY,
    name        VARCHAR(64) NOT NULL,
    description VARCHAR(500),
    CONSTRAINT uq_permissions_name UNIQUE (name)
);

CREATE TABLE role_permissions (
    role_id       BIGINT NOT NULL,
    permission_id BIGINT NOT NULL,
    PRIMARY KEY (role_id, permission_id),
    CONSTRAINT fk_role_permissions_role FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE CASCADE,
    CONSTRAINT fk_role_permissions_permission FOREIGN KEY (permission_id) REFERENCES permissions (id) ON DELETE CASCADE
);

CREATE TABLE users (
    id                      ${id} PRIMARY KEY,
    institution_id          BIGINT,
    department_id           BIGINT,
    primary_role_id         BIGINT NOT NULL,
    username                VARCHAR(64) NOT NULL,
    email                   VARCHAR(320) NOT NULL,
    full_name               VARCHAR(200) NOT NULL,
    password_hash           VARCHAR(255),
    status                  VARCHAR(16) DEFAULT 'INVITED' NOT NULL,
    security_question       VARCHAR(300),
    security_answer_hash    VARCHAR(255),
    time_zone               VARCHAR(64) DEFAULT 'UTC' NOT NULL,
    locale                  VARCHAR(16) DEFAULT 'en' NOT NULL,
    last_login_at           ${ts},
    created_at              ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at              ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    version                 BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT uq_users_username UNIQUE (username),
    CONSTRAINT uq_users_email UNIQUE (email),
    CONSTRAINT ck_users_status CHECK (status IN ('ACTIVE', 'DISABLED', 'INVITED')),
    CONSTRAINT fk_users_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE SET NULL,
    CONSTRAINT fk_users_department FOREIGN KEY (department_id) REFERENCES departments (id) ON DELETE SET NULL,
    CONSTRAINT fk_users_primary_role FOREIGN KEY (primary_role_id) REFERENCES roles (id) ON DELETE RESTRICT
);
-- Seed 003 key index users(roleId, departmentId): role-based queries.
CREATE INDEX ix_users_role_department ON users (primary_role_id, department_id);
CREATE INDEX ix_users_institution_status ON users (institution_id, status);

CREATE TABLE user_roles (
    user_id    BIGINT NOT NULL,
    role_id    BIGINT NOT NULL,
    granted_at ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (user_id, role_id),
    CONSTRAINT fk_user_roles_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_roles_role FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE RESTRICT
);
CREATE INDEX ix_user_roles_role ON user_roles (role_id);

CREATE TABLE password_resets (
    id            ${id} PRIMARY KEY,
    user_id       BIGINT NOT NULL,
    token_hash    CHAR(64) NOT NULL,
    expires_at    ${ts} NOT NULL,
    used_at       ${ts},
    requested_ip  VARCHAR(45),
    created_at    ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT uq_password_resets_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_password_resets_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_password_resets_user ON password_resets (user_id, expires_at);

-- The fixed roles (seed 003 roles, plus the platform administrator and new mother of seed 000).
INSERT INTO roles (name, description) VALUES ('PLATFORM_ADMIN', 'Manages institutions on the platform; does not read their members'' private data');
INSERT INTO roles (name, description) VALUES ('ADMIN', 'Administers one institution: people, departments, programs, alerts and reports');
INSERT INTO roles (name, description) VALUES ('COORDINATOR', 'Administers one department: its mentorships, alerts and reports');
INSERT INTO roles (name, description) VALUES ('MENTOR', 'Mentors mentees and students, runs sessions and records outcomes');
INSERT INTO roles (name, description) VALUES ('MENTEE', 'Is mentored: an employee or a student');
INSERT INTO roles (name, description) VALUES ('NEW_MOTHER', 'A working mother with milestone, support-group, leave-coverage and support-chat features');
