-- Microsoft 365 (issue 20): a connection that can no longer be refreshed needs reconnecting, and the
-- Outlook event of each session whose organiser is connected is tracked (pending, created, failed).

ALTER TABLE microsoft_tokens ADD status VARCHAR(16) DEFAULT 'ACTIVE' NOT NULL;
ALTER TABLE microsoft_tokens ADD CONSTRAINT ck_microsoft_tokens_status CHECK (status IN ('ACTIVE', 'RECONNECT'));

-- One row per session that MentorHub put (or tries to put) into an organiser's Outlook calendar. The
-- session module keeps the Graph event id (mentoring_sessions.outlook_event_id) and the Teams link;
-- this table keeps the sync state: what was last written (start, duration), and the last failure in
-- human words (never a token or a response body).
CREATE TABLE microsoft_outlook_events (
    id                ${id} PRIMARY KEY,
    session_id        BIGINT NOT NULL,
    organiser_id      BIGINT NOT NULL,
    event_id          VARCHAR(255),
    status            VARCHAR(16) NOT NULL,
    synced_start      ${ts},
    synced_minutes    INTEGER,
    attempts          INTEGER DEFAULT 0 NOT NULL,
    last_error        VARCHAR(300),
    created_at        ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at        ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT uq_microsoft_outlook_events_session UNIQUE (session_id),
    CONSTRAINT fk_microsoft_outlook_events_session FOREIGN KEY (session_id) REFERENCES mentoring_sessions (id) ON DELETE CASCADE,
    CONSTRAINT fk_microsoft_outlook_events_organiser FOREIGN KEY (organiser_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_microsoft_outlook_events_status CHECK (status IN ('PENDING', 'CREATED', 'FAILED', 'CANCELLED'))
);
CREATE INDEX ix_microsoft_outlook_events_organiser ON microsoft_outlook_events (organiser_id, status);
