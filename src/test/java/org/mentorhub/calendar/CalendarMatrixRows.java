package org.mentorhub.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.identity.RoleName;
import org.mentorhub.identity.TokenHashing;
import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Persona;
import org.mentorhub.security.Matrix.Target;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.mentorhub.security.Matrix.Persona.EVERYONE;
import static org.mentorhub.security.Matrix.Persona.SIGNED_IN;
import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of the calendar. My feed (page and API): everyone signed in, their own only. The feed
 * itself is public by design (calendar apps cannot sign in): the secret token in the path is the
 * proof, so each call plants a fresh token. A session's invitation: its participants only, 404 for
 * everyone else (coordinators and administrators included).
 */
public class CalendarMatrixRows implements Matrix.Rows {

	static final Set<Persona> MEMBERS = EnumSet.of(Persona.ADMIN, Persona.COORDINATOR, Persona.MENTOR, Persona.MENTEE,
			Persona.NEW_MOTHER);

	/** A confirmed session whose mentee is the owner; the marker is in its title. */
	public static final Fixture SESSION = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			JdbcClient jdbc = world.jdbc();
			Account mentee = owner;
			if (owner.institutionId() == null) {
				// The platform administrator takes part in no session: plant one between strangers.
				mentee = world.stranger(RoleName.MENTEE);
			}
			String institution = jdbc.sql("SELECT code FROM institutions WHERE id = :i")
				.param("i", mentee.institutionId())
				.query(String.class)
				.single();
			String department = mentee.departmentId() == null ? null
					: jdbc.sql("SELECT code FROM departments WHERE id = :d")
						.param("d", mentee.departmentId())
						.query(String.class)
						.single();
			Account mentor = TestAccounts.create(jdbc, institution, department, RoleName.MENTOR);
			CalendarFixtures.Planted planted = CalendarFixtures.session(jdbc, mentor, mentee, "CONFIRMED",
					Instant.now().plus(7, ChronoUnit.DAYS), "Session " + marker);
			return new Target(String.valueOf(planted.id()), marker);
		}

	};

	/** A fresh feed token of the owner (the caller, or a peer for anonymous callers); the id is the token. */
	public static final Fixture FEED_TOKEN = (world, owner, marker) -> {
		String token = TokenHashing.newToken();
		JdbcClient jdbc = world.jdbc();
		jdbc.sql("DELETE FROM calendar_feed_tokens WHERE user_id = :u").param("u", owner.id()).update();
		jdbc.sql("INSERT INTO calendar_feed_tokens (user_id, token_hash, created_at) VALUES (:u, :h, :at)")
			.param("u", owner.id())
			.param("h", TokenHashing.sha256Hex(token))
			.param("at", LocalDateTime.now(ZoneOffset.UTC))
			.update();
		return new Target(token, marker);
	};

	@Override
	public List<Endpoint> rows() {
		return List.of(Endpoint.get("/account/calendar").allow(SIGNED_IN),
				Endpoint.post("/account/calendar").asFreshAccount().allow(SIGNED_IN),
				Endpoint.post("/account/calendar/remove").asFreshAccount().allow(SIGNED_IN),
				Endpoint.get("/api/v1/calendar/feed").allow(SIGNED_IN),
				Endpoint.post("/api/v1/calendar/feed").asFreshAccount().allow(SIGNED_IN),
				Endpoint.delete("/api/v1/calendar/feed").asFreshAccount().allow(SIGNED_IN),
				Endpoint.get("/calendar/feed/{token}.ics").with(FEED_TOKEN).allow(EVERYONE),
				Endpoint.get("/sessions/{id}/invite.ics").on(SESSION).allow(MEMBERS, OWN),
				Endpoint.get("/api/v1/sessions/{id}/invite.ics").on(SESSION).allow(MEMBERS, OWN));
	}

}
