package org.mentorhub.alert;

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
 * Matrix rows of the alert pages and API. A planted alert is about the record's owner (a stranger
 * mentee's for an owner without an institution), raised by nobody, owned by nobody, not visible to its
 * student, with the marker in its message. It is therefore seen and worked only by the administrators
 * of the student's institution and the coordinators of the student's department (the matrix's mentor
 * persona mentors nobody, and a student never sees an alert that is not flagged visible to them); the
 * same managers raise alerts about a student in their scope. "My cases" lists nothing of it to anybody.
 */
public class AlertMatrixRows implements Matrix.Rows {

	static final Set<Persona> MEMBERS = EnumSet.of(Persona.ADMIN, Persona.COORDINATOR, Persona.MENTOR, Persona.MENTEE,
			Persona.NEW_MOTHER);

	static final RecordSnapshot ALERT_STATE = new RecordSnapshot("""
			SELECT a.status, a.owner_id, a.version, (SELECT COUNT(*) FROM alert_events e WHERE e.alert_id = a.id) AS events
			FROM alerts a WHERE a.id = :id""");

	static final RecordSnapshot ALERTS_ABOUT = new RecordSnapshot(
			"SELECT COUNT(*) AS alerts FROM alerts WHERE student_id = :id");

	/** A staff member of the alert's institution to assign it to, by alert id (the request body needs it). */
	static final Map<String, Long> ASSIGNEES = new ConcurrentHashMap<>();

	static Account student(Matrix.World world, Account owner) {
		return owner.institutionId() == null ? world.stranger(RoleName.MENTEE) : owner;
	}

	static final Fixture ALERT = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			JdbcClient jdbc = world.jdbc();
			Account student = student(world, owner);
			long alert = AlertFixtures.alert(jdbc, student.id(), null, null, "Alert " + marker);
			String institution = jdbc.sql("SELECT code FROM institutions WHERE id = :i")
				.param("i", student.institutionId()).query(String.class).single();
			Account assignee = TestAccounts.create(jdbc, institution, null, RoleName.MENTOR);
			ASSIGNEES.put(String.valueOf(alert), assignee.id());
			return ALERT_STATE.take(world, new Target(String.valueOf(alert), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return ALERT_STATE.changes(world, target);
		}

	};

	/** An alert about a stranger mentee of the owner's institution that the owner owns (none for an owner without one). */
	static final Fixture OWNED = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			JdbcClient jdbc = world.jdbc();
			Account student = owner.institutionId() == null ? world.stranger(RoleName.MENTEE)
					: TestAccounts.create(jdbc, jdbc.sql("SELECT code FROM institutions WHERE id = :i")
						.param("i", owner.institutionId()).query(String.class).single(), null, RoleName.MENTEE);
			long alert = AlertFixtures.alert(jdbc, student.id(), null,
					owner.institutionId() == null ? null : owner.id(), "Owned " + marker);
			return ALERT_STATE.take(world, new Target(String.valueOf(alert), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return ALERT_STATE.changes(world, target);
		}

	};

	/** The owner as the student an alert is raised about (target id: their id). */
	static final Fixture STUDENT = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			return ALERTS_ABOUT.take(world, new Target(String.valueOf(student(world, owner).id()), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return ALERTS_ABOUT.changes(world, target);
		}

	};

	/** The administrators (institution) and the coordinators (department) of the alert's student. */
	static Endpoint managers(Endpoint endpoint) {
		return endpoint.allow(Persona.ADMIN, OTHER_USER, OTHER_DEPARTMENT).allow(Persona.COORDINATOR, OTHER_USER);
	}

	@Override
	public List<Endpoint> rows() {
		List<Endpoint> rows = new ArrayList<>();
		rows.add(managers(Endpoint.get("/alerts").lists(ALERT)));
		rows.add(managers(Endpoint.get("/api/v1/alerts").lists(ALERT)));
		rows.add(managers(Endpoint.get("/alerts/export.csv").lists(ALERT).uri(t -> "/alerts/export.csv?status=all")));
		rows.add(managers(Endpoint.get("/api/v1/alerts/export").lists(ALERT).uri(t -> "/api/v1/alerts/export?status=all")));
		rows.add(Endpoint.get("/alerts/mine").lists(OWNED).allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/api/v1/alerts/mine").lists(OWNED).allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/alerts/new").allow(EnumSet.of(Persona.ADMIN, Persona.COORDINATOR, Persona.MENTOR)));
		rows.add(managers(Endpoint.post("/alerts").on(STUDENT).uri(t -> "/alerts")
			.form(t -> new String[] { "studentId", t.id(), "severity", "WARN", "category", "GPA", "message", "Worry" })));
		rows.add(managers(Endpoint.post("/api/v1/alerts").on(STUDENT).uri(t -> "/api/v1/alerts")
			.json(t -> "{\"studentId\":" + t.id() + ",\"severity\":\"WARN\",\"category\":\"GPA\",\"message\":\"Worry\"}")));
		rows.add(managers(Endpoint.get("/alerts/{id:\\d+}").on(ALERT)));
		rows.add(managers(Endpoint.get("/api/v1/alerts/{id}").on(ALERT)));
		rows.add(managers(Endpoint.get("/api/v1/alerts/{id}/history").on(ALERT)
			.uri(t -> "/api/v1/alerts/" + t.id() + "/history")));
		rows.add(managers(Endpoint.post("/alerts/{id:\\d+}/transitions").on(ALERT)
			.form("action", "ACKNOWLEDGE", "version", "0")));
		rows.add(managers(Endpoint.post("/api/v1/alerts/{id}/transitions").on(ALERT)
			.json("{\"action\":\"ACKNOWLEDGE\",\"version\":0}")));
		rows.add(managers(Endpoint.post("/alerts/{id:\\d+}/assign").on(ALERT)
			.form(t -> new String[] { "ownerId", String.valueOf(ASSIGNEES.get(t.id())), "version", "0" })));
		rows.add(managers(Endpoint.put("/api/v1/alerts/{id}/owner").on(ALERT)
			.json(t -> "{\"ownerId\":" + ASSIGNEES.get(t.id()) + ",\"version\":0}")));
		rows.add(managers(Endpoint.post("/alerts/bulk").on(ALERT).uri(t -> "/alerts/bulk")
			.form(t -> new String[] { "ids", t.id(), "action", "ACKNOWLEDGE" })));
		rows.add(managers(Endpoint.post("/api/v1/alerts/bulk/acknowledge").on(ALERT)
			.uri(t -> "/api/v1/alerts/bulk/acknowledge").json(t -> "{\"ids\":[" + t.id() + "]}")));
		rows.add(managers(Endpoint.post("/api/v1/alerts/bulk/assign").on(ALERT).uri(t -> "/api/v1/alerts/bulk/assign")
			.json(t -> "{\"ids\":[" + t.id() + "],\"ownerId\":" + ASSIGNEES.get(t.id()) + "}")));
		return rows;
	}

}
