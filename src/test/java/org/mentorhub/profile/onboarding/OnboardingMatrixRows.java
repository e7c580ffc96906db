package org.mentorhub.profile.onboarding;

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
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import static org.mentorhub.security.Matrix.Relation.OTHER_DEPARTMENT;
import static org.mentorhub.security.Matrix.Relation.OTHER_USER;
import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of onboarding. The wizard is self-service: every member of an institution uses their
 * own (the paths name nobody), the platform administrator has none (403). The follow-up list and
 * reminders are for administrators (whole institution) and coordinators (own department): the
 * planted person is an active mentee who has not started, named with the marker, in the owner's
 * institution and department; a refused reminder must leave them unreminded and unmailed.
 */
public class OnboardingMatrixRows implements Matrix.Rows {

	static final Set<Persona> MEMBERS = EnumSet.of(Persona.ADMIN, Persona.COORDINATOR, Persona.MENTOR, Persona.MENTEE,
			Persona.NEW_MOTHER);

	/** The username (and e-mail local part) of a planted person: searchable, without the marker. */
	static String usernameFor(String marker) {
		return "onb-" + marker.substring(2);
	}

	/** An active mentee of the owner's institution and department who has not started onboarding. */
	public static final Fixture UNFINISHED = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			long roleId = world.jdbc().sql("SELECT id FROM roles WHERE name = 'MENTEE'").query(Long.class).single();
			String username = usernameFor(marker);
			KeyHolder keys = new GeneratedKeyHolder();
			world.jdbc()
				.sql("INSERT INTO users (institution_id, department_id, primary_role_id, username, email, full_name, "
						+ "status) VALUES (:i, :d, :r, :u, :e, :n, 'ACTIVE')")
				.param("i", owner.institutionId())
				.param("d", owner.departmentId())
				.param("r", roleId)
				.param("u", username)
				.param("e", username + "@matrix.test")
				.param("n", "Matrix " + marker)
				.update(keys, "id");
			long id = keys.getKeyAs(Number.class).longValue();
			world.jdbc().sql("INSERT INTO user_roles (user_id, role_id) VALUES (:u, :r)").param("u", id).param("r", roleId)
				.update();
			return new Target(String.valueOf(id), marker);
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			long reminders = world.jdbc()
				.sql("SELECT COUNT(*) FROM onboarding_reminders WHERE user_id = :u")
				.param("u", Long.parseLong(target.id()))
				.query(Long.class)
				.single();
			long mails = world.jdbc()
				.sql("SELECT COUNT(*) FROM outbox_mails WHERE recipient = :e")
				.param("e", usernameFor(target.marker()) + "@matrix.test")
				.query(Long.class)
				.single();
			return reminders == 0 && mails == 0 ? null : "the person was reminded";
		}

	};

	/** Makes the caller's own wizard ready to finish: every step done, not finished yet. */
	public static final Fixture READY_TO_FINISH = (world, owner, marker) -> {
		int updated = world.jdbc()
			.sql("UPDATE user_profiles SET onboarding_status = 'IN_PROGRESS', onboarding_step = 20, "
					+ "onboarding_completed_at = NULL WHERE user_id = :u")
			.param("u", owner.id())
			.update();
		if (updated == 0) {
			world.jdbc()
				.sql("INSERT INTO user_profiles (user_id, onboarding_status, onboarding_step) VALUES (:u, 'IN_PROGRESS', 20)")
				.param("u", owner.id())
				.update();
		}
		return new Target(String.valueOf(owner.id()), marker);
	};

	@Override
	public List<Endpoint> rows() {
		String q = "matrix-nobody-" + UUID.randomUUID().toString().substring(0, 8);
		return List.of(
				// The wizard: one's own only.
				Endpoint.get("/onboarding").allow(MEMBERS),
				Endpoint.get("/onboarding/{step:\\d+}").uri(t -> "/onboarding/1").allow(MEMBERS),
				Endpoint.post("/onboarding/{step:\\d+}").uri(t -> "/onboarding/1")
					.form("title", "Matrix title", "action", "save")
					.allow(MEMBERS),
				Endpoint.get("/api/v1/onboarding/me").allow(MEMBERS),
				Endpoint.get("/api/v1/onboarding/me/steps/{step}").uri(t -> "/api/v1/onboarding/me/steps/1")
					.allow(MEMBERS),
				Endpoint.put("/api/v1/onboarding/me/steps/{step}").uri(t -> "/api/v1/onboarding/me/steps/1")
					.json("{\"title\":\"Matrix title\"}")
					.allow(MEMBERS),
				Endpoint.post("/api/v1/onboarding/me/steps/{step}/skip").uri(t -> "/api/v1/onboarding/me/steps/1/skip")
					.allow(MEMBERS),
				Endpoint.post("/api/v1/onboarding/me/complete").with(READY_TO_FINISH).allow(MEMBERS),
				// Follow-up: administrators their institution, coordinators their department.
				followUp(Endpoint.get("/admin/onboarding").lists(UNFINISHED)
					.uri(t -> "/admin/onboarding?q=" + usernameFor(t.marker()))),
				followUp(Endpoint.get("/api/v1/admin/onboarding").lists(UNFINISHED)
					.uri(t -> "/api/v1/admin/onboarding?q=" + usernameFor(t.marker()))),
				followUp(Endpoint.post("/admin/onboarding/{userId:\\d+}/reminders").on(UNFINISHED)),
				followUp(Endpoint.post("/api/v1/admin/onboarding/{userId}/reminders").on(UNFINISHED)),
				followUp(Endpoint.post("/api/v1/admin/onboarding/reminders").lists(UNFINISHED)
					.uri(t -> "/api/v1/admin/onboarding/reminders?q=" + usernameFor(t.marker()))),
				// The page's "remind all shown" redirects back to the list; searched for nobody, it reminds nobody.
				Endpoint.post("/admin/onboarding/reminders").form("q", q)
					.allow(EnumSet.of(Persona.ADMIN, Persona.COORDINATOR)));
	}

	private static Endpoint followUp(Endpoint row) {
		return row.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT).allow(Persona.COORDINATOR, OWN, OTHER_USER);
	}

}
