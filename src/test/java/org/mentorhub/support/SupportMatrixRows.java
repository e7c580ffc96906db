package org.mentorhub.support;

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
 * Matrix rows of the support pages and API. A planted issue is reported by the record's owner (a stranger
 * mentee for an owner without an institution), unassigned and not escalated, with the marker in its
 * title. It is therefore seen and worked by its reporter and by the administrators of the reporter's
 * institution only: the platform administrator sees only escalated issues, coordinators and mentors see
 * nobody else's issues. Only those administrators assign and escalate it.
 */
public class SupportMatrixRows implements Matrix.Rows {

	static final Set<Persona> MEMBERS = EnumSet.of(Persona.ADMIN, Persona.COORDINATOR, Persona.MENTOR, Persona.MENTEE,
			Persona.NEW_MOTHER);

	static final RecordSnapshot ISSUE_STATE = new RecordSnapshot("""
			SELECT i.status, i.assigned_to_id, i.version, i.escalated_at,
			       (SELECT COUNT(*) FROM issue_messages m WHERE m.issue_id = i.id) AS messages
			FROM reported_issues i WHERE i.id = :id""");

	/** An administrator of the issue's institution to assign it to, by issue id (the request body needs it). */
	static final Map<String, Long> ASSIGNEES = new ConcurrentHashMap<>();

	static final Fixture ISSUE = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			JdbcClient jdbc = world.jdbc();
			Account reporter = owner.institutionId() == null ? world.stranger(RoleName.MENTEE) : owner;
			long issue = SupportFixtures.issue(jdbc, reporter.id(), "Issue " + marker);
			String institution = jdbc.sql("SELECT code FROM institutions WHERE id = :i")
				.param("i", reporter.institutionId()).query(String.class).single();
			ASSIGNEES.put(String.valueOf(issue), TestAccounts.create(jdbc, institution, null, RoleName.ADMIN).id());
			return ISSUE_STATE.take(world, new Target(String.valueOf(issue), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return ISSUE_STATE.changes(world, target);
		}

	};

	/** The reporter and the administrators of the reporter's institution. */
	static Endpoint reporterAndStaff(Endpoint endpoint) {
		return staff(endpoint).allow(MEMBERS, OWN);
	}

	/** The administrators of the reporter's institution. */
	static Endpoint staff(Endpoint endpoint) {
		return endpoint.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT);
	}

	@Override
	public List<Endpoint> rows() {
		List<Endpoint> rows = new ArrayList<>();
		rows.add(Endpoint.get("/support").lists(ISSUE).allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/api/v1/support/issues").lists(ISSUE).allow(MEMBERS, OWN));
		rows.add(staff(Endpoint.get("/support/queue").lists(ISSUE).uri(t -> "/support/queue?status=all&sort=newest")));
		rows.add(staff(Endpoint.get("/api/v1/support/issues/queue").lists(ISSUE)
			.uri(t -> "/api/v1/support/issues/queue?status=all&sort=newest")));
		rows.add(Endpoint.get("/support/new").allow(MEMBERS));
		rows.add(Endpoint.post("/support").form("title", "Broken", "description", "It broke", "category", "TECHNICAL")
			.allow(MEMBERS));
		rows.add(Endpoint.post("/api/v1/support/issues")
			.json("{\"title\":\"Broken\",\"description\":\"It broke\",\"category\":\"TECHNICAL\"}")
			.allow(MEMBERS));
		rows.add(reporterAndStaff(Endpoint.get("/support/{id:\\d+}").on(ISSUE)));
		rows.add(reporterAndStaff(Endpoint.get("/api/v1/support/issues/{id}").on(ISSUE)));
		rows.add(reporterAndStaff(Endpoint.post("/support/{id:\\d+}/messages").on(ISSUE).form("message", "Any news?")));
		rows.add(reporterAndStaff(Endpoint.post("/api/v1/support/issues/{id}/messages").on(ISSUE)
			.json("{\"message\":\"Any news?\"}")));
		rows.add(reporterAndStaff(Endpoint.post("/support/{id:\\d+}/transitions").on(ISSUE).form("action", "CLOSE")));
		rows.add(reporterAndStaff(Endpoint.post("/api/v1/support/issues/{id}/transitions").on(ISSUE)
			.json("{\"action\":\"CLOSE\"}")));
		rows.add(staff(Endpoint.post("/support/{id:\\d+}/assign").on(ISSUE)
			.form(t -> new String[] { "assigneeId", String.valueOf(ASSIGNEES.get(t.id())) })));
		rows.add(staff(Endpoint.put("/api/v1/support/issues/{id}/assignee").on(ISSUE)
			.json(t -> "{\"assigneeId\":" + ASSIGNEES.get(t.id()) + "}")));
		rows.add(staff(Endpoint.post("/support/{id:\\d+}/escalate").on(ISSUE)));
		rows.add(staff(Endpoint.post("/api/v1/support/issues/{id}/escalation").on(ISSUE)));
		return rows;
	}

}
