-- Enumerations must match exactly. H2 and PostgreSQL already compare the CHECK constraints' strings
-- case-sensitively; MariaDB/MySQL need binary collations (db/vendor/mariadb). Nothing to do here.
SELECT 1;
