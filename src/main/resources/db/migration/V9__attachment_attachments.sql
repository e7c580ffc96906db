-- One polymorphic attachment store (seed 003 attachments; seed 000 resources.filePath lives here too).

CREATE TABLE attachments (
    id              ${id} PRIMARY KEY,
    institution_id  BIGINT,
    related_type    VARCHAR(16) NOT NULL,
    related_id      BIGINT NOT NULL,
    owner_id        BIGINT,
    file_name       VARCHAR(255) NOT NULL,
    mime_type       VARCHAR(127) NOT NULL,
    size_bytes      BIGINT NOT NULL,
    storage_path    VARCHAR(500) NOT NULL,
    sha256          CHAR(64),
    created_at      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT uq_attachments_storage_path UNIQUE (storage_path),
    CONSTRAINT fk_attachments_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE CASCADE,
    CONSTRAINT fk_attachments_owner FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_attachments_related_type CHECK (related_type IN ('SESSION', 'FEEDBACK', 'GOAL', 'MENTORSHIP',
        'RESOURCE', 'ISSUE', 'AVATAR')),
    CONSTRAINT ck_attachments_size CHECK (size_bytes >= 0)
);
CREATE INDEX ix_attachments_related ON attachments (related_type, related_id);
CREATE INDEX ix_attachments_owner ON attachments (owner_id);
