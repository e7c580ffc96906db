package org.mentorhub.mentorship;

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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.mentorhub.security.Matrix.Relation.OTHER_DEPARTMENT;
import static org.mentorhub.security.Matrix.Relation.OTHER_USER;
import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of mentor suggestions and the matching weights. A planted mentee (in the owner's
 * institution and department) carries the marker in their name, which the suggestions for them show.
 * Who may: an administrator for the institution's mentees, a coordinator for their department's; a
 * mentee only their own suggestions (no {@code menteeId}: covered by MentorSuggestionsIntegrationTests),
 * so another mentee's id is refused; the weights: the institution's administrators only. The weight
 * rows save the defaults, so they change nothing other tests see.
 */
public class MentorSuggestionMatrixRows implements Matrix.Rows {

	/** A mentee near the owner whose name holds the marker (the target id is the mentee's id). */
	static final Fixture MENTEE = (world, owner, marker) -> {
		JdbcClient jdbc = world.jdbc();
		String institution = owner.institutionId() == null ? world.university().code()
				: jdbc.sql("SELECT code FROM institutions WHERE id = :i").param("i", owner.institutionId()).query(String.class).single();
		String department = owner.institutionId() == null || owner.departmentId() == null ? null
				: jdbc.sql("SELECT code FROM departments WHERE id = :d").param("d", owner.departmentId()).query(String.class).single();
		Account mentee = TestAccounts.create(jdbc, institution, department, RoleName.MENTEE);
		jdbc.sql("UPDATE users SET full_name = :n WHERE id = :u").param("n", "Mentee " + marker).param("u", mentee.id()).update();
		return new Target(String.valueOf(mentee.id()), marker);
	};

	static final String DEFAULTS_JSON = "{\"sharedSkillsAndInterests\":40,\"availabilityOverlap\":25,\"sameDepartment\":10,"
			+ "\"goalsAndExpertise\":15,\"supportsNewMothers\":20,\"remainingCapacity\":10}";

	static Endpoint managers(Endpoint endpoint) {
		return endpoint.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT).allow(Persona.COORDINATOR, OWN, OTHER_USER);
	}

	@Override
	public List<Endpoint> rows() {
		return List.of(
				managers(Endpoint.get("/api/v1/mentorships/suggestions").on(MENTEE)
					.uri(t -> "/api/v1/mentorships/suggestions?menteeId=" + t.id())),
				managers(Endpoint.get("/mentorships/suggestions").on(MENTEE)
					.uri(t -> "/mentorships/suggestions?mentee=" + t.id())),
				Endpoint.get("/admin/matching").allow(EnumSet.of(Persona.ADMIN)),
				Endpoint.post("/admin/matching")
					.form("sharedSkillsAndInterests", "40", "availabilityOverlap", "25", "sameDepartment", "10",
							"goalsAndExpertise", "15", "supportsNewMothers", "20", "remainingCapacity", "10")
					.allow(EnumSet.of(Persona.ADMIN)),
				Endpoint.get("/api/v1/matching/weights").allow(EnumSet.of(Persona.ADMIN)),
				Endpoint.put("/api/v1/matching/weights").json(DEFAULTS_JSON).allow(EnumSet.of(Persona.ADMIN)));
	}

}
