package org.mentorhub.identity.administration;

import java.util.List;
import java.util.UUID;

import org.mentorhub.TestAccounts.Account;
import org.mentorhub.identity.RoleName;
import org.mentorhub.identity.UserStatus;
import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Persona;
import org.mentorhub.security.Matrix.Target;
import org.mentorhub.security.RecordSnapshot;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import static org.mentorhub.security.Matrix.Relation.OTHER_DEPARTMENT;
import static org.mentorhub.security.Matrix.Relation.OTHER_USER;
import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of user administration and invitations. An administrator searches, reads and changes
 * the people of their own institution (any department) and invites into it; a coordinator searches
 * and reads the people of their own department and changes nothing; the platform administrator,
 * mentors, mentees and new mothers get nothing (403). A person of another institution (or, for a
 * coordinator, of another department) is not found, leaks nothing and stays unchanged.
 * <p>
 * Each call is about a dedicated person planted for it in the owner's institution and department
 * (never the caller's own account, which could not be disabled and must not change): so a refused
 * call is proven not to have changed them, and an allowed one disrupts nobody.
 */
public class UserAdministrationMatrixRows implements Matrix.Rows {

	/** Columns of a person that a refused call must leave as they are. */
	static final RecordSnapshot PERSON_STATE = new RecordSnapshot("SELECT u.status, u.primary_role_id, u.department_id, "
			+ "u.institution_id, u.full_name, u.email, u.version, (SELECT COUNT(*) FROM user_roles r WHERE r.user_id = u.id) "
			+ "AS role_count FROM users u WHERE u.id = :id");

	/** An active person in the owner's institution and department; the marker is in their name. */
	public static final Fixture PERSON = person(UserStatus.ACTIVE);

	/** A disabled person in the owner's institution and department; the marker is in their name. */
	public static final Fixture DISABLED_PERSON = person(UserStatus.DISABLED);

	private static Fixture person(UserStatus status) {
		return new Fixture() {

			@Override
			public Target plant(Matrix.World world, Account owner, String marker) {
				long id = plantUser(world, owner.institutionId(), owner.departmentId(), status,
						owner.institutionId() == null ? RoleName.PLATFORM_ADMIN : RoleName.MENTEE, "Matrix " + marker,
						usernameFor(marker));
				return PERSON_STATE.take(world, new Target(String.valueOf(id), marker));
			}

			@Override
			public String unexpectedChange(Matrix.World world, Target target) {
				return PERSON_STATE.changes(world, target);
			}

		};
	}

	/**
	 * The username (and e-mail local part) of a planted person: unique, searchable, and not
	 * containing the marker, so that a page echoing a search for it shows no marker.
	 */
	public static String usernameFor(String marker) {
		return "matrix-" + marker.substring(2);
	}

	/**
	 * Inserts a person with the demo password ({@code mentorhub-demo}) and one role.
	 * @return the new user's id
	 */
	public static long plantUser(Matrix.World world, Long institutionId, Long departmentId, UserStatus status, RoleName role,
			String fullName, String username) {
		long roleId = world.jdbc()
			.sql("SELECT id FROM roles WHERE name = :name")
			.param("name", role.name())
			.query(Long.class)
			.single();
		String hash = org.mentorhub.TestAccounts.hash(org.mentorhub.TestAccounts.PASSWORD);
		KeyHolder keys = new GeneratedKeyHolder();
		world.jdbc()
			.sql("INSERT INTO users (institution_id, department_id, primary_role_id, username, email, full_name, "
					+ "password_hash, status) VALUES (:i, :d, :r, :u, :e, :n, :h, :s)")
			.param("i", institutionId)
			.param("d", departmentId)
			.param("r", roleId)
			.param("u", username)
			.param("e", username + "@matrix.test")
			.param("n", fullName)
			.param("h", hash)
			.param("s", status.name())
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		world.jdbc()
			.sql("INSERT INTO user_roles (user_id, role_id) VALUES (:u, :r)")
			.param("u", id)
			.param("r", roleId)
			.update();
		return id;
	}

	@Override
	public List<Endpoint> rows() {
		String invited = "matrix-invited-" + UUID.randomUUID().toString().substring(0, 8);
		return List.of(
				// Lists: looked up by the planted person's username (not the marker: the page echoes the query).
				readable(Endpoint.get("/admin/users").lists(PERSON)
					.uri(target -> "/admin/users?query=" + usernameFor(target.marker()))),
				readable(Endpoint.get("/api/v1/users").lists(PERSON)
					.uri(target -> "/api/v1/users?query=" + usernameFor(target.marker()))),
				readable(Endpoint.get("/admin/users/{id:\\d+}").on(PERSON)),
				readable(Endpoint.get("/api/v1/users/{id}").on(PERSON)),
				// Changes: the administrator only, in their own institution.
				changeable(Endpoint.post("/admin/users/{id:\\d+}").on(PERSON).form("roles", "MENTOR", "primaryRole",
						"MENTOR")),
				changeable(Endpoint.patch("/api/v1/users/{id}").on(PERSON).json("{\"roles\":[\"MENTOR\"]}")),
				changeable(Endpoint.post("/admin/users/{id:\\d+}/disable").on(PERSON)),
				changeable(Endpoint.post("/api/v1/users/{id}/disable").on(PERSON)),
				changeable(Endpoint.post("/admin/users/{id:\\d+}/enable").on(DISABLED_PERSON)),
				changeable(Endpoint.post("/api/v1/users/{id}/enable").on(DISABLED_PERSON)),
				// Invitations: into the administrator's own institution (USER_MANAGE).
				Endpoint.get("/admin/users/invite").allow(Persona.ADMIN),
				Endpoint.post("/admin/users/invite")
					.form("email", invited + "-page@matrix.test", "fullName", "Matrix Invitee", "roles", "MENTEE")
					.allow(Persona.ADMIN),
				Endpoint.post("/api/v1/users/invitations")
					.json("{\"email\":\"" + invited + "-api@matrix.test\",\"fullName\":\"Matrix Invitee\","
							+ "\"roles\":[\"MENTEE\"]}")
					.allow(Persona.ADMIN));
	}

	/** The administrator reads their whole institution; a coordinator only their own department. */
	private static Endpoint readable(Endpoint row) {
		return row.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT).allow(Persona.COORDINATOR, OWN, OTHER_USER);
	}

	/** Only the administrator changes people, and only of their own institution. */
	private static Endpoint changeable(Endpoint row) {
		return row.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT);
	}

}
