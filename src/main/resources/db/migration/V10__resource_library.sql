-- Resource library with tags and comments (seed 000 resources, resourceComments).

CREATE TABLE resources (
    id              ${id} PRIMARY KEY,
    institution_id  BIGINT NOT NULL,
    title           VARCHAR(200) NOT NULL,
    description     ${text},
    type            VARCHAR(16) NOT NULL,
    category        VARCHAR(64),
    uploaded_by_id  BIGINT,
    url             VARCHAR(1000),
    attachment_id   BIGINT,
    is_published    BOOLEAN DEFAULT FALSE NOT NULL,
    published_at    ${ts},
    created_at      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at      ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    version         BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT fk_resources_institution FOREIGN KEY (institution_id) REFERENCES institutions (id) ON DELETE CASCADE,
    CONSTRAINT fk_resources_uploaded_by FOREIGN KEY (uploaded_by_id) REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT fk_resources_attachment FOREIGN KEY (attachment_id) REFERENCES attachments (id) ON DELETE SET NULL,
    CONSTRAINT ck_resources_type CHECK (type IN ('MEDITATION', 'GUIDEBOOK', 'STORY', 'COURSE', 'VIRTUAL_SESSION'))
);
CREATE INDEX ix_resources_institution ON resources (institution_id, is_published, type);

CREATE TABLE resource_tags (
    resource_id  BIGINT NOT NULL,
    tag_id       BIGINT NOT NULL,
    PRIMARY KEY (resource_id, tag_id),
    CONSTRAINT fk_resource_tags_resource FOREIGN KEY (resource_id) REFERENCES resources (id) ON DELETE CASCADE,
    CONSTRAINT fk_resource_tags_tag FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE
);
CREATE INDEX ix_resource_tags_tag ON resource_tags (tag_id);

CREATE TABLE resource_comments (
    id           ${id} PRIMARY KEY,
    resource_id  BIGINT NOT NULL,
    user_id      BIGINT NOT NULL,
    content      ${text} NOT NULL,
    created_at   ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    updated_at   ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_resource_comments_resource FOREIGN KEY (resource_id) REFERENCES resources (id) ON DELETE CASCADE,
    CONSTRAINT fk_resource_comments_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_resource_comments_resource ON resource_comments (resource_id, created_at);
