-- Audit log viewer (issue 3): the platform administrator reads the platform-level rows (those with
-- no institution), so the role gets AUDIT_READ; the viewer lists one institution's rows newest first.

INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r, permissions p WHERE r.name = 'PLATFORM_ADMIN' AND p.name = 'AUDIT_READ';

-- Serves "WHERE institution_id = ? [AND created_at BETWEEN ...] ORDER BY created_at DESC, id DESC LIMIT 26"
-- (and institution_id IS NULL for the platform rows) without a sort.
CREATE INDEX ix_audit_logs_institution_created ON audit_logs (institution_id, created_at, id);
