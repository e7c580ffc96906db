package org.mentorhub.profile;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.mentorhub.TestAccounts.Account;
import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Persona;
import org.mentorhub.security.Matrix.Target;
import org.mentorhub.security.RecordSnapshot;

import static org.mentorhub.security.Matrix.Relation.OTHER_DEPARTMENT;
import static org.mentorhub.security.Matrix.Relation.OTHER_USER;
import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of profiles. The planted profile is PRIVATE (its bio carries the marker), so only its
 * owner, the institution's administrator and the coordinator of the owner's department see it;
 * only the owner and the administrator change it. The academic record is changed by the
 * administrator and the coordinator of the student's department only. The platform administrator,
 * who has no institution, gets 403 on all of it.
 */
public class ProfileMatrixRows implements Matrix.Rows {

	static final RecordSnapshot PROFILE_STATE = new RecordSnapshot(
			"SELECT bio, title, visibility, version FROM user_profiles WHERE user_id = :id");

	static final RecordSnapshot STUDENT_STATE = new RecordSnapshot(
			"SELECT roll_number, gpa, attendance_pct, risk_level, version FROM student_profiles WHERE user_id = :id");

	public static void plantProfile(Matrix.World world, Account owner, String marker) {
		world.jdbc().sql("DELETE FROM user_profiles WHERE user_id = :u").param("u", owner.id()).update();
		world.jdbc()
			.sql("INSERT INTO user_profiles (user_id, bio, visibility) VALUES (:u, :bio, 'PRIVATE')")
			.param("u", owner.id())
			.param("bio", "Bio " + marker)
			.update();
	}

	/** The owner's private general profile. */
	public static final Fixture PROFILE = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			plantProfile(world, owner, marker);
			return PROFILE_STATE.take(world, new Target(String.valueOf(owner.id()), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return PROFILE_STATE.changes(world, target);
		}

	};

	/** The owner as a student with an academic record (and a private profile carrying the marker). */
	public static final Fixture STUDENT = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			plantProfile(world, owner, marker);
			world.jdbc().sql("DELETE FROM student_profiles WHERE user_id = :u").param("u", owner.id()).update();
			world.jdbc()
				.sql("INSERT INTO student_profiles (user_id, roll_number, gpa, attendance_pct, risk_level) "
						+ "VALUES (:u, :r, 3.00, 80.00, 'MEDIUM')")
				.param("u", owner.id())
				.param("r", "MX" + UUID.randomUUID().toString().substring(0, 12))
				.update();
			return STUDENT_STATE.take(world, new Target(String.valueOf(owner.id()), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return STUDENT_STATE.changes(world, target);
		}

	};

	@Override
	public List<Endpoint> rows() {
		Set<Persona> members = EnumSet.of(Persona.ADMIN, Persona.COORDINATOR, Persona.MENTOR, Persona.MENTEE,
				Persona.NEW_MOTHER);
		return List.of(
				Endpoint.get("/api/v1/profiles/me").allow(members),
				Endpoint.get("/profile").allow(members),
				Endpoint.get("/profile/edit").allow(members),
				Endpoint.post("/profile/edit").form("bio", "Matrix bio", "visibility", "INSTITUTION").allow(members),
				Endpoint.get("/profile/tags/suggest").allow(members),
				Endpoint.get("/people/{userId:\\d+}").on(PROFILE)
					.allow(members, OWN)
					.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT)
					.allow(Persona.COORDINATOR, OWN, OTHER_USER),
				Endpoint.get("/people/{userId:\\d+}/edit").on(PROFILE)
					.allow(members, OWN)
					.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT),
				Endpoint.post("/people/{userId:\\d+}/edit").on(PROFILE)
					.form("bio", "Matrix changed bio", "visibility", "PRIVATE")
					.allow(members, OWN)
					.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT),
				Endpoint.post("/people/{userId:\\d+}/academic").on(STUDENT)
					.form("gpa", "2.50", "attendancePct", "70", "riskLevel", "LOW")
					.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT)
					.allow(Persona.COORDINATOR, OWN, OTHER_USER),
				Endpoint.put("/api/v1/profiles/me").json("{\"bio\":\"Matrix bio\"}").allow(members),
				Endpoint.get("/api/v1/tags").allow(members),
				Endpoint.get("/api/v1/profiles/{userId}").on(PROFILE)
					.allow(members, OWN)
					.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT)
					.allow(Persona.COORDINATOR, OWN, OTHER_USER),
				Endpoint.put("/api/v1/profiles/{userId}").on(PROFILE)
					.json("{\"bio\":\"Matrix changed bio\",\"visibility\":\"PRIVATE\"}")
					.allow(members, OWN)
					.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT),
				Endpoint.put("/api/v1/students/{userId}/academic").on(STUDENT)
					.json("{\"gpa\":2.50,\"attendancePct\":70,\"riskLevel\":\"LOW\"}")
					.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT)
					.allow(Persona.COORDINATOR, OWN, OTHER_USER));
	}

}
