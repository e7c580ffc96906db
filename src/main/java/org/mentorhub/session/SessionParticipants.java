package org.mentorhub.session;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.mentorhub.identity.People;
import org.mentorhub.identity.Person;
import org.mentorhub.platform.Actor;
import org.mentorhub.platform.NotFoundException;
import org.mentorhub.platform.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is in a session, read with SQL from {@code mentoring_sessions} and its mentorship (mentorship's {@code mentorship_pairs} view, ADR 0003) (the notes,
 * action items and feedback do not depend on the session entity): its mentor and mentee, status,
 * completion time, and the institution and department it belongs to (the mentorship's).
 */
@Component
class SessionParticipants {

	/** One session as the notes, action items and feedback need it. */
	record Session(long id, long mentorshipId, String title, long mentorId, long menteeId, String mentorName,
			String menteeName, String status, Instant completedAt, long institutionId, Long departmentId) {

		boolean isParticipant(long userId) {
			return userId == this.mentorId || userId == this.menteeId;
		}

		/** The other participant. */
		long other(long userId) {
			return userId == this.mentorId ? this.menteeId : this.mentorId;
		}

		boolean completed() {
			return "COMPLETED".equals(this.status);
		}

	}

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final People people;

	SessionParticipants(JdbcClient jdbc, Tenancy tenancy, People people) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.people = people;
	}

	Optional<Session> find(long sessionId) {
		return this.jdbc.sql("""
				SELECT s.id, s.mentorship_id, s.title, s.mentor_id, s.mentee_id, mu.full_name AS mentor_name, eu.full_name AS mentee_name,
				       s.status, s.completed_at, m.institution_id, m.department_id
				FROM mentoring_sessions s
				JOIN mentorship_pairs m ON m.id = s.mentorship_id
				JOIN identity_people mu ON mu.id = s.mentor_id
				JOIN identity_people eu ON eu.id = s.mentee_id
				WHERE s.id = :id""")
			.param("id", sessionId)
			.query((rs, n) -> new Session(rs.getLong("id"), rs.getLong("mentorship_id"), rs.getString("title"), rs.getLong("mentor_id"),
					rs.getLong("mentee_id"), rs.getString("mentor_name"), rs.getString("mentee_name"), rs.getString("status"),
					utc(rs.getObject("completed_at", LocalDateTime.class)), rs.getLong("institution_id"),
					(Long) rs.getObject("department_id", Long.class)))
			.optional();
	}

	/** The session, if the signed-in user is its mentor or mentee; otherwise 404. */
	Session asParticipant(long sessionId) {
		long me = this.tenancy.actor().id();
		return find(sessionId).filter(s -> s.isParticipant(me))
			.orElseThrow(() -> new NotFoundException("Session not found"));
	}

	/**
	 * The session, if the signed-in user is a participant, or an administrator of its institution or a
	 * coordinator of its department; otherwise 404.
	 */
	Session asParticipantOrManager(long sessionId) {
		Actor actor = this.tenancy.actor();
		Session session = find(sessionId).orElseThrow(() -> new NotFoundException("Session not found"));
		if (session.isParticipant(actor.id())) {
			return session;
		}
		if (!isManager() || actor.institutionId() == null) {
			throw new NotFoundException("Session not found");
		}
		this.tenancy.requireInScope(session.institutionId(), session.departmentId(), "Session");
		return session;
	}

	boolean isManager() {
		return this.tenancy.hasRole("ADMIN") || this.tenancy.hasRole("COORDINATOR");
	}

	/** A person, through identity's facade. */
	Optional<Person> person(long userId) {
		return this.people.find(userId);
	}

	/** A user's own time zone (UTC when unknown or invalid). */
	ZoneId zoneOf(long userId) {
		return this.people.zoneOf(userId);
	}

	static Instant utc(LocalDateTime value) {
		return value == null ? null : value.toInstant(ZoneOffset.UTC);
	}

	static LocalDateTime utc(Instant value) {
		return value == null ? null : LocalDateTime.ofInstant(value, ZoneOffset.UTC);
	}

}
