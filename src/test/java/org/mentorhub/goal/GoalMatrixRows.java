package org.mentorhub.goal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestMentorships;
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
 * Matrix rows of the goal pages and API. A planted goal belongs to the owner (a stranger mentee's for
 * an owner without an institution: platform administrators keep no goals) and carries the marker in
 * its title. Goals are seen and updated by their owner, the administrators of the owner's institution
 * and the coordinators of the owner's department (the matrix's mentor persona mentors nobody); a new
 * goal is created by a mentee or new mother for themselves, or by those managers for a mentee. The owner
 * and the managers also delete goals (and whoever created one, which the matrix does not plant).
 */
public class GoalMatrixRows implements Matrix.Rows {

	static final Set<Persona> MEMBERS = EnumSet.of(Persona.ADMIN, Persona.COORDINATOR, Persona.MENTOR, Persona.MENTEE,
			Persona.NEW_MOTHER);

	static final Set<Persona> KEEPERS = EnumSet.of(Persona.MENTEE, Persona.NEW_MOTHER);

	static final RecordSnapshot GOAL_STATE = new RecordSnapshot("""
			SELECT g.title, g.progress_pct, g.status, g.version,
			       (SELECT COUNT(*) FROM goal_updates u WHERE u.goal_id = g.id) AS updates
			FROM goals g WHERE g.id = :id""");

	static final RecordSnapshot GOALS_OF = new RecordSnapshot("SELECT COUNT(*) AS goals FROM goals WHERE student_id = :id");

	static final RecordSnapshot PAIR_GOALS = new RecordSnapshot("""
			SELECT g.id, g.version FROM goals g WHERE g.mentorship_id = :id ORDER BY g.id""");

	/** The owner, or a stranger mentee for an owner without an institution. */
	static Account keeper(Matrix.World world, Account owner) {
		return owner.institutionId() == null ? world.stranger(RoleName.MENTEE) : owner;
	}

	static final Fixture GOAL = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			long goal = GoalFixtures.goal(world.jdbc(), keeper(world, owner), "Goal " + marker, null);
			return GOAL_STATE.take(world, new Target(String.valueOf(goal), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return GOAL_STATE.changes(world, target);
		}

	};

	/** The owner as the person a goal is created for (target id: their id). */
	static final Fixture PERSON = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			return GOALS_OF.take(world, new Target(String.valueOf(keeper(world, owner).id()), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return GOALS_OF.changes(world, target);
		}

	};

	/** An active mentorship whose mentee is the owner, with a mentor of the owner's department (target id: the mentorship). */
	static final Fixture PAIR = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			JdbcClient jdbc = world.jdbc();
			Account mentee = keeper(world, owner);
			String institution = jdbc.sql("SELECT code FROM institutions WHERE id = :i").param("i", mentee.institutionId())
				.query(String.class).single();
			String department = mentee.departmentId() == null ? null
					: jdbc.sql("SELECT code FROM departments WHERE id = :d").param("d", mentee.departmentId())
						.query(String.class).single();
			Account mentor = TestAccounts.create(jdbc, institution, department, RoleName.MENTOR);
			long mentorship = TestMentorships.plant(jdbc, mentor, mentee, "ACTIVE");
			long goal = GoalFixtures.goal(jdbc, mentee, "Pair goal " + marker, null);
			jdbc.sql("UPDATE goals SET mentorship_id = :m WHERE id = :g").param("m", mentorship).param("g", goal).update();
			return PAIR_GOALS.take(world, new Target(String.valueOf(mentorship), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return PAIR_GOALS.changes(world, target);
		}

	};

	/** The owner, the administrators (institution) and the coordinators (department). */
	static Endpoint visible(Endpoint endpoint) {
		return endpoint.allow(MEMBERS, OWN)
			.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT)
			.allow(Persona.COORDINATOR, OWN, OTHER_USER);
	}

	/** A mentee or new mother for themselves, and the managers for a mentee in their scope. */
	static Endpoint creatable(Endpoint endpoint) {
		return endpoint.allow(KEEPERS, OWN)
			.allow(Persona.ADMIN, OTHER_USER, OTHER_DEPARTMENT)
			.allow(Persona.COORDINATOR, OTHER_USER);
	}

	@Override
	public List<Endpoint> rows() {
		List<Endpoint> rows = new ArrayList<>();
		rows.add(visible(Endpoint.get("/goals").lists(GOAL)));
		rows.add(visible(Endpoint.get("/api/v1/goals").lists(GOAL)));
		rows.add(Endpoint.get("/goals/new").allow(MEMBERS));
		rows.add(creatable(Endpoint.post("/goals").on(PERSON).uri(t -> "/goals")
			.form(t -> new String[] { "studentId", t.id(), "title", "A new goal" })));
		rows.add(creatable(Endpoint.post("/api/v1/goals").on(PERSON).uri(t -> "/api/v1/goals")
			.json(t -> "{\"studentId\":" + t.id() + ",\"title\":\"A new goal\"}")));
		rows.add(visible(Endpoint.get("/goals/{id:\\d+}").on(GOAL)));
		rows.add(visible(Endpoint.get("/api/v1/goals/{id}").on(GOAL)));
		rows.add(visible(Endpoint.post("/goals/{id:\\d+}/updates").on(GOAL)
			.form("progressPct", "50", "note", "Halfway", "version", "0")));
		rows.add(visible(Endpoint.post("/api/v1/goals/{id}/updates").on(GOAL)
			.json("{\"progressPct\":50,\"note\":\"Halfway\",\"version\":0}")));
		rows.add(visible(Endpoint.post("/goals/{id:\\d+}/edit").on(GOAL)
			.form("title", "Renamed", "category", "CAREER", "version", "0")));
		rows.add(visible(Endpoint.put("/api/v1/goals/{id}").on(GOAL)
			.json("{\"title\":\"Renamed\",\"category\":\"CAREER\",\"version\":0}")));
		rows.add(visible(Endpoint.post("/goals/{id:\\d+}/delete").on(GOAL).form("version", "0")));
		rows.add(visible(Endpoint.delete("/api/v1/goals/{id}").on(GOAL).uri(t -> "/api/v1/goals/" + t.id() + "?version=0")));
		rows.add(visible(Endpoint.get("/goals/pair/{mentorshipId:\\d+}").on(PAIR)));
		rows.add(visible(Endpoint.get("/api/v1/goals/pair/{mentorshipId}").on(PAIR)));
		return rows;
	}

}
