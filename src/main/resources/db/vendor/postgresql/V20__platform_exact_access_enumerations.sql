-- Exact enumerations for the tables of V19: nothing to do on this database (see V18).
SELECT 1;
