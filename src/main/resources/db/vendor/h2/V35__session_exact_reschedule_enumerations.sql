-- Exact enumerations for the column of V34: nothing to do on this database (see V18).
SELECT 1;
