package org.mentorhub.calendar;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mentorhub.platform.Mailer;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.PlatformProperties;
import org.mentorhub.platform.StateTransitionException;
import org.mentorhub.session.ScheduledSession;
import org.mentorhub.session.SessionCancelled;
import org.mentorhub.session.SessionConfirmed;
import org.mentorhub.session.SessionRescheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * iCalendar invitations of sessions. After a session's transition commits (Spring Modulith's
 * {@link ApplicationModuleListener}: after commit, in a transaction of its own, with the event kept in
 * the publication registry until it is handled, and retried from there if the mail fails), both
 * participants get a mail, built from the session the event carries, with the invitation as a
 * {@code text/calendar; method=REQUEST} attachment ({@link SessionConfirmed}, {@link SessionRescheduled})
 * or the cancellation ({@code METHOD:CANCEL}, {@link SessionCancelled}). The UID is the session's
 * {@code ical_uid}, which never changes; the SEQUENCE is the session's {@code ical_sequence}, and
 * never lower than one more than the last invitation sent for a change or a cancellation.
 * Participants may also download the current invitation.
 */
@Component
class SessionInvitations {

	private static final Logger log = LoggerFactory.getLogger(SessionInvitations.class);

	private final CalendarSessions sessions;

	private final JdbcClient jdbc;

	private final Mailer mailer;

	private final PlatformProperties platform;

	private final Clock clock;

	private final List<OutsideCalendarInvitations> outside;

	SessionInvitations(CalendarSessions sessions, JdbcClient jdbc, Mailer mailer, PlatformProperties platform,
			Clock clock, List<OutsideCalendarInvitations> outside) {
		this.outside = List.copyOf(outside);
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.mailer = mailer;
		this.platform = platform;
		this.clock = clock;
	}

	/** A downloadable invitation. */
	record Invitation(String filename, String contentType, String text) {
	}

	@ApplicationModuleListener
	void on(SessionConfirmed event) {
		sendRequest(event.session(), false);
	}

	@ApplicationModuleListener
	void on(SessionRescheduled event) {
		sendRequest(event.session(), true);
	}

	@ApplicationModuleListener
	void on(SessionCancelled event) {
		sendCancel(event.session());
	}

	/**
	 * Mails the invitation of the session as its event carried it to both participants, if it is
	 * confirmed; {@code change} for a new time or place (the SEQUENCE then rises above the last one
	 * sent). A retried event that comes after the session's cancellation was sent sends nothing: a
	 * cancelled session never comes back, and a late REQUEST would put it back in people's calendars.
	 */
	@Transactional
	public void sendRequest(ScheduledSession scheduled, boolean change) {
		long sessionId = scheduled.sessionId();
		if (!scheduled.confirmed()) {
			log.debug("No invitation for session {}: not confirmed", sessionId);
			return;
		}
		if (lastMethod(sessionId).filter("CANCEL"::equals).isPresent()) {
			log.debug("No invitation for session {}: its cancellation was sent", sessionId);
			return;
		}
		CalendarSession session = this.sessions.of(scheduled).orElse(null);
		if (session == null) {
			return;
		}
		Integer last = lastSequence(sessionId);
		int sequence = last == null ? session.icalSequence()
				: Math.max(session.icalSequence(), change ? last + 1 : last);
		send(session, false, sequence, last == null ? "new" : "updated");
	}

	/** Mails the cancellation to both participants, if an invitation may have reached them. */
	@Transactional
	public void sendCancel(ScheduledSession scheduled) {
		long sessionId = scheduled.sessionId();
		Integer last = lastSequence(sessionId);
		if (last == null && scheduled.icalSequence() == 0) {
			log.debug("No cancellation for session {}: no invitation was sent", sessionId);
			return;
		}
		CalendarSession session = this.sessions.of(scheduled).orElse(null);
		if (session == null) {
			return;
		}
		int sequence = Math.max(session.icalSequence(), last == null ? 0 : last + 1);
		send(session, true, sequence, "cancelled");
	}

	/** The current invitation of a session for one of its participants (404 for everyone else). */
	@Transactional(readOnly = true)
	public Invitation download(long sessionId, long userId) {
		CalendarSession session = this.sessions.find(sessionId)
			.filter(found -> found.hasParticipant(userId))
			.orElseThrow(() -> new NotFoundException("No such session"));
		boolean cancelled = "CANCELLED".equals(session.status());
		if (!cancelled && !session.confirmed() && !"COMPLETED".equals(session.status())) {
			throw new StateTransitionException("This session is not confirmed yet, so it has no invitation.");
		}
		Integer last = lastSequence(sessionId);
		int sequence = Math.max(session.icalSequence(), last == null ? 0 : last);
		String method = cancelled ? "CANCEL" : "REQUEST";
		String text = ICalendars.invitation(session, cancelled, sequence, this.clock.instant(), host(), null);
		return new Invitation("session-" + session.id() + ".ics", ICalendars.contentType(method), text);
	}

	private void send(CalendarSession session, boolean cancel, int sequence, String kind) {
		Instant now = this.clock.instant();
		String method = cancel ? "CANCEL" : "REQUEST";
		String text = ICalendars.invitation(session, cancel, sequence, now, host(), null);
		Mailer.Attachment attachment = new Mailer.Attachment(cancel ? "cancel.ics" : "invite.ics",
				ICalendars.contentType(method), text);
		String subject = switch (kind) {
			case "cancelled" -> "Cancelled: ";
			case "updated" -> "Updated invitation: ";
			default -> "Invitation: ";
		} + session.title();
		for (CalendarSession.Person person : List.of(session.mentor(), session.mentee())) {
			if (this.outside.stream().anyMatch(o -> o.carries(session.mentor().id(), person.id()))) {
				log.debug("No .ics mail for session {} to user {}: their outside calendar carries it", session.id(),
						person.id());
				continue;
			}
			Map<String, Object> model = MailTimes.model(session, person);
			model.put("kind", kind);
			this.mailer.deliver(person.email(), truncate(subject), "calendar-invitation", model, List.of(attachment));
		}
		this.jdbc.sql("""
				INSERT INTO calendar_invitations (session_id, method, sequence_no, sent_at)
				VALUES (:session, :method, :sequence, :at)""")
			.param("session", session.id())
			.param("method", method)
			.param("sequence", sequence)
			.param("at", CalendarSessions.utc(now))
			.update();
	}

	private Optional<String> lastMethod(long sessionId) {
		return this.jdbc.sql("SELECT method FROM calendar_invitations WHERE session_id = :id ORDER BY id DESC")
			.param("id", sessionId)
			.query(String.class)
			.list()
			.stream()
			.findFirst();
	}

	private Integer lastSequence(long sessionId) {
		return this.jdbc.sql("SELECT MAX(sequence_no) FROM calendar_invitations WHERE session_id = :id")
			.param("id", sessionId)
			.query(Integer.class)
			.optional()
			.orElse(null);
	}

	String host() {
		String host = this.platform.baseUrl().getHost();
		return host == null ? "mentorhub.local" : host;
	}

	private static String truncate(String subject) {
		return subject.length() > 300 ? subject.substring(0, 297) + "..." : subject;
	}

}
