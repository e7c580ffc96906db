-- Sign-in, password reset, registration and invitations look accounts up with "email = ?" and
-- "username = ?" on the unique indexes, the argument lower-cased, instead of "LOWER(email) = ?", which
-- read every account (docs/performance.md). The application has stored addresses lower-case since
-- invitations began (Invitations.normalizeEmail); this makes it true of every row, including rows
-- written by hand.
-- Two accounts whose addresses (or usernames) differ only in case cannot both keep them: the update then
-- fails on uq_users_email (uq_users_username) and the upgrade stops, changing nothing, rather than
-- choosing an account for the operator. Find them with
--   SELECT LOWER(email), COUNT(*) FROM users GROUP BY LOWER(email) HAVING COUNT(*) > 1
-- change or merge one of each pair, and start again (docs/performance.md, "Sign-in at scale").
-- MariaDB compares these columns case-insensitively (its default collation), so its unique keys never
-- allowed such pairs and its lookups ignore case anyway.
UPDATE users SET email = LOWER(email) WHERE email <> LOWER(email);
UPDATE users SET username = LOWER(username) WHERE username <> LOWER(username);
