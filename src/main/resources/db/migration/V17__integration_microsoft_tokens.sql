-- Microsoft 365 OAuth tokens (seed 000 microsoftTokens), encrypted at rest (token_key_id, QUALITY S11).

CREATE TABLE microsoft_tokens (
    id               ${id} PRIMARY KEY,
    user_id          BIGINT NOT NULL,
    microsoft_email  VARCHAR(320) NOT NULL,
    access_token     ${text} NOT NULL,
    refresh_token    ${text},
    token_key_id     VARCHAR(32),
    scopes           VARCHAR(1000),
    expires_at       ${ts} NOT NULL,
    created_at       ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at       ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT uq_microsoft_tokens_user UNIQUE (user_id),
    CONSTRAINT fk_microsoft_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- The Outlook event created for a session, so that it can be updated or cancelled.
ALTER TABLE mentoring_sessions ADD outlook_event_id VARCHAR(255);
