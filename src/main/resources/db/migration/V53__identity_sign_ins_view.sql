-- identity's read contract (ADR 0003), beside identity_people: when each account last signed in, for
-- lists of other modules that show it (onboarding follow-up). Never the users table itself.
CREATE VIEW identity_sign_ins AS
SELECT u.id AS user_id, u.last_login_at
FROM users u;
