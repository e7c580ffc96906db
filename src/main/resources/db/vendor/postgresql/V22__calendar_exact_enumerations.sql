-- Exact enumerations for the tables of V21: nothing to do on this database (see V18).
SELECT 1;
