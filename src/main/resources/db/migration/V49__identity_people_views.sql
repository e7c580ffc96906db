-- identity's read contract for lists that must join people (ADR 0003): other modules read these
-- views, never the users, roles or user_roles tables. Batch lookups go through identity.People.

-- One row per account: where it belongs, its name and zone, its status and its primary role.
CREATE VIEW identity_people AS
SELECT u.id, u.institution_id, u.department_id, u.username, u.email, u.full_name, u.status,
       u.time_zone, u.locale, r.name AS primary_role
FROM users u
JOIN roles r ON r.id = u.primary_role_id;

-- One row per account and role it holds, the primary role included.
CREATE VIEW identity_person_roles AS
SELECT u.id AS user_id, r.name AS role
FROM users u
JOIN roles r ON r.id = u.primary_role_id
UNION
SELECT ur.user_id, r.name AS role
FROM user_roles ur
JOIN roles r ON r.id = ur.role_id;
