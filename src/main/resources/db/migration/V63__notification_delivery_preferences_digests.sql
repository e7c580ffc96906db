-- The notification module (docs/notifications.md): how each notification reaches its person beside the
-- app (IN_APP, EMAIL at once, or the daily DIGEST), each person's choice per type, and the digests sent
-- (one per person and local day: the unique key makes a second sender fail, so none is sent twice).
ALTER TABLE notifications ADD delivery VARCHAR(16) DEFAULT 'IN_APP' NOT NULL;
ALTER TABLE notifications ADD CONSTRAINT ck_notifications_delivery CHECK (delivery IN ('IN_APP', 'EMAIL', 'DIGEST'));
-- The digest job's work list: notifications still to be e-mailed in a digest.
CREATE INDEX ix_notifications_delivery ON notifications (delivery, emailed_at, user_id);
-- The purge of read notifications after the retention period.
CREATE INDEX ix_notifications_read_at ON notifications (read_at);

CREATE TABLE notification_preferences (
    user_id     BIGINT NOT NULL,
    type        VARCHAR(64) NOT NULL,
    channel     VARCHAR(16) NOT NULL,
    updated_at  ${ts} NOT NULL,
    CONSTRAINT pk_notification_preferences PRIMARY KEY (user_id, type),
    CONSTRAINT ck_notification_preferences_channel CHECK (channel IN ('IN_APP', 'EMAIL', 'DIGEST')),
    CONSTRAINT fk_notification_preferences_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE notification_digests (
    id                  ${id} PRIMARY KEY,
    user_id             BIGINT NOT NULL,
    digest_date         DATE NOT NULL,
    notification_count  INTEGER NOT NULL,
    sent_at             ${ts} NOT NULL,
    CONSTRAINT uq_notification_digests_user_date UNIQUE (user_id, digest_date),
    CONSTRAINT fk_notification_digests_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
