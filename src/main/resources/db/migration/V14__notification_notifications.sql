-- In-app notifications (seed 003 notifications).

CREATE TABLE notifications (
    id          ${id} PRIMARY KEY,
    user_id     BIGINT NOT NULL,
    type        VARCHAR(64) NOT NULL,
    title       VARCHAR(200) NOT NULL,
    body        ${text},
    payload     ${text},
    link_url    VARCHAR(500),
    read_at     ${ts},
    emailed_at  ${ts},
    created_at  ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_notifications_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
-- Seed 003 key index: unread notifications.
CREATE INDEX ix_notifications_user_read ON notifications (user_id, read_at);
CREATE INDEX ix_notifications_user_created ON notifications (user_id, created_at);
