package org.mentorhub.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mentorhub.identity.People;
import org.mentorhub.identity.Person;
import org.mentorhub.session.ScheduledSession;
import org.mentorhub.session.SessionSchedules;
import org.mentorhub.session.SessionStatus;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The calendar's view of sessions: the session module's {@link ScheduledSession}s (from its events, or
 * in batches from its {@link SessionSchedules} facade) joined in memory with their two participants
 * from identity's {@link People} facade, one batch per page. The calendar reads no table of another
 * module. Times are stored in UTC.
 */
@Component
class CalendarSessions {

	/** The statuses whose time holds, so they are in the feed. */
	static final Set<SessionStatus> IN_FEED = Set.of(SessionStatus.CONFIRMED, SessionStatus.RESCHEDULED,
			SessionStatus.COMPLETED);

	/** The statuses whose agreed time holds, so they are reminded. */
	static final Set<SessionStatus> REMINDED = Set.of(SessionStatus.CONFIRMED, SessionStatus.RESCHEDULED);

	private final SessionSchedules schedules;

	private final People people;

	private final JdbcClient jdbc;

	CalendarSessions(SessionSchedules schedules, People people, JdbcClient jdbc) {
		this.schedules = schedules;
		this.people = people;
		this.jdbc = jdbc;
	}

	Optional<CalendarSession> find(long sessionId) {
		return this.schedules.find(sessionId).flatMap(this::of);
	}

	/** The session with its participants, or empty when an account is gone. */
	Optional<CalendarSession> of(ScheduledSession session) {
		return withPeople(List.of(session)).stream().findFirst();
	}

	/** A user's confirmed, rescheduled and completed sessions that start within [from, to), by start. */
	List<CalendarSession> forFeed(long userId, Instant from, Instant to, int limit) {
		return withPeople(this.schedules.ofParticipant(userId, IN_FEED, from, to, limit));
	}

	/** Confirmed sessions starting within (from, to] that have no reminder of this kind for their current start. */
	List<CalendarSession> dueForReminder(Instant from, Instant to, String kind, int limit) {
		List<ScheduledSession> due = new ArrayList<>();
		ScheduledSession last = null;
		while (due.size() < limit) {
			List<ScheduledSession> page = this.schedules.startingWithin(REMINDED, from, to, last, limit);
			if (page.isEmpty()) {
				break;
			}
			Set<String> reminded = reminded(page, kind);
			page.stream()
				.filter(session -> !reminded.contains(session.sessionId() + "@" + utc(session.start())))
				.limit(limit - due.size())
				.forEach(due::add);
			last = page.get(page.size() - 1);
			if (page.size() < limit) {
				break;
			}
		}
		return withPeople(due);
	}

	/** "{session}@{start}" of the page's sessions that already have a reminder of this kind. */
	private Set<String> reminded(List<ScheduledSession> page, String kind) {
		Set<String> reminded = new HashSet<>();
		this.jdbc.sql("SELECT session_id, scheduled_at FROM session_reminders WHERE kind = :kind AND session_id IN (:ids)")
			.param("kind", kind)
			.param("ids", page.stream().map(ScheduledSession::sessionId).toList())
			.query((RowCallbackHandler) rs -> reminded
				.add(rs.getLong("session_id") + "@" + rs.getObject("scheduled_at", LocalDateTime.class)));
		return reminded;
	}

	private List<CalendarSession> withPeople(List<ScheduledSession> sessions) {
		if (sessions.isEmpty()) {
			return List.of();
		}
		Set<Long> ids = new HashSet<>();
		sessions.forEach(session -> {
			ids.add(session.mentorId());
			ids.add(session.menteeId());
		});
		Map<Long, Person> found = this.people.summaries(ids);
		List<CalendarSession> result = new ArrayList<>(sessions.size());
		for (ScheduledSession s : sessions) {
			Person mentor = found.get(s.mentorId());
			Person mentee = found.get(s.menteeId());
			if (mentor != null && mentee != null) {
				result.add(new CalendarSession(s.sessionId(), s.status().name(), s.title(), s.start(), s.durationMinutes(),
						s.zone(), s.mode() == null ? null : s.mode().name(), s.location(), s.meetingLink(), s.icalUid(),
						s.icalSequence(), person(mentor), person(mentee)));
			}
		}
		return result;
	}

	private static CalendarSession.Person person(Person person) {
		return new CalendarSession.Person(person.id(), person.email(), person.fullName(), person.zone().getId());
	}

	static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
