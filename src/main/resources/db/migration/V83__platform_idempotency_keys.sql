-- QUALITY R3: an API POST may carry an Idempotency-Key header (platform.web.IdempotencyFilter). The first
-- request with a key claims its row (the unique constraint decides between concurrent ones), runs, and
-- stores its answer; a retry with the same key and the same request gets the stored answer, one with a
-- different request 422, and one while the first still runs waits for it (then 409). Rows expire after
-- mentorhub.idempotency.retention (24 hours) and are purged by a scheduled job.
CREATE TABLE idempotency_keys (
    id            ${id} PRIMARY KEY,
    caller        VARCHAR(100) NOT NULL,
    idem_key      VARCHAR(200) NOT NULL,
    request_hash  VARCHAR(64) NOT NULL,
    status        INT,
    content_type  VARCHAR(200),
    location      VARCHAR(1000),
    response_body ${text},
    created_at    ${ts} NOT NULL,
    completed_at  ${ts},
    CONSTRAINT uq_idempotency_keys_caller_key UNIQUE (caller, idem_key)
);
CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at);
