-- CSV imports of student academic data (roll number, GPA, attendance, risk level) from the institution's
-- student information system: an upload is previewed row by row, then committed (rows that change
-- something) or discarded. department_id is the department a coordinator's upload is limited to; NULL for
-- an administrator's upload, which covers the whole institution.
CREATE TABLE academic_imports (
    id               ${id} PRIMARY KEY,
    institution_id   BIGINT NOT NULL,
    department_id    BIGINT,
    uploaded_by_id   BIGINT,
    file_name        VARCHAR(255) NOT NULL,
    file_sha256      CHAR(64) NOT NULL,
    status           VARCHAR(16) DEFAULT 'PREVIEW' NOT NULL,
    total_rows       INTEGER DEFAULT 0 NOT NULL,
    valid_rows       INTEGER DEFAULT 0 NOT NULL,
    processed_rows   INTEGER DEFAULT 0 NOT NULL,
    applied_rows     INTEGER DEFAULT 0 NOT NULL,
    created_at       ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    finished_at      ${ts},
    version          BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_academic_imports_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE CASCADE,
    CONSTRAINT fk_academic_imports_department FOREIGN KEY (department_id) REFERENCES departments (id) ON DELETE CASCADE,
    CONSTRAINT fk_academic_imports_uploaded_by FOREIGN KEY (uploaded_by_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_academic_imports_status CHECK (status IN ('PREVIEW', 'COMMITTING', 'COMMITTED', 'DISCARDED', 'FAILED'))
);
CREATE INDEX ix_academic_imports_institution ON academic_imports (institution_id, created_at);
CREATE INDEX ix_academic_imports_uploader ON academic_imports (uploaded_by_id, created_at);

-- One data row of a file, as typed (values are checked again at commit), with what became of it.
-- student_id is set only for a student the uploader may change.
CREATE TABLE academic_import_rows (
    id               ${id} PRIMARY KEY,
    import_id        BIGINT NOT NULL,
    line_number      INTEGER NOT NULL,
    roll_number      VARCHAR(64),
    gpa              VARCHAR(32),
    attendance       VARCHAR(32),
    risk_level       VARCHAR(32),
    student_id       BIGINT,
    changed_fields   VARCHAR(100),
    errors           VARCHAR(2000),
    outcome          VARCHAR(16) NOT NULL,
    CONSTRAINT uq_academic_import_rows_line UNIQUE (import_id, line_number),
    CONSTRAINT fk_academic_import_rows_import FOREIGN KEY (import_id) REFERENCES academic_imports (id) ON DELETE CASCADE,
    CONSTRAINT fk_academic_import_rows_student FOREIGN KEY (student_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_academic_import_rows_outcome CHECK (outcome IN ('NEW', 'UPDATE', 'UNCHANGED', 'ERROR', 'APPLIED', 'SKIPPED'))
);
