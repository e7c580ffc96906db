package org.mentorhub.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
 * Matrix rows of the session pages and API. A planted session carries the marker in its title; its
 * owner is the participant who may make the row's transition (the mentee of a proposal, the mentor
 * of a request, the other party of a new time, either for cancel and record), with a fresh partner
 * in the owner's department inside an ACTIVE mentorship. Only the two participants see or change a
 * session (everyone else 404, or 403 for the wrong participant: never tested here, see
 * SessionWorkflowIntegrationTests); administrators (institution) and coordinators (department) see
 * the attendance view.
 */
public class SessionMatrixRows implements Matrix.Rows {

	static final RecordSnapshot STATE = new RecordSnapshot(
			"SELECT status, scheduled_at, proposed_date, response_message, attendance, version FROM mentoring_sessions WHERE id = :id");

	static final Set<Persona> MEMBERS = EnumSet.of(Persona.ADMIN, Persona.COORDINATOR, Persona.MENTOR, Persona.MENTEE,
			Persona.NEW_MOTHER);

	static final Set<Persona> MANAGERS = EnumSet.of(Persona.ADMIN, Persona.COORDINATOR);

	/** The session's start by target id (for the week view's URI). */
	static final Map<String, Instant> STARTS = new ConcurrentHashMap<>();

	/** The session's mentorship by target id (lists are filtered by it, so that the planted one is on page 1). */
	static final Map<String, Long> MENTORSHIPS = new ConcurrentHashMap<>();

	enum Side {

		MENTOR, MENTEE

	}

	/** The owner and a fresh partner in an ACTIVE mentorship; the other's name carries the marker. */
	static SessionFixtures.Pair pairFor(Matrix.World world, Account owner, Side side, String otherName) {
		JdbcClient jdbc = world.jdbc();
		Account self = owner;
		if (owner.institutionId() == null) {
			// The platform administrator owns no institution's record: plant one between strangers.
			self = world.stranger(side == Side.MENTOR ? RoleName.MENTOR : RoleName.MENTEE);
		}
		String institution = jdbc.sql("SELECT code FROM institutions WHERE id = :i").param("i", self.institutionId())
			.query(String.class).single();
		String department = self.departmentId() == null ? null
				: jdbc.sql("SELECT code FROM departments WHERE id = :d").param("d", self.departmentId())
					.query(String.class).single();
		Account other = TestAccounts.create(jdbc, institution, department,
				side == Side.MENTOR ? RoleName.MENTEE : RoleName.MENTOR);
		if (otherName != null) {
			jdbc.sql("UPDATE users SET full_name = :n WHERE id = :id").param("n", otherName).param("id", other.id()).update();
		}
		Account mentor = side == Side.MENTOR ? self : other;
		Account mentee = side == Side.MENTOR ? other : self;
		return new SessionFixtures.Pair(mentor, mentee, SessionFixtures.mentorship(jdbc, mentor, mentee, "ACTIVE"));
	}

	/**
	 * A session whose owner is on the given side, of the given status, starting in 3 to 6 days (or
	 * 2 hours ago when {@code past}); a RESCHEDULED one has a new time proposed by the partner; a
	 * PENDING one was made by the owner.
	 */
	static Fixture session(Side side, String status, boolean past) {
		return new Fixture() {

			@Override
			public Target plant(Matrix.World world, Account owner, String marker) {
				JdbcClient jdbc = world.jdbc();
				SessionFixtures.Pair p = pairFor(world, owner, side, null);
				long self = side == Side.MENTOR ? p.mentor().id() : p.mentee().id();
				long other = side == Side.MENTOR ? p.mentee().id() : p.mentor().id();
				// Times that a transition checks for double booking get ranges of their own (see newTime).
				Instant start = past ? Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(2, ChronoUnit.HOURS)
						: status.equals("PENDING") ? SessionFixtures.randomHour(620, 700) : SessionFixtures.randomHour(3, 6);
				long id = SessionFixtures.session(jdbc, p.mentorshipId(), p.mentor().id(), p.mentee().id(),
						status.equals("PENDING") ? self : other, status, start, "Session " + marker);
				if (status.equals("RESCHEDULED")) {
					jdbc.sql("UPDATE mentoring_sessions SET proposed_date = :d, proposed_by_id = :b, "
							+ "rescheduled_from = 'CONFIRMED' WHERE id = :id")
						.param("d", LocalDateTime.ofInstant(SessionFixtures.randomHour(500, 600), ZoneOffset.UTC))
						.param("b", other)
						.param("id", id)
						.update();
				}
				Target target = new Target(String.valueOf(id), marker);
				STARTS.put(target.id(), start);
				MENTORSHIPS.put(target.id(), p.mentorshipId());
				return STATE.take(world, target);
			}

			@Override
			public String unexpectedChange(Matrix.World world, Target target) {
				return STATE.changes(world, target);
			}

		};
	}

	/** An ACTIVE mentorship of the owner (as mentee); the partner's name carries the marker. */
	static final Fixture MENTORSHIP = (world, owner, marker) -> {
		SessionFixtures.Pair p = pairFor(world, owner, Side.MENTEE, "Partner " + marker);
		return new Target(String.valueOf(p.mentorshipId()), marker);
	};

	/** A completed session with attendance, for the coordinator's view (owner is the mentee). */
	static final Fixture COMPLETED = new Fixture() {

		@Override
		public Target plant(Matrix.World world, Account owner, String marker) {
			Target target = session(Side.MENTEE, "COMPLETED", true).plant(world, owner, marker);
			world.jdbc().sql("UPDATE mentoring_sessions SET attendance = 'PRESENT' WHERE id = :id")
				.param("id", Long.parseLong(target.id())).update();
			return STATE.take(world, target);
		}

		@Override
		public String unexpectedChange(Matrix.World world, Target target) {
			return STATE.changes(world, target);
		}

	};

	static final Fixture PROPOSED_TO_OWNER = session(Side.MENTEE, "PROPOSED", false);

	static final Fixture REQUESTED_OF_OWNER = session(Side.MENTOR, "REQUESTED", false);

	static final Fixture CONFIRMED = session(Side.MENTEE, "CONFIRMED", false);

	static final Fixture STARTED = session(Side.MENTOR, "CONFIRMED", true);

	static final Fixture NEW_TIME_FOR_OWNER = session(Side.MENTEE, "RESCHEDULED", false);

	static final Fixture DRAFT = session(Side.MENTEE, "PENDING", false);

	/** A new session's time (10 to 200 days ahead). */
	static String newTime() {
		return LocalDateTime.ofInstant(SessionFixtures.randomHour(10, 200), ZoneOffset.UTC).toString();
	}

	/** A rescheduled time (200 to 400 days ahead). */
	static String laterTime() {
		return LocalDateTime.ofInstant(SessionFixtures.randomHour(200, 400), ZoneOffset.UTC).toString();
	}

	@Override
	public List<Endpoint> rows() {
		List<Endpoint> rows = new ArrayList<>();
		// Reads: only the participants; lists show only my own.
		rows.add(Endpoint.get("/sessions").lists(CONFIRMED).uri(t -> "/sessions?mentorship=" + MENTORSHIPS.get(t.id()))
			.allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/api/v1/sessions").lists(CONFIRMED)
			.uri(t -> "/api/v1/sessions?mentorship=" + MENTORSHIPS.get(t.id()))
			.allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/sessions/week").lists(CONFIRMED)
			.uri(t -> "/sessions/week?date=" + LocalDate.ofInstant(STARTS.get(t.id()), ZoneOffset.UTC))
			.allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/api/v1/sessions/week").lists(CONFIRMED)
			.uri(t -> "/api/v1/sessions/week?date=" + LocalDate.ofInstant(STARTS.get(t.id()), ZoneOffset.UTC))
			.allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/sessions/{id:\\d+}").on(CONFIRMED).allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/api/v1/sessions/{id}").on(CONFIRMED).allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/sessions/new").on(MENTORSHIP).uri(t -> "/sessions/new?mentorship=" + t.id())
			.allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/api/v1/sessions/slots").on(MENTORSHIP).uri(t -> "/api/v1/sessions/slots?mentorship=" + t.id())
			.allow(MEMBERS, OWN));
		rows.add(Endpoint.get("/sessions/attendance").lists(COMPLETED).uri(t -> "/sessions/attendance?status=COMPLETED")
			.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT).allow(Persona.COORDINATOR, OWN, OTHER_USER));
		rows.add(Endpoint.get("/api/v1/sessions/attendance").lists(COMPLETED)
			.uri(t -> "/api/v1/sessions/attendance?status=COMPLETED")
			.allow(Persona.ADMIN, OWN, OTHER_USER, OTHER_DEPARTMENT).allow(Persona.COORDINATOR, OWN, OTHER_USER));
		// Making: in an active mentorship of the caller.
		rows.add(Endpoint.post("/sessions").with(MENTORSHIP)
			.form(t -> new String[] { "mentorshipId", t.id(), "title", "Planning", "start", newTime(), "zone", "UTC",
					"durationMinutes", "45", "mode", "ONLINE" })
			.allow(MEMBERS));
		rows.add(Endpoint.post("/api/v1/sessions").with(MENTORSHIP)
			.json(t -> "{\"mentorshipId\":" + t.id() + ",\"title\":\"Planning\",\"start\":\"" + newTime()
					+ "\",\"zone\":\"UTC\",\"durationMinutes\":45}")
			.allow(MEMBERS));
		// Transitions, page and API.
		for (String base : List.of("/api/v1/sessions/{id}", "/sessions/{id:\\d+}")) {
			boolean api = base.startsWith("/api");
			rows.add(body(Endpoint.post(base + "/submit").on(DRAFT), api, null).allow(MEMBERS, OWN));
			rows.add(body(Endpoint.post(base + "/confirm").on(PROPOSED_TO_OWNER), api, null).allow(MEMBERS, OWN));
			rows.add(body(Endpoint.post(base + "/reject").on(REQUESTED_OF_OWNER), api, "Busy").allow(MEMBERS, OWN));
			rows.add(body(Endpoint.post(base + "/accept-time").on(NEW_TIME_FOR_OWNER), api, null).allow(MEMBERS, OWN));
			rows.add(body(Endpoint.post(base + "/decline-time").on(NEW_TIME_FOR_OWNER), api, "No").allow(MEMBERS, OWN));
			rows.add((api ? Endpoint.post(base + "/cancel").on(CONFIRMED).json("{\"message\":\"Ill\"}")
					: Endpoint.post(base + "/cancel").on(CONFIRMED).form("reason", "Ill"))
				.allow(MEMBERS, OWN));
			rows.add((api ? Endpoint.post(base + "/reschedule").on(CONFIRMED)
				.json(t -> "{\"start\":\"" + laterTime() + "\",\"zone\":\"UTC\"}")
					: Endpoint.post(base + "/reschedule").on(CONFIRMED)
						.form(t -> new String[] { "start", laterTime(), "zone", "UTC" }))
				.allow(MEMBERS, OWN));
			rows.add((api ? Endpoint.post(base + "/complete").on(STARTED).json("{\"attendance\":\"PRESENT\",\"topic\":\"CV\"}")
					: Endpoint.post(base + "/complete").on(STARTED).form("attendance", "PRESENT"))
				.allow(MEMBERS, OWN));
		}
		return rows;
	}

	private static Endpoint body(Endpoint endpoint, boolean api, String message) {
		if (api) {
			return endpoint.json(message == null ? "{}" : "{\"message\":\"" + message + "\"}");
		}
		return message == null ? endpoint.form("x", "") : endpoint.form("message", message);
	}

}
