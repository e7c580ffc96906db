package org.mentorhub.mentorship;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.identity.RoleName;
import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Persona;
import org.mentorhub.security.Matrix.Target;
import org.mentorhub.security.RecordSnapshot;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.mentorhub.security.Matrix.Relation.OTHER_DEPARTMENT;
import static org.mentorhub.security.Matrix.Relation.OTHER_USER;
import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of the mentorship pages and API. A planted mentorship carries the marker in its goal;
 * its owner is its mentee (or, for the mentor's answers, its mentor), in the owner's department. Who
 * may: the mentor and mentee see and run their own (the mentor answers, the requester withdraws);
 * the administrator their whole institution and the coordinator their own department manage (approve,
 * reject, re-match, list, export); everyone else gets 403 or 404, and nothing changes.
 */
public class MentorshipMatrixRows implements Matrix.Rows {

	static final RecordSnapshot STATE = new RecordSnapshot(
			"SELECT status, notes, decision_reason, end_reason, version FROM mentorships WHERE id = :id");

	static final Set<Persona> MEMBERS = EnumSet.of(Persona.ADMIN, Persona.COORDINATOR, Persona.MENTOR, Persona.MENTEE,
			Persona.NEW_MOTHER);

	static final Set<Persona> MENTEES = EnumSet.of(Persona.MENTEE, Persona.NEW_MOTHER);

	/** A mentorship of the given status whose mentee (menteeSide) or mentor is the owner. */
	static Fixture mentorship(boolean menteeSide, String status) {
		return new Fixture() {

			@Override
			public Target plant(Matrix.World world, Account owner, String marker) {
				JdbcClient jdbc = world.jdbc();
				Account self = owner;
				if (owner.institutionId() == null) {
					// The platform administrator owns no institution's record: plant one between strangers.
					self = world.stranger(RoleName.MENTEE);
				}
				String institution = jdbc.sql("SELECT code FROM institutions WHERE id = :i")
					.param("i", self.institutionId()).query(String.class).single();
				String department = self.departmentId() == null ? null
						: jdbc.sql("SELECT code FROM departments WHERE id = :d").param("d", self.departmentId())
							.query(String.class).single();
				Account other = TestAccounts.create(jdbc, institution, department,
						menteeSide ? RoleName.MENTOR : RoleName.MENTEE);
				Account mentor = menteeSide ? other : self;
				Account mentee = menteeSide ? self : other;
				if (jdbc.sql("SELECT COUNT(*) FROM mentor_profiles WHERE user_id = :u").param("u", mentor.id())
					.query(Integer.class).single() == 0) {
					jdbc.sql("INSERT INTO mentor_profiles (user_id, max_mentees, current_mentee_count) VALUES (:u, 100, 0)")
						.param("u", mentor.id()).update();
				}
				boolean holding = status.equals("ACTIVE") || status.equals("PAUSED") ;
				if (holding) {
					jdbc.sql("UPDATE mentor_profiles SET current_mentee_count = current_mentee_count + 1 WHERE user_id = :u "
							+ "AND current_mentee_count < max_mentees").param("u", mentor.id()).update();
				}
				jdbc.sql("""
						INSERT INTO mentorships (institution_id, department_id, mentor_id, mentee_id, status, goal,
						                         requested_by_id, preference_rank, assigned_at)
						VALUES (:i, :d, :m, :e, :s, :goal, :e, 1, CASE WHEN :holding THEN CURRENT_TIMESTAMP ELSE NULL END)""")
					.param("i", self.institutionId())
					.param("d", mentee.departmentId())
					.param("m", mentor.id())
					.param("e", mentee.id())
					.param("s", status)
					.param("goal", "Goal " + marker)
					.param("holding", holding)
					.update();
				long id = jdbc.sql("SELECT MAX(id) FROM mentorships WHERE mentee_id = :e").param("e", mentee.id())
					.query(Long.class).single();
				return STATE.take(world, new Target(String.valueOf(id), marker));
			}

			@Override
			public String unexpectedChange(Matrix.World world, Target target) {
				return STATE.changes(world, target);
			}

		};
	}

	/** Spare mentors by planted target id: the new mentor of a re-match, the mentor of a request or proposal. */
	static final Map<String, Long> SPARE_MENTOR = new ConcurrentHashMap<>();

	static long spareMentor(Matrix.World world, Account near) {
		JdbcClient jdbc = world.jdbc();
		long institutionId = near.institutionId() == null ? world.university().id() : near.institutionId();
		String institution = jdbc.sql("SELECT code FROM institutions WHERE id = :i").param("i", institutionId)
			.query(String.class).single();
		Account mentor = TestAccounts.create(jdbc, institution, null, RoleName.MENTOR);
		jdbc.sql("INSERT INTO mentor_profiles (user_id, max_mentees, current_mentee_count) VALUES (:u, 5, 0)")
			.param("u", mentor.id()).update();
		return mentor.id();
	}

	/** An active mentorship, with a spare mentor of the institution for the re-match. */
	static final Fixture ACTIVE_REMATCH = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			Target target = ACTIVE.plant(world, owner, marker);
			long institutionId = world.jdbc().sql("SELECT institution_id FROM mentorships WHERE id = :id")
				.param("id", Long.parseLong(target.id())).query(Long.class).single();
			SPARE_MENTOR.put(target.id(), spareMentor(world,
					new Account(0, null, institutionId, null, RoleName.MENTEE)));
			return target;
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return ACTIVE.unexpectedChange(world, target);
		}

	};

	/** For a request: a mentor of the caller's institution (the target id is the mentor's id). */
	static final Fixture A_MENTOR = (world, owner, marker) -> new Target(String.valueOf(spareMentor(world, owner)), marker);

	/** For a proposal: a mentee in the caller's department (the target id), with a spare mentor. */
	static final Fixture A_MENTEE = (world, owner, marker) -> {
		JdbcClient jdbc = world.jdbc();
		String department = owner.departmentId() == null ? null
				: jdbc.sql("SELECT code FROM departments WHERE id = :d").param("d", owner.departmentId()).query(String.class).single();
		String institution = owner.institutionId() == null ? world.university().code()
				: jdbc.sql("SELECT code FROM institutions WHERE id = :i").param("i", owner.institutionId()).query(String.class).single();
		Account mentee = TestAccounts.create(jdbc, institution, department, RoleName.MENTEE);
		Target target = new Target(String.valueOf(mentee.id()), marker);
		SPARE_MENTOR.put(target.id(), spareMentor(world, mentee));
		return target;
	};

	static final Fixture REQUESTED_TO_OWNER = mentorship(false, "REQUESTED");

	static final Fixture OWN_REQUEST = mentorship(true, "REQUESTED");

	static final Fixture ACCEPTED = mentorship(true, "ACCEPTED");

	static final Fixture ACTIVE = mentorship(true, "ACTIVE");

	static final Fixture PAUSED = mentorship(true, "PAUSED");

	static Endpoint managers(Endpoint endpoint) {
		return endpoint.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT).allow(Persona.COORDINATOR, OWN, OTHER_USER);
	}

	static Endpoint participantsAndManagers(Endpoint endpoint) {
		return managers(endpoint.allow(MEMBERS, OWN));
	}

	@Override
	public List<Endpoint> rows() {
		List<Endpoint> rows = new ArrayList<>();
		// Reads.
		rows.add(Endpoint.get("/api/v1/mentorships").lists(ACTIVE).allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/mentorships").lists(ACTIVE).allow(MEMBERS, OWN));
		rows.add(participantsAndManagers(Endpoint.get("/api/v1/mentorships/{id}").on(ACTIVE)));
		rows.add(participantsAndManagers(Endpoint.get("/mentorships/{id:\\d+}").on(ACTIVE)));
		rows.add(managers(Endpoint.get("/api/v1/mentorships/managed").lists(ACTIVE)));
		rows.add(managers(Endpoint.get("/mentorships/manage").lists(ACTIVE)));
		rows.add(managers(Endpoint.get("/api/v1/mentorships/managed/export").lists(ACTIVE)));
		rows.add(managers(Endpoint.get("/mentorships/manage/export").lists(ACTIVE)));
		// Starting: the mentee's request (its form lists mentors), the manager's proposal.
		rows.add(Endpoint.get("/mentorships/request").allow(MEMBERS));
		rows.add(Endpoint.post("/mentorships/request").with(A_MENTOR).asFreshAccount()
			.form(t -> new String[] { "mentorId", t.id(), "goal", "Grow" }).allow(MENTEES));
		rows.add(Endpoint.post("/api/v1/mentorships/requests").with(A_MENTOR).asFreshAccount()
			.json(t -> "{\"choices\":[{\"mentorId\":" + t.id() + ",\"goal\":\"Grow\"}]}").allow(MENTEES));
		rows.add(Endpoint.get("/mentorships/propose").allow(EnumSet.of(Persona.ADMIN, Persona.COORDINATOR)));
		rows.add(Endpoint.post("/mentorships/propose").with(A_MENTEE)
			.form(t -> new String[] { "menteeId", t.id(), "mentorId", String.valueOf(SPARE_MENTOR.get(t.id())) })
			.allow(EnumSet.of(Persona.ADMIN, Persona.COORDINATOR)));
		rows.add(Endpoint.post("/api/v1/mentorships/proposals").with(A_MENTEE)
			.json(t -> "{\"menteeId\":" + t.id() + ",\"mentorId\":" + SPARE_MENTOR.get(t.id()) + "}")
			.allow(EnumSet.of(Persona.ADMIN, Persona.COORDINATOR)));
		// The mentor's answers: only the mentor (the owner of REQUESTED_TO_OWNER).
		for (String base : List.of("/api/v1/mentorships/{id}", "/mentorships/{id:\\d+}")) {
			boolean api = base.startsWith("/api");
			rows.add(body(Endpoint.post(base + "/accept").on(REQUESTED_TO_OWNER), api, null).allow(MEMBERS, OWN));
			rows.add(body(Endpoint.post(base + "/decline").on(REQUESTED_TO_OWNER), api, "Full diary").allow(MEMBERS, OWN));
			rows.add(managers(body(Endpoint.post(base + "/approve").on(ACCEPTED), api, "Good fit")));
			rows.add(managers(body(Endpoint.post(base + "/reject").on(ACCEPTED), api, "Not now")));
			rows.add(body(Endpoint.post(base + "/withdraw").on(OWN_REQUEST), api, null).allow(MEMBERS, OWN));
			rows.add(participantsAndManagers(body(Endpoint.post(base + "/pause").on(ACTIVE), api, "Exams")));
			rows.add(participantsAndManagers(body(Endpoint.post(base + "/resume").on(PAUSED), api, null)));
			rows.add(participantsAndManagers(body(Endpoint.post(base + "/end").on(ACTIVE), api, "Done")));
			rows.add(managers(api
					? Endpoint.post(base + "/rematch").on(ACTIVE_REMATCH)
						.json(t -> "{\"reason\":\"Not a fit\",\"mentorId\":" + SPARE_MENTOR.get(t.id()) + "}")
					: Endpoint.post(base + "/rematch").on(ACTIVE_REMATCH)
						.form(t -> new String[] { "reason", "Not a fit", "mentorId", String.valueOf(SPARE_MENTOR.get(t.id())) })));
		}
		return rows;
	}

	private static Endpoint body(Endpoint endpoint, boolean api, String reason) {
		if (api) {
			return endpoint.json(reason == null ? "{}" : "{\"reason\":\"" + reason + "\"}");
		}
		return reason == null ? endpoint.form("x", "") : endpoint.form("reason", reason);
	}

}
