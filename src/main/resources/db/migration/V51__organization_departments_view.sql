-- organization's read contract (ADR 0003): lists of other modules that show or sort by a department
-- name join this view, never the departments table; single lookups go through organization.Organizations.

-- One row per department, with the institution it belongs to.
CREATE VIEW organization_departments AS
SELECT d.id, d.institution_id, d.name, d.code
FROM departments d;

