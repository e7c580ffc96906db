-- Issue 22 parts 2 and 6: the download of a person's own data, and the consent register.

-- One download of a person's data: built in the background (platform_jobs), kept 24 hours behind a
-- single-use link whose token is stored only as its SHA-256 hash, then removed.
CREATE TABLE privacy_exports (
    id             ${id} PRIMARY KEY,
    user_id        BIGINT NOT NULL,
    status         VARCHAR(16) NOT NULL,
    token_hash     VARCHAR(64),
    file_name      VARCHAR(100),
    size_bytes     BIGINT,
    content        ${blob},
    failure_reason VARCHAR(500),
    created_at     ${ts} NOT NULL,
    ready_at       ${ts},
    expires_at     ${ts},
    downloaded_at  ${ts},
    CONSTRAINT ck_privacy_exports_status CHECK (status IN ('BUILDING', 'READY', 'DOWNLOADED', 'EXPIRED', 'FAILED')),
    CONSTRAINT fk_privacy_exports_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_privacy_exports_user ON privacy_exports (user_id, created_at);
CREATE UNIQUE INDEX ux_privacy_exports_token ON privacy_exports (token_hash);
CREATE INDEX ix_privacy_exports_expiry ON privacy_exports (status, expires_at);

-- The consent register: one row per person and kind of consent, with when it was given and withdrawn and
-- the version of the text the person agreed to. The owning module (wellbeing, profile) keeps acting on its
-- own state; the register hears its events.
CREATE TABLE privacy_consents (
    user_id        BIGINT NOT NULL,
    kind           VARCHAR(32) NOT NULL,
    given_at       ${ts} NOT NULL,
    withdrawn_at   ${ts},
    text_version   VARCHAR(32) NOT NULL,
    CONSTRAINT pk_privacy_consents PRIMARY KEY (user_id, kind),
    CONSTRAINT ck_privacy_consents_kind CHECK (kind IN ('SUPPORT_CHAT', 'DIRECTORY_VISIBILITY')),
    CONSTRAINT fk_privacy_consents_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- Backfill from the owning modules' own records as they are when this runs (a one-off copy; from now on
-- their events keep the register in step).
INSERT INTO privacy_consents (user_id, kind, given_at, withdrawn_at, text_version)
SELECT user_id, 'SUPPORT_CHAT', consented_at, withdrawn_at, 'support-chat-v1' FROM support_chat_consents;
INSERT INTO privacy_consents (user_id, kind, given_at, withdrawn_at, text_version)
SELECT user_id, 'DIRECTORY_VISIBILITY', created_at, NULL, 'directory-v1' FROM user_profiles
WHERE visibility = 'INSTITUTION';
