package org.mentorhub.mentorship;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import static org.mentorhub.security.Matrix.Relation.OTHER_DEPARTMENT;
import static org.mentorhub.security.Matrix.Relation.OTHER_USER;
import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of the bulk-assignment pages and API. A planted draft is READY, in the owner's
 * institution and department, with one pair (a fresh mentee and mentor of that department who can be
 * paired: same availability, free places) and the marker in its cohort description. Who may: the
 * administrator (whole institution) and the coordinator (own department); everyone else gets 403 or
 * 404, and nothing changes.
 */
public class BulkAssignmentMatrixRows implements Matrix.Rows {

	static final RecordSnapshot STATE = new RecordSnapshot(
			"SELECT status, version, needs_rerun FROM assignment_drafts WHERE id = :id");

	static final Set<Persona> MANAGERS = EnumSet.of(Persona.ADMIN, Persona.COORDINATOR);

	/** A mentee and a mentor who can be paired, in the account's institution and department (the run's university's CS without one). */
	static long[] pairNear(Matrix.World world, Account near) {
		JdbcClient jdbc = world.jdbc();
		String institution = near.institutionId() == null ? world.university().code()
				: jdbc.sql("SELECT code FROM institutions WHERE id = :i").param("i", near.institutionId()).query(String.class).single();
		String department = near.institutionId() == null ? "CS" : near.departmentId() == null ? null
				: jdbc.sql("SELECT code FROM departments WHERE id = :d").param("d", near.departmentId()).query(String.class).single();
		Account mentee = TestAccounts.create(jdbc, institution, department, RoleName.MENTEE);
		Account mentor = TestAccounts.create(jdbc, institution, department, RoleName.MENTOR);
		jdbc.sql("INSERT INTO mentor_profiles (user_id, max_mentees, current_mentee_count) VALUES (:u, 5, 0)")
			.param("u", mentor.id()).update();
		for (Account a : List.of(mentee, mentor)) {
			jdbc.sql("INSERT INTO availability_slots (user_id, day_of_week, start_time, end_time, time_zone) "
					+ "VALUES (:u, 3, :s, :e, 'UTC')")
				.param("u", a.id())
				.param("s", java.sql.Time.valueOf("09:00:00"))
				.param("e", java.sql.Time.valueOf("12:00:00"))
				.update();
		}
		return new long[] { mentee.id(), mentor.id(), mentee.institutionId(), mentee.departmentId() == null ? -1 : mentee.departmentId() };
	}

	static final Fixture DRAFT = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			JdbcClient jdbc = world.jdbc();
			long[] pair = pairNear(world, owner);
			KeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO assignment_drafts (institution_id, department_id, cohort_description, cohort_ids, status,
					  progress, total_score, assigned_count, version)
					VALUES (:i, :d, :desc, :ids, 'READY', 100, 5000, 1, 3)""")
				.param("i", pair[2])
				.param("d", pair[3] < 0 ? null : pair[3], java.sql.Types.BIGINT)
				.param("desc", "Cohort " + marker)
				.param("ids", String.valueOf(pair[0]))
				.update(keys, "id");
			long id = keys.getKeyAs(Number.class).longValue();
			jdbc.sql("INSERT INTO assignment_draft_pairs (draft_id, mentee_id, mentor_id, score, explanation, pinned) "
					+ "VALUES (:d, :e, :m, 5000, :x, FALSE)")
				.param("d", id).param("e", pair[0]).param("m", pair[1]).param("x", "Why " + marker).update();
			PAIRS.put(String.valueOf(id), pair);
			return STATE.take(world, new Target(String.valueOf(id), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return STATE.changes(world, target);
		}

	};

	/** For a run: a free mentee in the caller's department (the target id). */
	static final Fixture A_MENTEE = (world, owner, marker) -> new Target(String.valueOf(pairNear(world, owner)[0]), marker);

	/** The pair (mentee, mentor) of each planted draft, by draft id. */
	static final java.util.Map<String, long[]> PAIRS = new java.util.concurrent.ConcurrentHashMap<>();

	static long pairMentee(String draftId) {
		return PAIRS.get(draftId)[0];
	}

	static long pairMentor(String draftId) {
		return PAIRS.get(draftId)[1];
	}

	static Endpoint managers(Endpoint endpoint) {
		return endpoint.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT).allow(Persona.COORDINATOR, OWN, OTHER_USER);
	}

	@Override
	public List<Endpoint> rows() {
		List<Endpoint> rows = new ArrayList<>();
		rows.add(managers(Endpoint.get("/mentorships/bulk").lists(DRAFT)));
		rows.add(managers(Endpoint.get("/api/v1/mentorships/bulk").lists(DRAFT)));
		rows.add(managers(Endpoint.get("/mentorships/bulk/{id:\\d+}").on(DRAFT)));
		rows.add(managers(Endpoint.get("/mentorships/bulk/{id:\\d+}/progress").on(DRAFT).header("HX-Request", "true")));
		rows.add(managers(Endpoint.get("/api/v1/mentorships/bulk/{id}").on(DRAFT)));
		rows.add(Endpoint.post("/mentorships/bulk").with(A_MENTEE).form(t -> new String[] { "cohort", t.id() }).allow(MANAGERS));
		rows.add(Endpoint.post("/api/v1/mentorships/bulk").with(A_MENTEE).json(t -> "{\"cohort\":[\"" + t.id() + "\"]}")
			.allow(MANAGERS));
		for (String base : List.of("/api/v1/mentorships/bulk/{id}", "/mentorships/bulk/{id:\\d+}")) {
			boolean api = base.startsWith("/api");
			for (String action : List.of("pins", "removals")) {
				Endpoint e = Endpoint.post(base + "/" + action).on(DRAFT);
				rows.add(managers(api
						? e.json(t -> "{\"menteeId\":" + pairMentee(t.id()) + ",\"mentorId\":"
								+ pairMentor(t.id()) + "}")
						: e.form(t -> new String[] { "menteeId", String.valueOf(pairMentee(t.id())),
								"mentorId", String.valueOf(pairMentor(t.id())) })));
			}
			rows.add(managers(api ? Endpoint.post(base + "/rerun").on(DRAFT) : Endpoint.post(base + "/rerun").on(DRAFT).form("x", "")));
			rows.add(managers(api ? Endpoint.post(base + "/commit").on(DRAFT).json("{}")
					: Endpoint.post(base + "/commit").on(DRAFT).form("x", "")));
			rows.add(managers(api ? Endpoint.post(base + "/discard").on(DRAFT) : Endpoint.post(base + "/discard").on(DRAFT).form("x", "")));
		}
		return rows;
	}

}
