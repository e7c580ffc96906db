package org.mentorhub.identity;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.PersonBuilder;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.administration.UserAdministrationMatrixRows;
import org.mentorhub.security.Matrix;
import org.mentorhub.security.Matrix.Caller;
import org.mentorhub.security.Matrix.Endpoint;
import org.mentorhub.security.Matrix.Fixture;
import org.mentorhub.security.Matrix.Persona;
import org.mentorhub.security.Matrix.Target;

import static org.mentorhub.security.Matrix.Persona.EVERYONE;
import static org.mentorhub.security.Matrix.Persona.SIGNED_IN;
import static org.mentorhub.security.Matrix.Relation.OWN;

/**
 * Matrix rows of the account life cycle. The public pages and their API twins (activating an
 * invitation, registering, forgotten and reset passwords, confirming an e-mail change) work for
 * anyone, signed in or not: the single-use token of the mailed link is the proof, so each call gets
 * a fresh one. The self-service pages and API act on the caller's own account only: everyone
 * signed in sees their own account and sessions and never anybody else's, and a reference to
 * another person's session is not found and ends nothing.
 */
public class AccountMatrixRows implements Matrix.Rows {

	/** The demo password every planted and test account has. */
	static final String PASSWORD = "mentorhub-demo";

	/** A new password that passes the policy. */
	static final String NEW_PASSWORD = "amber orchard kettle 93";

	/** The owner's own account: the marker goes into their name, which their account pages show. */
	public static final Fixture OWN_ACCOUNT = (world, owner, marker) -> {
		world.jdbc()
			.sql("UPDATE users SET full_name = :name WHERE id = :id")
			.param("name", "Account " + marker)
			.param("id", owner.id())
			.update();
		return new Target(String.valueOf(owner.id()), marker);
	};

	/**
	 * A signed-in browser session of the owner, as Spring Session keeps it. The id is its reference
	 * (what the pages and the API show instead of the session id), and so is the marker.
	 */
	public static final Fixture SESSION = new Fixture() {

		private final Map<String, String> sessionIds = new ConcurrentHashMap<>();

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			String username = world.jdbc()
				.sql("SELECT username FROM users WHERE id = :id")
				.param("id", owner.id())
				.query(String.class)
				.single();
			String sessionId = TokenHashing.newToken();
			long now = System.currentTimeMillis();
			world.jdbc()
				.sql("INSERT INTO SPRING_SESSION (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME, "
						+ "MAX_INACTIVE_INTERVAL, EXPIRY_TIME, PRINCIPAL_NAME) VALUES (:p, :s, :now, :now, 1800, :expiry, :u)")
				.param("p", UUID.randomUUID().toString())
				.param("s", sessionId)
				.param("now", now)
				.param("expiry", now + 1_800_000)
				.param("u", username)
				.update();
			String reference = UserSessions.reference(sessionId);
			this.sessionIds.put(reference, sessionId);
			return new Target(reference, reference);
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			Long left = world.jdbc()
				.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE SESSION_ID = :s")
				.param("s", this.sessionIds.get(target.id()))
				.query(Long.class)
				.single();
			return left == 0 ? "the session was ended" : null;
		}

	};

	/**
	 * The session again, for rows whose path holds its reference: a refused call may echo its own
	 * path (problem JSON names it as the instance), so the marker is the reference as the list shows
	 * it: the id of its table row on the page, the field in JSON.
	 */
	static Fixture sessionShownAs(String prefix, String suffix) {
		return new Fixture() {

			@Override
			public Target plant(Matrix.World world, Account owner, String marker) {
				Target planted = SESSION.plant(world, owner, marker);
				return new Target(planted.id(), prefix + planted.id() + suffix);
			}

			@Override
			public String unexpectedChange(Matrix.World world, Target target) {
				return SESSION.unexpectedChange(world, target);
			}

		};
	}

	/** An invitation link (token) of a freshly invited person. */
	public static final Fixture INVITATION = (world, owner, marker) -> new Target(
			accountToken(world, personFor(world, UserStatus.INVITED, marker), "INVITATION", null), marker);

	/**
	 * A fresh university that takes self-registrations from {@code matrix.test} addresses: the id is
	 * its code, for the registration form.
	 */
	public static final Fixture REGISTERING_INSTITUTION = (world, owner, marker) -> new Target(
			TestInstitutions.aUniversity().allowingRegistrationFrom("matrix.test").build(world.jdbc()).code(), marker);

	/** The confirmation link of a fresh self-registration (the person chose the demo password). */
	public static final Fixture REGISTRATION = (world, owner, marker) -> new Target(
			accountToken(world, personFor(world, UserStatus.INVITED, marker), "REGISTRATION", null), marker);

	/** A link to confirm a fresh active person's change of e-mail address. */
	public static final Fixture EMAIL_CHANGE = (world, owner, marker) -> new Target(accountToken(world,
			personFor(world, UserStatus.ACTIVE, marker), "EMAIL_CHANGE", "changed-" + marker.substring(2) + "@matrix.test"),
			marker);

	/** A password reset link of a fresh active person. */
	public static final Fixture RESET = (world, owner, marker) -> {
		long user = personFor(world, UserStatus.ACTIVE, marker);
		String token = TokenHashing.newToken();
		world.jdbc()
			.sql("INSERT INTO password_resets (user_id, token_hash, expires_at, requested_ip) VALUES (:u, :h, :e, '127.0.0.1')")
			.param("u", user)
			.param("h", TokenHashing.sha256Hex(token))
			.param("e", LocalDateTime.now(ZoneOffset.UTC).plusMinutes(30))
			.update();
		return new Target(token, marker);
	};

	/**
	 * For setting the security question, which works only where the institution uses it (the run's
	 * university does not): a fresh account of the persona's role in a fresh university that uses it.
	 * The platform administrator, who has no institution, stays one.
	 */
	static final Caller IN_INSTITUTION_WITH_SECURITY_QUESTION = (world, persona) -> {
		if (persona == Persona.PLATFORM_ADMIN) {
			return world.fresh(persona);
		}
		TestInstitution college = TestInstitutions.aUniversity()
			.withSecurityQuestion()
			.withDepartment("CS", "Computer Science")
			.build(world.jdbc());
		PersonBuilder person = college.a(RoleName.valueOf(persona.name()));
		return (persona == Persona.ADMIN ? person : person.inDepartment("CS")).create(world.jdbc());
	};

	@Override
	public List<Endpoint> rows() {
		String someone = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
		String securityQuestionReason = "The platform administrator has no institution, so no security question applies "
				+ "(a rule of the account, not of authorization)";
		return List.of(
				// Public pages and API of the account life cycle: anyone may call them.
				Endpoint.get("/account/activate").with(INVITATION).uri(t -> "/account/activate?token=" + t.id())
					.allow(EVERYONE),
				Endpoint.post("/account/activate").with(INVITATION)
					.form(t -> new String[] { "token", t.id(), "password", NEW_PASSWORD, "passwordConfirmation",
							NEW_PASSWORD })
					.allow(EVERYONE),
				Endpoint.post("/api/v1/account/activation").with(INVITATION)
					.json(t -> "{\"token\":\"" + t.id() + "\",\"password\":\"" + NEW_PASSWORD + "\"}")
					.allow(EVERYONE),
				Endpoint.get("/account/register").allow(EVERYONE),
				Endpoint.post("/account/register").with(REGISTERING_INSTITUTION)
					.form(t -> new String[] { "institutionCode", t.id(), "fullName", "Matrix Registrant", "email",
							someone + "-reg@matrix.test", "password", NEW_PASSWORD, "passwordConfirmation", NEW_PASSWORD })
					.allow(EVERYONE),
				Endpoint.post("/api/v1/account/registrations").with(REGISTERING_INSTITUTION)
					.json(t -> "{\"institutionCode\":\"" + t.id() + "\",\"fullName\":\"Matrix Registrant\",\"email\":\""
							+ someone + "-reg@matrix.test\",\"password\":\"" + NEW_PASSWORD + "\"}")
					.allow(EVERYONE),
				Endpoint.get("/account/register/confirm").with(REGISTRATION)
					.uri(t -> "/account/register/confirm?token=" + t.id())
					.allow(EVERYONE),
				Endpoint.post("/account/register/confirm").with(REGISTRATION)
					.form(t -> new String[] { "token", t.id(), "password", PASSWORD })
					.allow(EVERYONE),
				Endpoint.post("/api/v1/account/registration-confirmations").with(REGISTRATION)
					.json(t -> "{\"token\":\"" + t.id() + "\",\"password\":\"" + PASSWORD + "\"}")
					.allow(EVERYONE),
				Endpoint.get("/account/forgot-password").allow(EVERYONE),
				Endpoint.post("/account/forgot-password").form("email", someone + "-forgot@matrix.test").allow(EVERYONE),
				Endpoint.post("/api/v1/account/password-reset-requests")
					.json("{\"email\":\"" + someone + "-forgot@matrix.test\"}")
					.allow(EVERYONE),
				Endpoint.get("/account/reset-password").with(RESET).uri(t -> "/account/reset-password?token=" + t.id())
					.allow(EVERYONE),
				Endpoint.post("/account/reset-password").with(RESET)
					.form(t -> new String[] { "token", t.id(), "password", NEW_PASSWORD, "passwordConfirmation",
							NEW_PASSWORD })
					.allow(EVERYONE),
				Endpoint.post("/api/v1/account/password-resets").with(RESET)
					.json(t -> "{\"token\":\"" + t.id() + "\",\"password\":\"" + NEW_PASSWORD + "\"}")
					.allow(EVERYONE),
				Endpoint.get("/account/email/confirm").with(EMAIL_CHANGE)
					.uri(t -> "/account/email/confirm?token=" + t.id())
					.allow(EVERYONE),
				Endpoint.post("/account/email/confirm").with(EMAIL_CHANGE).form(t -> new String[] { "token", t.id() })
					.allow(EVERYONE),
				Endpoint.post("/api/v1/account/email-changes").with(EMAIL_CHANGE)
					.json(t -> "{\"token\":\"" + t.id() + "\"}")
					.allow(EVERYONE),
				// The signed-in person's own account, never anybody else's.
				Endpoint.get("/account").lists(OWN_ACCOUNT).allow(SIGNED_IN, OWN),
				Endpoint.get("/api/v1/account").lists(OWN_ACCOUNT).allow(SIGNED_IN, OWN),
				Endpoint.get("/account/password").allow(SIGNED_IN),
				// Changing the password changes the caller's account: a fresh one for each call.
				Endpoint.post("/account/password").asFreshAccount()
					.form("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD, "newPasswordConfirmation",
							NEW_PASSWORD)
					.allow(SIGNED_IN),
				Endpoint.put("/api/v1/account/password").asFreshAccount()
					.json("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}")
					.allow(SIGNED_IN),
				Endpoint.get("/account/email").allow(SIGNED_IN),
				Endpoint.post("/account/email")
					.form("newEmail", someone + "-new@matrix.test", "currentPassword", PASSWORD)
					.allow(SIGNED_IN),
				Endpoint.post("/api/v1/account/email-change-requests")
					.json("{\"newEmail\":\"" + someone + "-new@matrix.test\",\"currentPassword\":\"" + PASSWORD + "\"}")
					.allow(SIGNED_IN),
				Endpoint.get("/account/security-question").allow(SIGNED_IN),
				Endpoint.post("/account/security-question").as(IN_INSTITUTION_WITH_SECURITY_QUESTION)
					.form("question", "Name of my first teacher?", "answer", "miss honeywell", "currentPassword", PASSWORD)
					.allow(SIGNED_IN)
					.answers(Persona.PLATFORM_ADMIN, 400, securityQuestionReason),
				Endpoint.put("/api/v1/account/security-question").as(IN_INSTITUTION_WITH_SECURITY_QUESTION)
					.json("{\"question\":\"Name of my first teacher?\",\"answer\":\"miss honeywell\","
							+ "\"currentPassword\":\"" + PASSWORD + "\"}")
					.allow(SIGNED_IN)
					.answers(Persona.PLATFORM_ADMIN, 409, securityQuestionReason),
				// My sessions: only the caller's own are listed or ended.
				Endpoint.get("/account/sessions").lists(SESSION).allow(SIGNED_IN, OWN),
				Endpoint.get("/api/v1/account/sessions").lists(SESSION).allow(SIGNED_IN, OWN),
				Endpoint.post("/account/sessions/{reference}/end").on(sessionShownAs("session-", ""))
					.allow(SIGNED_IN, OWN),
				Endpoint.delete("/api/v1/account/sessions/{reference}").on(sessionShownAs("\"reference\":\"", "\""))
					.allow(SIGNED_IN, OWN),
				// "Sign out everywhere else" ends the caller's other sessions and nobody else's. (The htmx
				// answer is the table itself, so that a refused call can be seen to list nothing foreign.)
				Endpoint.post("/account/sessions/end-others").lists(SESSION).header("HX-Request", "true")
					.allow(SIGNED_IN, OWN),
				Endpoint.delete("/api/v1/account/sessions").lists(SESSION).allow(SIGNED_IN, OWN));
	}

	/** A fresh person of the run's university with the demo password. */
	static long personFor(Matrix.World world, UserStatus status, String marker) {
		return UserAdministrationMatrixRows.plantUser(world, world.university().id(), null, status, RoleName.MENTEE, "Matrix " + marker,
				UserAdministrationMatrixRows.usernameFor(marker));
	}

	/** Issues a single-use account token of the purpose to the user; returns the raw token. */
	static String accountToken(Matrix.World world, long userId, String purpose, String newEmail) {
		String token = TokenHashing.newToken();
		world.jdbc()
			.sql("INSERT INTO account_tokens (user_id, purpose, token_hash, new_email, expires_at) "
					+ "VALUES (:u, :p, :h, :e, :x)")
			.param("u", userId)
			.param("p", purpose)
			.param("h", TokenHashing.sha256Hex(token))
			.param("e", newEmail)
			.param("x", LocalDateTime.now(ZoneOffset.UTC).plusHours(1))
			.update();
		return token;
	}

}
