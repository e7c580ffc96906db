package org.mentorhub.audit;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Persona;
import org.mentorhub.security.Matrix.Target;

import static org.mentorhub.security.Matrix.Relation.OTHER_DEPARTMENT;
import static org.mentorhub.security.Matrix.Relation.OTHER_USER;
import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of the audit log: an institution's administrator reads every row of their institution
 * (any user, any department) and nothing of another; the platform administrator reads only the
 * rows of no institution; nobody else reads any. Each request asks for the newest probe rows (the
 * planted row is the newest), so a foreign row would be on top if scoping failed. (It does not
 * filter by the marker itself: the viewer echoes its filters, which would show the marker.)
 */
public class AuditMatrixRows implements Matrix.Rows {

	/** An audit row by the owner, in the owner's institution; the marker is its record id. */
	public static final Fixture AUDIT_ROW = (world, owner, marker) -> {
		world.jdbc()
			.sql("INSERT INTO audit_logs (user_id, institution_id, action, entity, entity_id, created_at) "
					+ "VALUES (:user, :institution, 'MATRIX_PROBE', 'matrix', :marker, :at)")
			.param("user", owner.id())
			.param("institution", owner.institutionId())
			.param("marker", marker)
			.param("at", LocalDateTime.now(ZoneOffset.UTC))
			.update();
		return new Target(marker, marker);
	};

	@Override
	public List<Endpoint> rows() {
		return List.of(auditRows("/admin/audit"), auditRows("/admin/audit/export.csv"),
				auditRows("/api/v1/audit-logs"), auditRows("/api/v1/audit-logs/export"));
	}

	private static Endpoint auditRows(String path) {
		return Endpoint.get(path)
			.lists(AUDIT_ROW)
			.uri(target -> path + "?action=MATRIX_PROBE&entity=matrix")
			.allow(Persona.PLATFORM_ADMIN, OWN)
			.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT);
	}

}
