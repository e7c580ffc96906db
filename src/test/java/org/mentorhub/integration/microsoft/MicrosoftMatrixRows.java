package org.mentorhub.integration.microsoft;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.calendar.CalendarFixtures;
import org.mentorhub.identity.RoleName;
import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Target;
import org.mentorhub.security.RecordSnapshot;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.mentorhub.security.Matrix.Persona.SIGNED_IN;
import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of the Microsoft 365 integration. Everyone signed in has their own connection and
 * sees only it (page and API); the Outlook event of a session is its organiser's, who alone sees it
 * listed and may retry it (404 for everyone else, the session's other participant and administrators
 * included). Without an app registration (the matrix configures none) connecting leads back to the
 * page, and a callback without a started consent connects nothing.
 */
public class MicrosoftMatrixRows implements Matrix.Rows {

	static final RecordSnapshot OUTLOOK_STATE = new RecordSnapshot("""
			SELECT status, last_error, attempts FROM microsoft_outlook_events WHERE session_id = :id""");

	/** A failed Outlook event of a session organised by the owner; the marker is in the session's title. */
	static final Fixture OUTLOOK_EVENT = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			JdbcClient jdbc = world.jdbc();
			Account mentee = world.stranger(RoleName.MENTEE);
			String institution = jdbc.sql("SELECT code FROM institutions WHERE id = :i")
				.param("i", mentee.institutionId()).query(String.class).single();
			String department = mentee.departmentId() == null ? null
					: jdbc.sql("SELECT code FROM departments WHERE id = :d").param("d", mentee.departmentId())
						.query(String.class).single();
			Account mentor = TestAccounts.create(jdbc, institution, department, RoleName.MENTOR);
			CalendarFixtures.Planted session = CalendarFixtures.session(jdbc, mentor, mentee, "CONFIRMED",
					Instant.now().plus(9, ChronoUnit.DAYS), "Session " + marker);
			MicrosoftFixtures.outlookRow(jdbc, session.id(), owner, "FAILED", "Microsoft 365 answered with an error (500).");
			return OUTLOOK_STATE.take(world, new Target(String.valueOf(session.id()), marker));
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return OUTLOOK_STATE.changes(world, target);
		}

	};

	@Override
	public List<Endpoint> rows() {
		return List.of(Endpoint.get("/account/integrations").lists(OUTLOOK_EVENT).allow(SIGNED_IN, OWN),
				Endpoint.get("/api/v1/integrations/microsoft").lists(OUTLOOK_EVENT).allow(SIGNED_IN, OWN),
				Endpoint.get("/account/integrations/microsoft/connect").allow(SIGNED_IN),
				Endpoint.get("/account/integrations/microsoft/callback").allow(SIGNED_IN),
				Endpoint.post("/account/integrations/microsoft/disconnect").asFreshAccount().allow(SIGNED_IN),
				Endpoint.delete("/api/v1/integrations/microsoft").asFreshAccount().allow(SIGNED_IN),
				Endpoint.post("/account/integrations/outlook-events/{sessionId}/retry").on(OUTLOOK_EVENT)
					.uri(t -> "/account/integrations/outlook-events/" + t.id() + "/retry").allow(SIGNED_IN, OWN),
				Endpoint.post("/api/v1/integrations/microsoft/outlook-events/{sessionId}/retry").on(OUTLOOK_EVENT)
					.uri(t -> "/api/v1/integrations/microsoft/outlook-events/" + t.id() + "/retry").allow(SIGNED_IN, OWN));
	}

}
