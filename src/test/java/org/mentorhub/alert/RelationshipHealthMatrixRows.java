package org.mentorhub.alert;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

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
 * Matrix rows of the relationship health API. A planted health belongs to an active mentorship whose
 * mentee is the record's owner (between strangers for an owner without an institution), AT_RISK, with
 * the marker in its reasons. It is seen by its pair, the coordinators of the mentee's department and the
 * administrators of the institution; listed to those managers; everybody else gets 403 or 404.
 */
public class RelationshipHealthMatrixRows implements Matrix.Rows {

	static final RecordSnapshot STATE = new RecordSnapshot(
			"SELECT health, reasons, nudged_at, escalated_at FROM relationship_health WHERE mentorship_id = :id");

	static final Fixture HEALTH = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			JdbcClient jdbc = world.jdbc();
			Account mentee = owner.institutionId() == null ? world.stranger(RoleName.MENTEE) : owner;
			String institution = jdbc.sql("SELECT code FROM institutions WHERE id = :i")
				.param("i", mentee.institutionId()).query(String.class).single();
			String department = mentee.departmentId() == null ? null
					: jdbc.sql("SELECT code FROM departments WHERE id = :d").param("d", mentee.departmentId())
						.query(String.class).single();
			Account mentor = TestAccounts.create(jdbc, institution, department, RoleName.MENTOR);
			long id = org.mentorhub.TestMentorships.plant(jdbc, mentor, mentee, "ACTIVE");
			jdbc.sql("""
					INSERT INTO relationship_health (mentorship_id, institution_id, department_id, mentor_id, mentee_id, health,
					                                 reasons, computed_at)
					VALUES (:id, :i, :d, :m, :e, 'AT_RISK', :reasons, CURRENT_TIMESTAMP)""")
				.param("id", id)
				.param("i", mentee.institutionId())
				.param("d", mentee.departmentId())
				.param("m", mentor.id())
				.param("e", mentee.id())
				.param("reasons", "Reason " + marker)
				.update();
			return STATE.take(world, new Target(String.valueOf(id), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return STATE.changes(world, target);
		}

	};

	static Endpoint managers(Endpoint endpoint) {
		return endpoint.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT).allow(Persona.COORDINATOR, OWN, OTHER_USER);
	}

	@Override
	public List<Endpoint> rows() {
		List<Endpoint> rows = new ArrayList<>();
		rows.add(managers(Endpoint.get("/api/v1/mentorships/{id}/health").on(HEALTH)
			.uri(t -> "/api/v1/mentorships/" + t.id() + "/health")
			.allow(EnumSet.of(Persona.ADMIN, Persona.COORDINATOR, Persona.MENTOR, Persona.MENTEE, Persona.NEW_MOTHER), OWN)));
		rows.add(managers(Endpoint.get("/api/v1/relationship-health").lists(HEALTH)
			.uri(t -> "/api/v1/relationship-health?health=AT_RISK&size=100")));
		rows.add(Endpoint.get("/api/v1/relationship-health/settings").allow(EnumSet.of(Persona.ADMIN, Persona.COORDINATOR)));
		rows.add(Endpoint.put("/api/v1/relationship-health/settings").json("{\"expectedDays\":21,\"escalateAfterDays\":7}")
			.allow(Persona.ADMIN));
		return rows;
	}

}
