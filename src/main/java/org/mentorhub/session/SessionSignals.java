package org.mentorhub.session;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts over the sessions of many students at once, one query each, for the alert rules: no-shows
 * (completed sessions whose record says ABSENT), the last completed session of each mentorship, and
 * overdue action items, and for the mentor's home page the next session and open action items of each
 * mentorship. No authorization here: the caller runs without a signed-in user.
 */
@Service
public class SessionSignals {

	private final JdbcClient jdbc;

	SessionSignals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many of each mentee's sessions since {@code since} were recorded with the mentee ABSENT. */
	@Transactional(readOnly = true)
	public Map<Long, Integer> noShows(Collection<Long> menteeIds, Instant since) {
		Map<Long, Integer> counts = new HashMap<>();
		if (menteeIds.isEmpty()) {
			return counts;
		}
		this.jdbc.sql("""
				SELECT mentee_id, COUNT(*) AS n FROM mentoring_sessions
				WHERE mentee_id IN (:ids) AND status = 'COMPLETED' AND attendance = 'ABSENT' AND scheduled_at >= :since
				GROUP BY mentee_id""")
			.param("ids", List.copyOf(menteeIds))
			.param("since", LocalDateTime.ofInstant(since, ZoneOffset.UTC))
			.query((RowCallbackHandler) rs -> counts.put(rs.getLong("mentee_id"), rs.getInt("n")));
		return counts;
	}

	/** When the last session of each of these mentorships was completed (mentorships without one are left out). */
	@Transactional(readOnly = true)
	public Map<Long, Instant> lastCompleted(Collection<Long> mentorshipIds) {
		Map<Long, Instant> last = new HashMap<>();
		if (mentorshipIds.isEmpty()) {
			return last;
		}
		this.jdbc.sql("""
				SELECT mentorship_id, MAX(COALESCE(completed_at, scheduled_at)) AS last_at FROM mentoring_sessions
				WHERE mentorship_id IN (:ids) AND status = 'COMPLETED'
				GROUP BY mentorship_id""")
			.param("ids", List.copyOf(mentorshipIds))
			.query((RowCallbackHandler) rs -> last.put(rs.getLong("mentorship_id"),
					rs.getObject("last_at", LocalDateTime.class).toInstant(ZoneOffset.UTC)));
		return last;
	}

	/** How many open action items assigned to each person were due before {@code dueBefore}. */
	@Transactional(readOnly = true)
	public Map<Long, Integer> overdueActionItems(Collection<Long> assigneeIds, Instant dueBefore) {
		Map<Long, Integer> counts = new HashMap<>();
		if (assigneeIds.isEmpty()) {
			return counts;
		}
		this.jdbc.sql("""
				SELECT assigned_to_id, COUNT(*) AS n FROM action_items
				WHERE assigned_to_id IN (:ids) AND status <> 'COMPLETED' AND due_date < :before
				GROUP BY assigned_to_id""")
			.param("ids", List.copyOf(assigneeIds))
			.param("before", LocalDateTime.ofInstant(dueBefore, ZoneOffset.UTC))
			.query((RowCallbackHandler) rs -> counts.put(rs.getLong("assigned_to_id"), rs.getInt("n")));
		return counts;
	}

	/**
	 * The next session of each of these mentorships (the earliest not yet started that is confirmed or
	 * waiting for an answer), in one query; mentorships without one are left out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Instant> nextSessions(Collection<Long> mentorshipIds, Instant now) {
		Map<Long, Instant> next = new HashMap<>();
		if (mentorshipIds.isEmpty()) {
			return next;
		}
		this.jdbc.sql("""
				SELECT mentorship_id, MIN(scheduled_at) AS next_at FROM mentoring_sessions
				WHERE mentorship_id IN (:ids) AND scheduled_at >= :now
				  AND status IN ('CONFIRMED', 'PENDING', 'PROPOSED', 'REQUESTED', 'RESCHEDULED')
				GROUP BY mentorship_id""")
			.param("ids", List.copyOf(mentorshipIds))
			.param("now", LocalDateTime.ofInstant(now, ZoneOffset.UTC))
			.query((RowCallbackHandler) rs -> next.put(rs.getLong("mentorship_id"),
					rs.getObject("next_at", LocalDateTime.class).toInstant(ZoneOffset.UTC)));
		return next;
	}

	/** How many action items of the sessions of each of these mentorships are not completed, in one query. */
	@Transactional(readOnly = true)
	public Map<Long, Integer> openActionItems(Collection<Long> mentorshipIds) {
		Map<Long, Integer> counts = new HashMap<>();
		if (mentorshipIds.isEmpty()) {
			return counts;
		}
		this.jdbc.sql("""
				SELECT s.mentorship_id, COUNT(*) AS n FROM action_items a JOIN mentoring_sessions s ON s.id = a.session_id
				WHERE s.mentorship_id IN (:ids) AND a.status <> 'COMPLETED'
				GROUP BY s.mentorship_id""")
			.param("ids", List.copyOf(mentorshipIds))
			.query((RowCallbackHandler) rs -> counts.put(rs.getLong("mentorship_id"), rs.getInt("n")));
		return counts;
	}

}
