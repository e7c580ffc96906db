-- Calendar (issue 6, items 7 and 8).

-- Each user's subscribable feed (/calendar/feed/{token}.ics). Only the SHA-256 of the 256-bit token is
-- stored, like personal access tokens: rotating replaces the hash, so the old URL stops working.
CREATE TABLE calendar_feed_tokens (
    id          ${id} PRIMARY KEY,
    user_id     BIGINT NOT NULL,
    token_hash  VARCHAR(64) NOT NULL,
    created_at  ${ts} NOT NULL,
    CONSTRAINT uq_calendar_feed_tokens_user UNIQUE (user_id),
    CONSTRAINT uq_calendar_feed_tokens_hash UNIQUE (token_hash),
    CONSTRAINT fk_calendar_feed_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- The iCalendar invitations mailed for a session (REQUEST on confirmation and each change, CANCEL on
-- cancellation): a CANCEL always carries a higher SEQUENCE than the last invitation sent.
CREATE TABLE calendar_invitations (
    id           ${id} PRIMARY KEY,
    session_id   BIGINT NOT NULL,
    method       VARCHAR(16) NOT NULL,
    sequence_no  INTEGER NOT NULL,
    sent_at      ${ts} NOT NULL,
    CONSTRAINT fk_calendar_invitations_session FOREIGN KEY (session_id) REFERENCES mentoring_sessions (id) ON DELETE CASCADE,
    CONSTRAINT ck_calendar_invitations_method CHECK (method IN ('REQUEST', 'CANCEL')),
    CONSTRAINT ck_calendar_invitations_sequence CHECK (sequence_no >= 0)
);
CREATE INDEX ix_calendar_invitations_session ON calendar_invitations (session_id, sequence_no);

-- Reminders before a session. The row is inserted (and committed) before the mail goes out, and the
-- unique key makes a second sender (a second run, a second instance) fail: a reminder is sent at most
-- once per session and start time, and a rescheduled session (new scheduled_at) gets a new one.
CREATE TABLE session_reminders (
    id            ${id} PRIMARY KEY,
    session_id    BIGINT NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    scheduled_at  ${ts} NOT NULL,
    sent_at       ${ts} NOT NULL,
    CONSTRAINT uq_session_reminders UNIQUE (session_id, kind, scheduled_at),
    CONSTRAINT fk_session_reminders_session FOREIGN KEY (session_id) REFERENCES mentoring_sessions (id) ON DELETE CASCADE,
    CONSTRAINT ck_session_reminders_kind CHECK (kind IN ('BEFORE'))
);
