-- Append-only audit trail (seed 003 audit_logs). user_id is SET NULL so that erasure pseudonymises
-- rather than deletes; actor_label keeps a pseudonym.

CREATE TABLE audit_logs (
    id              ${id} PRIMARY KEY,
    user_id         BIGINT,
    institution_id  BIGINT,
    actor_label     VARCHAR(100),
    action          VARCHAR(64) NOT NULL,
    entity          VARCHAR(64) NOT NULL,
    entity_id       VARCHAR(64),
    before_state    ${text},
    after_state     ${text},
    ip              VARCHAR(45),
    user_agent      VARCHAR(500),
    created_at      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_audit_logs_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT fk_audit_logs_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE SET NULL
);
-- Seed 003 key indexes: entity history and the chronological trail.
CREATE INDEX ix_audit_logs_entity ON audit_logs (entity, entity_id);
CREATE INDEX ix_audit_logs_created ON audit_logs (created_at);
CREATE INDEX ix_audit_logs_user ON audit_logs (user_id, created_at);
