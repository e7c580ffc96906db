package org.mentorhub.wellbeing.coverage;

import java.time.LocalDate;
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

import static org.mentorhub.security.Matrix.Relation.OTHER_DEPARTMENT;
import static org.mentorhub.security.Matrix.Relation.OTHER_USER;
import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of the leave-coverage pages and API. A planted request has the owner as the mother (or,
 * for the proxy's answers, as the proxy) and a colleague of the owner's institution whose name carries
 * the marker as the other party: the mother, the proxy and the administrators of the mother's
 * institution see it; only the proxy answers; only administrators approve; the mother or an
 * administrator cancels and records her return; everybody else gets 403 or 404.
 */
public class CoverageMatrixRows implements Matrix.Rows {

	static final Set<Persona> REQUESTERS = EnumSet.of(Persona.NEW_MOTHER, Persona.ADMIN);

	static final RecordSnapshot STATE = new RecordSnapshot("""
			SELECT status, approved_at, started_at, actual_end_date, version FROM proxy_requests WHERE id = :id""");

	/** The owner is the mother ({@code asProxy} false) or the proxy; {@code started}: an accepted leave that began. */
	static Fixture request(boolean asProxy, boolean started) {
		return new Fixture() {

			@Override
			public Target plant(Matrix.World world, Account owner, String marker) {
				Account colleague = TestAccounts.anAccount(RoleName.MENTOR).in(owner.institutionId(), owner.departmentId())
					.named("Colleague " + marker).create(world.jdbc());
				LocalDate today = LocalDate.now();
				long mother = asProxy ? colleague.id() : owner.id();
				long proxy = asProxy ? owner.id() : colleague.id();
				long id = started
						? CoverageFixtures.request(world.jdbc(), mother, proxy, "ACCEPTED", today.minusDays(10),
								today.plusDays(100), "Handover", false, true)
						: CoverageFixtures.request(world.jdbc(), mother, proxy, "PENDING", today.plusDays(30),
								today.plusDays(120), "Handover", true, false);
				return STATE.take(world, new Target(String.valueOf(id), marker));
			}

			@Override
			public String unexpectedChange(Matrix.World world, Target target) {
				return STATE.changes(world, target);
			}

		};
	}

	/** The mother (or proxy) herself, and the administrators of the mother's institution. */
	static Endpoint partiesAndAdmins(Endpoint endpoint) {
		return endpoint.allow(Persona.SIGNED_IN, OWN).allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT);
	}

	@Override
	public List<Endpoint> rows() {
		List<Endpoint> rows = new ArrayList<>();
		Fixture asMother = request(false, false);
		Fixture asProxy = request(true, false);
		Fixture started = request(false, true);
		rows.add(partiesAndAdmins(Endpoint.get("/coverage").lists(asMother)));
		rows.add(partiesAndAdmins(Endpoint.get("/api/v1/coverage").lists(asMother)));
		rows.add(partiesAndAdmins(Endpoint.get("/coverage/{id:\\d+}").on(asMother)));
		rows.add(partiesAndAdmins(Endpoint.get("/api/v1/coverage/{id}").on(asMother)));
		rows.add(Endpoint.get("/coverage/new").allow(REQUESTERS));
		String why = "the matrix request names no colleague; valid requests are in LeaveCoverageIntegrationTests";
		rows.add(Endpoint.post("/coverage").form("notes", "Matrix").answers(Persona.NEW_MOTHER, 400, why)
			.answers(Persona.ADMIN, 400, why));
		rows.add(Endpoint.post("/api/v1/coverage").json("{}").answers(Persona.NEW_MOTHER, 400, why)
			.answers(Persona.ADMIN, 400, why));
		rows.add(Endpoint.post("/coverage/{id:\\d+}/accept").on(asProxy).allow(Persona.SIGNED_IN, OWN));
		rows.add(Endpoint.post("/api/v1/coverage/{id}/accept").on(asProxy).allow(Persona.SIGNED_IN, OWN));
		rows.add(Endpoint.post("/coverage/{id:\\d+}/reject").on(asProxy).allow(Persona.SIGNED_IN, OWN));
		rows.add(Endpoint.post("/api/v1/coverage/{id}/reject").on(asProxy).allow(Persona.SIGNED_IN, OWN));
		rows.add(Endpoint.post("/coverage/{id:\\d+}/approve").on(asMother)
			.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT));
		rows.add(Endpoint.post("/api/v1/coverage/{id}/approve").on(asMother)
			.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT));
		rows.add(partiesAndAdmins(Endpoint.post("/coverage/{id:\\d+}/cancel").on(asMother)));
		rows.add(partiesAndAdmins(Endpoint.post("/api/v1/coverage/{id}/cancel").on(asMother)));
		rows.add(partiesAndAdmins(Endpoint.post("/coverage/{id:\\d+}/return").on(started)));
		rows.add(partiesAndAdmins(Endpoint.post("/api/v1/coverage/{id}/return").on(started).json("{}")));
		rows.add(Endpoint.get("/coverage/settings").allow(Persona.ADMIN));
		rows.add(Endpoint.get("/api/v1/coverage/settings").allow(Persona.ADMIN));
		rows.add(Endpoint.post("/coverage/settings").allow(Persona.ADMIN).form("returnPlan", "Meet your team"));
		rows.add(Endpoint.put("/api/v1/coverage/settings").allow(Persona.ADMIN).json("{\"approvalRequired\":false}"));
		return rows;
	}

}
