-- Exact enumerations for the tables of V41 (see V18).
ALTER TABLE academic_imports MODIFY status VARCHAR(16) COLLATE utf8mb4_bin DEFAULT 'PREVIEW' NOT NULL;
ALTER TABLE academic_import_rows MODIFY outcome VARCHAR(16) COLLATE utf8mb4_bin NOT NULL;
