-- Exact enumerations for platform_jobs (V58): nothing to do on this database (see V18).
SELECT 1;
