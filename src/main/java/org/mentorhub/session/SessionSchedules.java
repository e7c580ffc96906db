package org.mentorhub.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The session module's read facade for calendars: sessions as {@link ScheduledSession}s (time, place,
 * participants, calendar identity), one at a time or in bounded, ordered batches, so the calendar
 * builds feeds and reminders with one query per page and never reads {@code mentoring_sessions}
 * itself. No authorization here: callers decide who may see what (participants only).
 */
@Service
public class SessionSchedules {

	private static final String SELECT = """
			SELECT id, mentorship_id, mentor_id, mentee_id, status, title, scheduled_at, duration_minutes, time_zone,
			       mode, location, meeting_link, ical_uid, ical_sequence
			FROM mentoring_sessions
			""";

	private final JdbcClient jdbc;

	SessionSchedules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The session with this id, if it exists. */
	@Transactional(readOnly = true)
	public Optional<ScheduledSession> find(long sessionId) {
		return this.jdbc.sql(SELECT + " WHERE id = :id").param("id", sessionId).query(SessionSchedules::map).optional();
	}

	/** The sessions with these ids that exist (at most a page's worth: callers bound the ids). */
	@Transactional(readOnly = true)
	public List<ScheduledSession> findAll(Collection<Long> sessionIds) {
		if (sessionIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + " WHERE id IN (:ids) ORDER BY scheduled_at, id")
			.param("ids", sessionIds)
			.query(SessionSchedules::map)
			.list();
	}

	/**
	 * A user's sessions (as mentor or mentee) in one of these statuses that start within
	 * the time from {@code from} (included) to {@code to} (excluded), by start time, at most {@code limit}.
	 */
	@Transactional(readOnly = true)
	public List<ScheduledSession> ofParticipant(long userId, Collection<SessionStatus> statuses, Instant from, Instant to,
			int limit) {
		return this.jdbc.sql(SELECT + """
				 WHERE (mentor_id = :user OR mentee_id = :user) AND status IN (:statuses)
				   AND scheduled_at >= :from AND scheduled_at < :to
				 ORDER BY scheduled_at, id
				 LIMIT :limit""")
			.param("user", userId)
			.param("statuses", names(statuses))
			.param("from", utc(from))
			.param("to", utc(to))
			.param("limit", limit)
			.query(SessionSchedules::map)
			.list();
	}

	/**
	 * Everyone's sessions in one of these statuses that start within {@code (from, to]}, by start time
	 * and id, at most {@code limit}, after the given one (keyset paging: pass the last session of the
	 * previous page, or null for the first page).
	 */
	@Transactional(readOnly = true)
	public List<ScheduledSession> startingWithin(Collection<SessionStatus> statuses, Instant from, Instant to,
			ScheduledSession after, int limit) {
		String page = after == null ? "" : " AND (scheduled_at > :afterStart OR (scheduled_at = :afterStart AND id > :afterId))";
		var query = this.jdbc.sql(SELECT + " WHERE status IN (:statuses) AND scheduled_at > :from AND scheduled_at <= :to"
				+ page + " ORDER BY scheduled_at, id LIMIT :limit")
			.param("statuses", names(statuses))
			.param("from", utc(from))
			.param("to", utc(to))
			.param("limit", limit);
		if (after != null) {
			query = query.param("afterStart", utc(after.start())).param("afterId", after.sessionId());
		}
		return query.query(SessionSchedules::map).list();
	}

	/**
	 * Records the event that an outside calendar (Microsoft 365) holds for the session: its id, and the
	 * online meeting's join link, which becomes the session's meeting link when one came back. Called by
	 * integration.microsoft after Graph answered, off any user's request; the row's version rises so a
	 * form opened before the change cannot overwrite the link unnoticed. A session that no longer exists
	 * is ignored (false).
	 *
	 * @param eventId the outside event's id; null forgets it (after its cancellation)
	 * @param joinLink the join link, or null to keep the meeting link as it is
	 */
	@Transactional
	public boolean recordOutlookEvent(long sessionId, String eventId, String joinLink) {
		String link = joinLink == null || joinLink.isBlank() || joinLink.length() > Sessions.MAX_LINK ? null : joinLink;
		LocalDateTime now = utc(Instant.now());
		if (link == null) {
			return this.jdbc.sql("""
					UPDATE mentoring_sessions SET outlook_event_id = :event, updated_at = :now, version = version + 1
					WHERE id = :id""")
				.param("event", eventId)
				.param("now", now)
				.param("id", sessionId)
				.update() == 1;
		}
		return this.jdbc.sql("""
				UPDATE mentoring_sessions SET outlook_event_id = :event, meeting_link = :link, updated_at = :now,
				       version = version + 1
				WHERE id = :id""")
			.param("event", eventId)
			.param("link", link)
			.param("now", now)
			.param("id", sessionId)
			.update() == 1;
	}

	private static List<String> names(Collection<SessionStatus> statuses) {
		return statuses.stream().map(Enum::name).toList();
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static ScheduledSession map(ResultSet rs, int row) throws SQLException {
		String mode = rs.getString("mode");
		return new ScheduledSession(rs.getLong("id"), rs.getLong("mentorship_id"), rs.getLong("mentor_id"),
				rs.getLong("mentee_id"), SessionStatus.valueOf(rs.getString("status")), rs.getString("title"),
				rs.getObject("scheduled_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getInt("duration_minutes"),
				rs.getString("time_zone"), mode == null ? null : SessionMode.valueOf(mode), rs.getString("location"),
				rs.getString("meeting_link"), rs.getString("ical_uid"), rs.getInt("ical_sequence"));
	}

}
