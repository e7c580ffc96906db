-- Tenancy (seed 003 institutions, departments; seed 000 profiles.organization/department as text).
-- Placeholders ${id}, ${ts}, ${text} are set per database vendor by platform.FlywayVendorPlaceholders.

CREATE TABLE institutions (
    id                              ${id} PRIMARY KEY,
    name                            VARCHAR(200) NOT NULL,
    code                            VARCHAR(32) NOT NULL,
    kind                            VARCHAR(16) DEFAULT 'UNIVERSITY' NOT NULL,
    address                         VARCHAR(500),
    contact_email                   VARCHAR(320),
    time_zone                       VARCHAR(64) DEFAULT 'UTC' NOT NULL,
    self_registration_enabled       BOOLEAN DEFAULT FALSE NOT NULL,
    self_registration_domains       VARCHAR(1000),
    security_question_enabled       BOOLEAN DEFAULT FALSE NOT NULL,
    mentorship_approval_required    BOOLEAN DEFAULT TRUE NOT NULL,
    request_response_days           INTEGER DEFAULT 3 NOT NULL,
    gpa_scale                       DECIMAL(4, 2) DEFAULT 4.00 NOT NULL,
    active                          BOOLEAN DEFAULT TRUE NOT NULL,
    created_at                      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at                      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    version                         BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT uq_institutions_code UNIQUE (code),
    CONSTRAINT ck_institutions_kind CHECK (kind IN ('UNIVERSITY', 'COMPANY')),
    CONSTRAINT ck_institutions_request_days CHECK (request_response_days BETWEEN 1 AND 60),
    CONSTRAINT ck_institutions_gpa_scale CHECK (gpa_scale > 0 AND gpa_scale <= 20)
);

CREATE TABLE departments (
    id              ${id} PRIMARY KEY,
    institution_id  BIGINT NOT NULL,
    name            VARCHAR(200) NOT NULL,
    code            VARCHAR(32) NOT NULL,
    created_at      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    version         BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT uq_departments_institution_code UNIQUE (institution_id, code),
    CONSTRAINT fk_departments_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE CASCADE
);
