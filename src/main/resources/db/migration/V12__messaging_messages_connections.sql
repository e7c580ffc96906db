-- Direct messages and connections (seed 000 directMessages, userConnections).

CREATE TABLE direct_messages (
    id           ${id} PRIMARY KEY,
    sender_id    BIGINT NOT NULL,
    receiver_id  BIGINT NOT NULL,
    message      ${text} NOT NULL,
    is_read      BOOLEAN DEFAULT FALSE NOT NULL,
    read_at      ${ts},
    created_at   ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_direct_messages_sender FOREIGN KEY (sender_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_direct_messages_receiver FOREIGN KEY (receiver_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_direct_messages_not_self CHECK (sender_id <> receiver_id)
);
CREATE INDEX ix_direct_messages_receiver ON direct_messages (receiver_id, is_read);
CREATE INDEX ix_direct_messages_conversation ON direct_messages (sender_id, receiver_id, created_at);

-- One connection per pair, whichever way it was asked: user_low_id/user_high_id hold the pair in order.
CREATE TABLE user_connections (
    id            ${id} PRIMARY KEY,
    requester_id  BIGINT NOT NULL,
    receiver_id   BIGINT NOT NULL,
    user_low_id   BIGINT NOT NULL,
    user_high_id  BIGINT NOT NULL,
    status        VARCHAR(16) DEFAULT 'PENDING' NOT NULL,
    created_at    ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at    ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT uq_user_connections_pair UNIQUE (user_low_id, user_high_id),
    CONSTRAINT fk_user_connections_requester FOREIGN KEY (requester_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_connections_receiver FOREIGN KEY (receiver_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_user_connections_status CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED')),
    CONSTRAINT ck_user_connections_pair CHECK (user_low_id < user_high_id
        AND ((requester_id = user_low_id AND receiver_id = user_high_id)
          OR (requester_id = user_high_id AND receiver_id = user_low_id)))
);
CREATE INDEX ix_user_connections_receiver ON user_connections (receiver_id, status);
