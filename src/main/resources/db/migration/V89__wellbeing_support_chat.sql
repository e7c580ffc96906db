-- Issue 19 part 4: the support chat for new mothers (docs/support-chat.md). V11 created the messages
-- (sealed with platform.SecretBox, message_key_id) and the consent. This adds:
-- - where a reply came from (MODEL, CURATED, CRISIS, DISCLOSURE; NULL for her own messages), so that
--   the AI disclosure is repeated every few hours of use and a crisis answer is never mistaken for
--   the model's;
-- - the purge's index (retention, 30 days by default);
-- - per institution: the designated contact who is asked to call a mother in crisis (the
--   administrators when there is none) and the institution's own help lines (the defaults otherwise).
ALTER TABLE support_chat_messages ADD COLUMN reply_source VARCHAR(16);
ALTER TABLE support_chat_messages ADD CONSTRAINT ck_support_chat_messages_source
    CHECK (reply_source IS NULL OR reply_source IN ('MODEL', 'CURATED', 'CRISIS', 'DISCLOSURE'));
CREATE INDEX ix_support_chat_messages_created ON support_chat_messages (created_at);

CREATE TABLE support_chat_settings (
    institution_id   BIGINT NOT NULL PRIMARY KEY,
    contact_user_id  BIGINT,
    help_lines       ${text},
    updated_at       ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_support_chat_settings_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE CASCADE,
    CONSTRAINT fk_support_chat_settings_contact FOREIGN KEY (contact_user_id) REFERENCES users (id) ON DELETE SET NULL
);
