package org.mentorhub.integration.microsoft;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.mentorhub.identity.People;
import org.mentorhub.identity.Person;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.mentorhub.session.ScheduledSession;
import org.mentorhub.session.SessionCancelled;
import org.mentorhub.session.SessionConfirmed;
import org.mentorhub.session.SessionMode;
import org.mentorhub.session.SessionRescheduled;
import org.mentorhub.session.SessionSchedules;
import org.mentorhub.session.SessionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outlook events of sessions (docs/microsoft-365.md). After a session is confirmed, gets a new time or
 * is cancelled (the session module's events, handled after the commit and off the request), the
 * session's event in the organiser's (the mentor's) Outlook calendar is brought up to date: created
 * with {@code POST /me/events} (the mentee as attendee; an online session without a link of its own
 * gets a Teams meeting, whose join link becomes the session's meeting link), moved with
 * {@code PATCH /me/events/{id}}, or cancelled with {@code POST /me/events/{id}/cancel}. Each pass
 * reads the session as it is now, so a late or repeated event does no harm. The state of each
 * session's event is a row of {@code microsoft_outlook_events}: PENDING while MentorHub works on it,
 * CREATED, CANCELLED, or FAILED with the reason in words, which the organiser sees on
 * {@code /account/integrations} with a retry. A failure never touches the session itself.
 */
@Service
class OutlookEvents {

	private static final Logger log = LoggerFactory.getLogger(OutlookEvents.class);

	/** How many events the page and the API list. */
	static final int LIST_LIMIT = 50;

	private final SessionSchedules schedules;

	private final MicrosoftConnections connections;

	private final GraphClient graph;

	private final People people;

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	private final Map<Long, Object> locks = new ConcurrentHashMap<>();

	OutlookEvents(SessionSchedules schedules, MicrosoftConnections connections, GraphClient graph, People people,
			JdbcClient jdbc, Tenancy tenancy, ApplicationEventPublisher events, PlatformTransactionManager transactions,
			Clock clock) {
		this.schedules = schedules;
		this.connections = connections;
		this.graph = graph;
		this.people = people;
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.events = events;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** A session's Outlook event as its organiser may see it. */
	record OutlookEventView(long sessionId, String title, Instant start, String status, String problem,
			boolean retryable) {
	}

	record Row(long sessionId, long organiserId, String eventId, String status, Instant syncedStart,
			Integer syncedMinutes, int attempts, String lastError) {
	}

	@ApplicationModuleListener
	void on(SessionConfirmed event) {
		sync(event.session().sessionId());
	}

	@ApplicationModuleListener
	void on(SessionRescheduled event) {
		sync(event.session().sessionId());
	}

	@ApplicationModuleListener
	void on(SessionCancelled event) {
		sync(event.session().sessionId());
	}

	@ApplicationModuleListener
	void on(OutlookSyncRequested event) {
		sync(event.sessionId());
	}

	/** Brings the session's Outlook event in line with the session; never throws for a Graph failure. */
	void sync(long sessionId) {
		synchronized (this.locks.computeIfAbsent(sessionId, id -> new Object())) {
			try {
				syncNow(sessionId);
			}
			finally {
				this.locks.remove(sessionId);
			}
		}
	}

	private void syncNow(long sessionId) {
		ScheduledSession session = this.schedules.find(sessionId).orElse(null);
		if (session == null) {
			return;
		}
		Row row = row(sessionId).orElse(null);
		if (session.status() == SessionStatus.CANCELLED || session.status() == SessionStatus.REJECTED) {
			if (row != null && row.eventId() != null && !"CANCELLED".equals(row.status())) {
				run(row.organiserId(), session, row, () -> {
					this.graph.cancelEvent(row.organiserId(), row.eventId(), "This MentorHub session was cancelled.");
					write(sessionId, row.organiserId(), row.eventId(), "CANCELLED", row.syncedStart(), row.syncedMinutes(), null);
				});
			}
			else if (row != null && !"CANCELLED".equals(row.status())) {
				write(sessionId, row.organiserId(), null, "CANCELLED", null, null, null);
			}
			return;
		}
		if (!session.confirmed()) {
			return;
		}
		long organiser = row != null ? row.organiserId() : session.mentorId();
		if (!this.connections.active(organiser)) {
			if (row != null && !"CREATED".equals(row.status())) {
				write(sessionId, organiser, row.eventId(), "FAILED", row.syncedStart(), row.syncedMinutes(),
						"Your Microsoft 365 connection needs to be made again.");
			}
			return;
		}
		if (row != null && row.eventId() != null && "CREATED".equals(row.status()) && session.start().equals(row.syncedStart())
				&& Integer.valueOf(session.durationMinutes()).equals(row.syncedMinutes())) {
			return;
		}
		write(sessionId, organiser, row == null ? null : row.eventId(), "PENDING", row == null ? null : row.syncedStart(),
				row == null ? null : row.syncedMinutes(), null);
		Instant end = session.start().plusSeconds(60L * session.durationMinutes());
		GraphClient.Location location = session.mode() == SessionMode.IN_PERSON && session.location() != null
				? new GraphClient.Location(session.location()) : null;
		if (row == null || row.eventId() == null) {
			run(organiser, session, row, () -> {
				GraphClient.Event created = this.graph.createEvent(organiser, newEvent(session, end, location));
				if (created == null || created.id() == null) {
					throw new GraphClient.GraphException("Microsoft 365 answered without an event.");
				}
				this.ownTransaction.executeWithoutResult(tx -> {
					this.schedules.recordOutlookEvent(sessionId, created.id(), teams(session) ? created.joinUrl() : null);
					write(sessionId, organiser, created.id(), "CREATED", session.start(), session.durationMinutes(), null);
				});
			});
		}
		else {
			run(organiser, session, row, () -> {
				this.graph.updateEvent(organiser, row.eventId(), new GraphClient.EventChange(session.title(),
						GraphClient.DateTimeZone.utc(session.start()), GraphClient.DateTimeZone.utc(end), location));
				write(sessionId, organiser, row.eventId(), "CREATED", session.start(), session.durationMinutes(), null);
			});
		}
	}

	/** An online session without a link of its own gets a Teams meeting. */
	private static boolean teams(ScheduledSession session) {
		return session.mode() == SessionMode.ONLINE && (session.meetingLink() == null || session.meetingLink().isBlank());
	}

	private GraphClient.NewEvent newEvent(ScheduledSession session, Instant end, GraphClient.Location location) {
		Map<Long, Person> persons = this.people.summaries(List.of(session.menteeId()));
		List<GraphClient.Attendee> attendees = new ArrayList<>();
		Person mentee = persons.get(session.menteeId());
		if (mentee != null && mentee.email() != null) {
			attendees.add(new GraphClient.Attendee(new GraphClient.EmailAddress(mentee.email(), mentee.fullName()), "required"));
		}
		boolean teams = teams(session);
		String text = "A mentoring session planned in MentorHub."
				+ (!teams && session.meetingLink() != null ? " Join: " + session.meetingLink() : "");
		return new GraphClient.NewEvent(session.title(), new GraphClient.ItemBody("text", text),
				GraphClient.DateTimeZone.utc(session.start()), GraphClient.DateTimeZone.utc(end), location, attendees,
				teams ? Boolean.TRUE : null, teams ? "teamsForBusiness" : null,
				session.icalUid() == null ? null : "mentorhub-" + session.icalUid());
	}

	private void run(long organiser, ScheduledSession session, Row row, Runnable call) {
		try {
			call.run();
		}
		catch (GraphClient.GraphException | MicrosoftConnections.RefreshUnavailableException ex) {
			fail(session.sessionId(), organiser, row, ex.getMessage());
		}
		catch (MicrosoftConnections.NotConnectedException ex) {
			fail(session.sessionId(), organiser, row, "Your Microsoft 365 connection needs to be made again.");
		}
	}

	private void fail(long sessionId, long organiser, Row before, String problem) {
		Row now = row(sessionId).orElse(before);
		log.warn("Outlook event of session {} failed: {}", sessionId, problem);
		write(sessionId, organiser, now == null ? null : now.eventId(), "FAILED", now == null ? null : now.syncedStart(),
				now == null ? null : now.syncedMinutes(), problem);
	}

	/** Writes the row in a transaction of its own, so that PENDING shows while Graph is called. */
	private void write(long sessionId, long organiser, String eventId, String status, Instant syncedStart,
			Integer syncedMinutes, String problem) {
		LocalDateTime now = MicrosoftTokens.utc(this.clock.instant());
		String error = problem == null ? null : problem.length() > 300 ? problem.substring(0, 300) : problem;
		boolean failed = "FAILED".equals(status);
		this.ownTransaction.executeWithoutResult(tx -> {
			int updated = this.jdbc.sql("""
					UPDATE microsoft_outlook_events SET event_id = :event, status = :status, synced_start = :start,
					       synced_minutes = :minutes, last_error = :error, attempts = attempts + :failed, updated_at = :now
					WHERE session_id = :session""")
				.param("event", eventId)
				.param("status", status)
				.param("start", syncedStart == null ? null : MicrosoftTokens.utc(syncedStart))
				.param("minutes", syncedMinutes)
				.param("error", error)
				.param("failed", failed ? 1 : 0)
				.param("now", now)
				.param("session", sessionId)
				.update();
			if (updated == 0) {
				this.jdbc.sql("""
						INSERT INTO microsoft_outlook_events (session_id, organiser_id, event_id, status, synced_start,
						                                      synced_minutes, attempts, last_error, created_at, updated_at)
						VALUES (:session, :organiser, :event, :status, :start, :minutes, :failed, :error, :now, :now)""")
					.param("session", sessionId)
					.param("organiser", organiser)
					.param("event", eventId)
					.param("status", status)
					.param("start", syncedStart == null ? null : MicrosoftTokens.utc(syncedStart))
					.param("minutes", syncedMinutes)
					.param("failed", failed ? 1 : 0)
					.param("error", error)
					.param("now", now)
					.update();
			}
		});
	}

	Optional<Row> row(long sessionId) {
		return this.jdbc.sql("""
				SELECT session_id, organiser_id, event_id, status, synced_start, synced_minutes, attempts, last_error
				FROM microsoft_outlook_events WHERE session_id = :session""")
			.param("session", sessionId)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					MicrosoftTokens.instant(rs.getObject(5, LocalDateTime.class)),
					rs.getObject(6) == null ? null : rs.getInt(6), rs.getInt(7), rs.getString(8)))
			.optional();
	}

	/** My sessions' Outlook events, upcoming and recent, with what is pending or failed first. */
	@Transactional(readOnly = true)
	public List<OutlookEventView> mine() {
		long me = this.tenancy.actor().id();
		List<Row> rows = this.jdbc.sql("""
				SELECT session_id, organiser_id, event_id, status, synced_start, synced_minutes, attempts, last_error
				FROM microsoft_outlook_events WHERE organiser_id = :me
				ORDER BY CASE status WHEN 'FAILED' THEN 0 WHEN 'PENDING' THEN 1 ELSE 2 END, updated_at DESC, id DESC
				LIMIT :limit""")
			.param("me", me)
			.param("limit", LIST_LIMIT)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					MicrosoftTokens.instant(rs.getObject(5, LocalDateTime.class)),
					rs.getObject(6) == null ? null : rs.getInt(6), rs.getInt(7), rs.getString(8)))
			.list();
		Map<Long, ScheduledSession> sessions = this.schedules.findAll(rows.stream().map(Row::sessionId).toList())
			.stream()
			.collect(Collectors.toMap(ScheduledSession::sessionId, Function.identity()));
		List<OutlookEventView> views = new ArrayList<>();
		for (Row row : rows) {
			ScheduledSession session = sessions.get(row.sessionId());
			if (session == null) {
				continue;
			}
			views.add(new OutlookEventView(row.sessionId(), session.title(), session.start(), row.status(), row.lastError(),
					"FAILED".equals(row.status()) && session.confirmed()));
		}
		return views;
	}

	/**
	 * Asks for another try of a session's Outlook event (its organiser only; 404 for anyone else): the
	 * row shows PENDING at once and the work happens after the commit, off the request.
	 */
	@Transactional
	public void retry(long sessionId) {
		long me = this.tenancy.actor().id();
		Row row = row(sessionId).filter(r -> r.organiserId() == me)
			.orElseThrow(() -> new NotFoundException("No Outlook event of yours for this session"));
		if ("FAILED".equals(row.status()) || "PENDING".equals(row.status())) {
			this.jdbc.sql("UPDATE microsoft_outlook_events SET status = 'PENDING', last_error = NULL, updated_at = :now WHERE session_id = :s")
				.param("now", MicrosoftTokens.utc(this.clock.instant()))
				.param("s", sessionId)
				.update();
		}
		this.events.publishEvent(new OutlookSyncRequested(sessionId, me));
	}

}
