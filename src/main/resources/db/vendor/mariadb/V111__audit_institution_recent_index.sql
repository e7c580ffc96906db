-- The audit log's newest-first index (V33) is read backwards on this database: nothing to do (see the H2 file).
SELECT 1;
