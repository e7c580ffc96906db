-- Exact enumerations for platform_jobs (V58, see V18).
ALTER TABLE platform_jobs MODIFY state VARCHAR(16) COLLATE utf8mb4_bin DEFAULT 'QUEUED' NOT NULL;
