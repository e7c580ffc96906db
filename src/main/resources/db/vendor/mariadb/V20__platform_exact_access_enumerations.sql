-- Exact enumerations for the tables of V19 (see V18).
ALTER TABLE login_throttles MODIFY action VARCHAR(16) COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE login_throttles MODIFY key_type VARCHAR(8) COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE account_tokens MODIFY purpose VARCHAR(16) COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE user_imports MODIFY status VARCHAR(16) COLLATE utf8mb4_bin DEFAULT 'PREVIEW' NOT NULL;
ALTER TABLE user_import_rows MODIFY outcome VARCHAR(16) COLLATE utf8mb4_bin DEFAULT 'PENDING' NOT NULL;
