-- Attachments of the development outbox's mail (an iCalendar invitation, say), kept as text.
CREATE TABLE outbox_mail_attachments (
    id            ${id} PRIMARY KEY,
    mail_id       BIGINT NOT NULL,
    filename      VARCHAR(255) NOT NULL,
    content_type  VARCHAR(255) NOT NULL,
    content       ${text} NOT NULL,
    CONSTRAINT fk_outbox_mail_attachments_mail FOREIGN KEY (mail_id) REFERENCES outbox_mails (id) ON DELETE CASCADE
);
CREATE INDEX ix_outbox_mail_attachments_mail ON outbox_mail_attachments (mail_id);
