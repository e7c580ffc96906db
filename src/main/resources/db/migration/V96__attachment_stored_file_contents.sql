-- Issue 23 part 1: the database file store (attachment.DatabaseFileStore, mentorhub.files.store=database), for
-- installations with no object storage, so that every instance on the database sees every uploaded file. One
-- row per file store key (attachments.storage_path); the bytes are BYTEA on PostgreSQL, LONGBLOB on
-- MariaDB, BLOB on H2. No foreign key to attachments: the bytes are written before their row, and the copy
-- between stores (attachment.FileStoreMigration) fills this table for rows that already exist.
CREATE TABLE stored_file_contents (
    storage_key  VARCHAR(64) NOT NULL PRIMARY KEY,
    size_bytes   BIGINT NOT NULL,
    content      ${blob} NOT NULL,
    created_at   ${ts} DEFAULT CURRENT_TIMESTAMP(6) NOT NULL
);
