package org.mentorhub.privacy;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.mentorhub.TestAccounts;
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
 * Matrix rows of erasure requests, the legal hold and retention (issue 22 parts 3 and 5). A person sees and
 * cancels only their own request; the administrators of the person's institution see, approve and
 * refuse it (a request of a colleague of the record's owner, so that approving erases a fresh account,
 * never a persona); only platform administrators change retention periods, which institution
 * administrators may read.
 */
public class ErasureMatrixRows implements Matrix.Rows {

	static final RecordSnapshot STATE = new RecordSnapshot("""
			SELECT status, reason, decided_by_id, decision_reason, version FROM privacy_erasure_requests WHERE id = :id""");

	/** A pending request whose cooling-off period is over; of the owner, or of a new colleague of theirs. */
	static Fixture request(boolean colleague) {
		return new Fixture() {

			@Override
			public Target plant(Matrix.World world, Account owner, String marker) {
				Long institution = owner.institutionId() != null ? owner.institutionId() : world.university().id();
				Account person = colleague
						? TestAccounts.anAccount(org.mentorhub.identity.RoleName.MENTEE)
							.in(institution, owner.institutionId() != null ? owner.departmentId() : null)
							.create(world.jdbc())
						: owner;
				LocalDateTime past = LocalDateTime.now(ZoneOffset.UTC).minusDays(8);
				world.jdbc().sql("""
						INSERT INTO privacy_erasure_requests (user_id, institution_id, status, reason, requested_at, eligible_at)
						VALUES (:user, :institution, 'PENDING', :marker, :past, :past)""")
					.param("user", person.id())
					.param("institution", institution)
					.param("marker", marker)
					.param("past", past)
					.update();
				long id = world.jdbc().sql("SELECT MAX(id) FROM privacy_erasure_requests WHERE user_id = :user")
					.param("user", person.id())
					.query(Long.class)
					.single();
				return STATE.take(world, new Target(String.valueOf(id), marker));
			}

			@Override
			public String unexpectedChange(Matrix.World world, Target target) {
				return STATE.changes(world, target);
			}

		};
	}

	static final java.util.Set<Persona> MEMBERS = java.util.EnumSet.of(Persona.ADMIN, Persona.COORDINATOR,
			Persona.MENTOR, Persona.MENTEE, Persona.NEW_MOTHER);

	static Endpoint institutionAdmins(Endpoint endpoint) {
		return endpoint.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT);
	}

	@Override
	public List<Endpoint> rows() {
		Fixture own = request(false);
		Fixture colleagues = request(true);
		String password = "{\"password\":\"" + TestAccounts.PASSWORD + "\"}";
		return List.of(
				// The person's page and API.
				Endpoint.get("/account/privacy/erasure").lists(own).allow(Persona.SIGNED_IN, OWN),
				Endpoint.post("/account/privacy/erasure").asFreshAccount().form("password", TestAccounts.PASSWORD)
					.allow(MEMBERS),
				Endpoint.post("/account/privacy/erasure/{id}/cancel").on(own).allow(Persona.SIGNED_IN, OWN),
				Endpoint.post("/api/v1/privacy/erasure-requests").asFreshAccount().json(password).allow(MEMBERS),
				Endpoint.get("/api/v1/privacy/erasure-requests").lists(own).allow(Persona.SIGNED_IN, OWN),
				Endpoint.get("/api/v1/privacy/erasure-requests/{id}").on(own)
					.allow(Persona.SIGNED_IN, OWN)
					.allow(Persona.ADMIN, OTHER_USER, OTHER_DEPARTMENT),
				Endpoint.delete("/api/v1/privacy/erasure-requests/{id}").on(own).allow(Persona.SIGNED_IN, OWN),
				// The administrators of the person's institution.
				institutionAdmins(Endpoint.get("/admin/privacy/erasure-requests").lists(colleagues)),
				institutionAdmins(Endpoint.get("/admin/privacy/erasure-requests/{id}").on(colleagues)),
				institutionAdmins(Endpoint.post("/admin/privacy/erasure-requests/{id}/approve").on(colleagues)),
				institutionAdmins(Endpoint.post("/admin/privacy/erasure-requests/{id}/refuse").on(colleagues)
					.form("reason", "Not now")),
				institutionAdmins(Endpoint.post("/api/v1/privacy/erasure-requests/{id}/approve").on(colleagues)),
				institutionAdmins(Endpoint.post("/api/v1/privacy/erasure-requests/{id}/refuse").on(colleagues)
					.json("{\"reason\":\"Not now\"}")),
				Endpoint.post("/admin/privacy/legal-hold").form("keepAcademicRecords", "true").allow(Persona.ADMIN),
				Endpoint.get("/api/v1/privacy/legal-hold").allow(Persona.ADMIN),
				Endpoint.put("/api/v1/privacy/legal-hold").json("{\"keepAcademicRecords\":true}").allow(Persona.ADMIN),
				// Retention: read by administrators, changed by platform administrators.
				Endpoint.get("/admin/privacy/retention").allow(Persona.ADMIN).allow(Persona.PLATFORM_ADMIN),
				Endpoint.post("/admin/privacy/retention/{key}")
					.uri(target -> "/admin/privacy/retention/read-notifications")
					.form("days", "180")
					.allow(Persona.PLATFORM_ADMIN),
				Endpoint.get("/api/v1/privacy/retention").allow(Persona.ADMIN).allow(Persona.PLATFORM_ADMIN),
				Endpoint.put("/api/v1/privacy/retention/{key}")
					.uri(target -> "/api/v1/privacy/retention/read-notifications")
					.json("{\"days\":180}")
					.allow(Persona.PLATFORM_ADMIN));
	}

}
