-- Working-mother support (seed 000 milestoneLogs, supportGroups, groupMemberships, proxyRequests,
-- mentalHealthChats). Chat messages are encrypted at rest (message_key_id, QUALITY S11).

CREATE TABLE milestone_logs (
    id              ${id} PRIMARY KEY,
    user_id         BIGINT NOT NULL,
    type            VARCHAR(16) NOT NULL,
    title           VARCHAR(200) NOT NULL,
    notes           ${text},
    milestone_date  DATE NOT NULL,
    created_at      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_milestone_logs_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_milestone_logs_type CHECK (type IN ('PREGNANCY', 'LEAVE_START', 'BIRTH', 'CHILDCARE', 'HEALTH',
        'RETURN_TO_WORK', 'CAREER', 'OTHER'))
);
CREATE INDEX ix_milestone_logs_user ON milestone_logs (user_id, milestone_date);

CREATE TABLE support_groups (
    id              ${id} PRIMARY KEY,
    institution_id  BIGINT NOT NULL,
    name            VARCHAR(200) NOT NULL,
    description     ${text},
    member_count    INTEGER DEFAULT 0 NOT NULL,
    last_active_at  ${ts},
    created_by_id   BIGINT,
    created_at      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    version         BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT uq_support_groups_name UNIQUE (institution_id, name),
    CONSTRAINT fk_support_groups_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE CASCADE,
    CONSTRAINT fk_support_groups_created_by FOREIGN KEY (created_by_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT ck_support_groups_member_count CHECK (member_count >= 0)
);

CREATE TABLE group_memberships (
    id         ${id} PRIMARY KEY,
    user_id    BIGINT NOT NULL,
    group_id   BIGINT NOT NULL,
    role       VARCHAR(16) DEFAULT 'MEMBER' NOT NULL,
    joined_at  ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT uq_group_memberships UNIQUE (user_id, group_id),
    CONSTRAINT fk_group_memberships_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_group_memberships_group FOREIGN KEY (group_id) REFERENCES support_groups (id) ON DELETE CASCADE,
    CONSTRAINT ck_group_memberships_role CHECK (role IN ('MEMBER', 'MODERATOR'))
);
CREATE INDEX ix_group_memberships_group ON group_memberships (group_id);

CREATE TABLE proxy_requests (
    id                 ${id} PRIMARY KEY,
    mother_id          BIGINT NOT NULL,
    proxy_id           BIGINT NOT NULL,
    status             VARCHAR(16) DEFAULT 'PENDING' NOT NULL,
    start_date         DATE NOT NULL,
    expected_end_date  DATE NOT NULL,
    actual_end_date    DATE,
    notes              ${text},
    decided_at         ${ts},
    created_at         ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at         ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    version            BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_proxy_requests_mother FOREIGN KEY (mother_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_proxy_requests_proxy FOREIGN KEY (proxy_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT ck_proxy_requests_status CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED', 'COMPLETED', 'CANCELLED')),
    CONSTRAINT ck_proxy_requests_dates CHECK (expected_end_date >= start_date),
    CONSTRAINT ck_proxy_requests_actual CHECK (actual_end_date IS NULL OR actual_end_date >= start_date),
    CONSTRAINT ck_proxy_requests_not_self CHECK (mother_id <> proxy_id)
);
CREATE INDEX ix_proxy_requests_mother ON proxy_requests (mother_id, status);
CREATE INDEX ix_proxy_requests_proxy ON proxy_requests (proxy_id, status);

CREATE TABLE support_chat_messages (
    id               ${id} PRIMARY KEY,
    user_id          BIGINT NOT NULL,
    message          ${text} NOT NULL,
    message_key_id   VARCHAR(32),
    is_from_user     BOOLEAN NOT NULL,
    sentiment        VARCHAR(16),
    sentiment_score  DECIMAL(5, 4),
    crisis_detected  BOOLEAN DEFAULT FALSE NOT NULL,
    created_at       ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_support_chat_messages_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_support_chat_messages_sentiment CHECK (sentiment IS NULL OR sentiment IN ('POSITIVE', 'NEUTRAL', 'NEGATIVE')),
    CONSTRAINT ck_support_chat_messages_score CHECK (sentiment_score IS NULL OR sentiment_score BETWEEN -1 AND 1)
);
CREATE INDEX ix_support_chat_messages_user ON support_chat_messages (user_id, created_at);

-- Separate, explicit, withdrawable consent to the support chat (QUALITY, Privacy).
CREATE TABLE support_chat_consents (
    user_id        BIGINT NOT NULL PRIMARY KEY,
    consented_at   ${ts} NOT NULL,
    withdrawn_at   ${ts},
    CONSTRAINT fk_support_chat_consents_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
