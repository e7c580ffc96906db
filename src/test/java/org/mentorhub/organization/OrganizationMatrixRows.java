package org.mentorhub.organization;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.mentorhub.TestAccounts.Account;
import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Persona;
import org.mentorhub.security.Matrix.Relation;
import org.mentorhub.security.Matrix.Target;
import org.mentorhub.security.RecordSnapshot;

import static org.mentorhub.security.Matrix.Relation.OTHER_DEPARTMENT;
import static org.mentorhub.security.Matrix.Relation.OTHER_USER;
import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of institutions and departments. The platform administrator manages institutions
 * (every one of them) and nothing else here; an institution's administrator manages the departments
 * of their own institution and cannot see another's; coordinators, mentors, mentees and new mothers
 * get 403 on all of it.
 * <p>
 * Departments and institutions are not owned by a person, and every planted one would stay in the
 * shared database (lists of departments and of institutions that other tests read). So each
 * institution has one matrix department, code {@value #POOL_CODE}, which every call renames with a
 * fresh marker before it runs (the owner's institution; Northbridge for the platform administrator,
 * who has none), and there is one matrix institution, code {@value #POOL_CODE}, likewise.
 */
public class OrganizationMatrixRows implements Matrix.Rows {

	/** The code of the matrix department of each institution, and of the matrix institution. */
	static final String POOL_CODE = "MATRIX-POOL";

	static final RecordSnapshot DEPARTMENT_STATE = new RecordSnapshot(
			"SELECT institution_id, name, code, version FROM departments WHERE id = :id");

	static final RecordSnapshot INSTITUTION_STATE = new RecordSnapshot("SELECT name, code, kind, address, contact_email, "
			+ "time_zone, self_registration_enabled, self_registration_domains, security_question_enabled, "
			+ "mentorship_approval_required, request_response_days, gpa_scale, active, version FROM institutions "
			+ "WHERE id = :id");

	/** The matrix department of the owner's institution, renamed to carry the marker. */
	public static final Fixture DEPARTMENT = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			long institution = owner.institutionId() != null ? owner.institutionId() : world.university().id();
			List<Long> found = world.jdbc()
				.sql("SELECT id FROM departments WHERE institution_id = :i AND code = :code")
				.param("i", institution)
				.param("code", POOL_CODE)
				.query(Long.class)
				.list();
			if (found.isEmpty()) {
				world.jdbc()
					.sql("INSERT INTO departments (institution_id, name, code) VALUES (:i, :name, :code)")
					.param("i", institution)
					.param("name", "Department " + marker)
					.param("code", POOL_CODE)
					.update();
				return plant(world, owner, marker);
			}
			long id = found.get(0);
			world.jdbc()
				.sql("UPDATE departments SET name = :name WHERE id = :id")
				.param("name", "Department " + marker)
				.param("id", id)
				.update();
			return DEPARTMENT_STATE.take(world, new Target(String.valueOf(id), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return DEPARTMENT_STATE.changes(world, target);
		}

	};

	/** The matrix institution, renamed to carry the marker. */
	public static final Fixture INSTITUTION = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			List<Long> found = world.jdbc()
				.sql("SELECT id FROM institutions WHERE code = :code")
				.param("code", POOL_CODE)
				.query(Long.class)
				.list();
			if (found.isEmpty()) {
				world.jdbc()
					.sql("INSERT INTO institutions (name, code, kind, time_zone) VALUES (:name, :code, 'UNIVERSITY', 'UTC')")
					.param("name", "Institution " + marker)
					.param("code", POOL_CODE)
					.update();
				return plant(world, owner, marker);
			}
			long id = found.get(0);
			world.jdbc()
				.sql("UPDATE institutions SET name = :name WHERE id = :id")
				.param("name", "Institution " + marker)
				.param("id", id)
				.update();
			return INSTITUTION_STATE.take(world, new Target(String.valueOf(id), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return INSTITUTION_STATE.changes(world, target);
		}

	};

	@Override
	public List<Endpoint> rows() {
		String fresh = "MX" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
		Relation[] anyone = Relation.values();
		return List.of(
				// Departments: the administrator, of their own institution only.
				departments(Endpoint.get("/admin/departments").lists(DEPARTMENT)),
				departments(Endpoint.get("/api/v1/departments").lists(DEPARTMENT)),
				departments(Endpoint.get("/admin/departments/{id:\\d+}").on(DEPARTMENT)),
				departments(Endpoint.get("/api/v1/departments/{id}").on(DEPARTMENT)),
				departments(Endpoint.post("/admin/departments/{id:\\d+}").on(DEPARTMENT)
					.form("name", "Matrix renamed department", "code", POOL_CODE)),
				departments(Endpoint.patch("/api/v1/departments/{id}").on(DEPARTMENT)
					.json("{\"name\":\"Matrix renamed department\"}")),
				Endpoint.post("/admin/departments").form("name", "Matrix department", "code", fresh + "-P")
					.allow(Persona.ADMIN),
				Endpoint.post("/api/v1/departments").json("{\"name\":\"Matrix department\",\"code\":\"" + fresh + "-A\"}")
					.allow(Persona.ADMIN),
				// Institutions: the platform administrator, every institution.
				Endpoint.get("/platform/institutions").lists(INSTITUTION).allow(Persona.PLATFORM_ADMIN, anyone),
				Endpoint.get("/api/v1/institutions").lists(INSTITUTION).allow(Persona.PLATFORM_ADMIN, anyone),
				Endpoint.get("/platform/institutions/{id:\\d+}").on(INSTITUTION).allow(Persona.PLATFORM_ADMIN, anyone),
				Endpoint.get("/api/v1/institutions/{id}").on(INSTITUTION).allow(Persona.PLATFORM_ADMIN, anyone),
				Endpoint.post("/platform/institutions/{id:\\d+}").on(INSTITUTION)
					.form("name", "Matrix renamed institution", "code", POOL_CODE, "kind", "UNIVERSITY", "timeZone", "UTC",
							"requestResponseDays", "3", "gpaScale", "4.00")
					.allow(Persona.PLATFORM_ADMIN, anyone),
				Endpoint.put("/api/v1/institutions/{id}").on(INSTITUTION)
					.json("{\"name\":\"Matrix renamed institution\",\"code\":\"" + POOL_CODE + "\",\"kind\":\"UNIVERSITY\","
							+ "\"timeZone\":\"UTC\"}")
					.allow(Persona.PLATFORM_ADMIN, anyone),
				Endpoint.get("/platform/institutions/new").allow(Persona.PLATFORM_ADMIN),
				Endpoint.post("/platform/institutions")
					.form("name", "Matrix institution", "code", fresh + "-P", "kind", "COMPANY", "timeZone", "UTC",
							"requestResponseDays", "3", "gpaScale", "4.00")
					.allow(Persona.PLATFORM_ADMIN),
				Endpoint.post("/api/v1/institutions")
					.json("{\"name\":\"Matrix institution\",\"code\":\"" + fresh + "-A\",\"kind\":\"COMPANY\"}")
					.allow(Persona.PLATFORM_ADMIN));
	}

	/** An institution's administrator, on the departments of their own institution. */
	private static Endpoint departments(Endpoint row) {
		return row.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT);
	}

}
