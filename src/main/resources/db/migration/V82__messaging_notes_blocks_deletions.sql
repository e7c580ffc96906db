-- Issue 17: messaging. A connection request may carry a note; a person may block another (user_blocks:
-- either direction hides the two from each other's suggestions and stops their messages and requests);
-- a message deleted by its sender within 15 minutes keeps its row as "message deleted" (deleted_at set,
-- the text cleared).
ALTER TABLE user_connections ADD COLUMN note VARCHAR(500);
ALTER TABLE direct_messages ADD COLUMN deleted_at ${ts};

CREATE TABLE user_blocks (
    id          ${id} PRIMARY KEY,
    blocker_id  BIGINT NOT NULL,
    blocked_id  BIGINT NOT NULL,
    created_at  ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT uq_user_blocks_pair UNIQUE (blocker_id, blocked_id),
    CONSTRAINT fk_user_blocks_blocker FOREIGN KEY (blocker_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_blocks_blocked FOREIGN KEY (blocked_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_user_blocks_not_self CHECK (blocker_id <> blocked_id)
);
CREATE INDEX ix_user_blocks_blocked ON user_blocks (blocked_id);

-- The conversation list and a conversation's pages read by the pair and id (keyset pagination); the
-- sent side of a user by sender, the received side by receiver; the retention purge by age.
CREATE INDEX ix_direct_messages_pair_id ON direct_messages (sender_id, receiver_id, id);
CREATE INDEX ix_direct_messages_inbox_id ON direct_messages (receiver_id, sender_id, id);
CREATE INDEX ix_direct_messages_created ON direct_messages (created_at);
CREATE INDEX ix_user_connections_requester ON user_connections (requester_id, status);
