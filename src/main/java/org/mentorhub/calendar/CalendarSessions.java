package org.mentorhub.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads sessions and their participants with SQL: the calendar depends only on the session module's
 * event contract, not on its classes. Times are stored in UTC.
 */
@Component
class CalendarSessions {

	private static final String SELECT = """
			SELECT s.id, s.status, s.title, s.scheduled_at, s.duration_minutes, s.time_zone, s.mode, s.location,
			       s.meeting_link, s.ical_uid, s.ical_sequence,
			       m.id AS mentor_id, m.email AS mentor_email, m.full_name AS mentor_name, m.time_zone AS mentor_zone,
			       e.id AS mentee_id, e.email AS mentee_email, e.full_name AS mentee_name, e.time_zone AS mentee_zone
			FROM mentoring_sessions s
			JOIN users m ON m.id = s.mentor_id
			JOIN users e ON e.id = s.mentee_id
			""";

	private final JdbcClient jdbc;

	CalendarSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<CalendarSession> find(long sessionId) {
		return this.jdbc.sql(SELECT + " WHERE s.id = :id").param("id", sessionId).query(CalendarSessions::map).optional();
	}

	/** A user's confirmed, rescheduled and completed sessions that start within [from, to), by start. */
	List<CalendarSession> forFeed(long userId, Instant from, Instant to, int limit) {
		return this.jdbc.sql(SELECT + """
				 WHERE (s.mentor_id = :user OR s.mentee_id = :user)
				   AND s.status IN ('CONFIRMED', 'RESCHEDULED', 'COMPLETED')
				   AND s.scheduled_at >= :from AND s.scheduled_at < :to
				 ORDER BY s.scheduled_at, s.id
				 LIMIT :limit""")
			.param("user", userId)
			.param("from", utc(from))
			.param("to", utc(to))
			.param("limit", limit)
			.query(CalendarSessions::map)
			.list();
	}

	/** Confirmed sessions starting within (from, to] that have no reminder of this kind for their current start. */
	List<CalendarSession> dueForReminder(Instant from, Instant to, String kind, int limit) {
		return this.jdbc.sql(SELECT + """
				 WHERE s.status IN ('CONFIRMED', 'RESCHEDULED')
				   AND s.scheduled_at > :from AND s.scheduled_at <= :to
				   AND NOT EXISTS (SELECT 1 FROM session_reminders r
				                   WHERE r.session_id = s.id AND r.kind = :kind AND r.scheduled_at = s.scheduled_at)
				 ORDER BY s.scheduled_at, s.id
				 LIMIT :limit""")
			.param("from", utc(from))
			.param("to", utc(to))
			.param("kind", kind)
			.param("limit", limit)
			.query(CalendarSessions::map)
			.list();
	}

	static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static CalendarSession map(ResultSet rs, int row) throws SQLException {
		return new CalendarSession(rs.getLong("id"), rs.getString("status"), rs.getString("title"),
				rs.getObject("scheduled_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getInt("duration_minutes"),
				rs.getString("time_zone"), rs.getString("mode"), rs.getString("location"), rs.getString("meeting_link"),
				rs.getString("ical_uid"), rs.getInt("ical_sequence"),
				new CalendarSession.Person(rs.getLong("mentor_id"), rs.getString("mentor_email"),
						rs.getString("mentor_name"), rs.getString("mentor_zone")),
				new CalendarSession.Person(rs.getLong("mentee_id"), rs.getString("mentee_email"),
						rs.getString("mentee_name"), rs.getString("mentee_zone")));
	}

}
