package org.mentorhub.session;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the sessions of mentorships have gone, for the relationship health of the alert module: three
 * queries for any number of mentorships (sessions, overdue action items, feedback ratings), so a job
 * that looks at thousands of pairs in batches makes a fixed number of queries per batch. Ratings count
 * only shared feedback that its recipient may read already, so health never discloses a rating given
 * for the coordinators' eyes only. No authorization here: the caller is a job.
 */
@Service
public class SessionCadence {

	/**
	 * The sessions of one mentorship as the health rules read them.
	 * @param lastCompletedAt when its latest session was completed (null: never)
	 * @param upcoming sessions planned, asked for or confirmed that have not started yet
	 * @param noShows completed sessions with attendance ABSENT since {@code since}
	 * @param cancellations sessions cancelled since {@code since}
	 * @param unanswered session requests or proposals waiting for an answer since before {@code unansweredBefore}
	 * @param overdueActionItems open action items of its sessions whose due date has passed
	 * @param averageRating the average shared, revealed feedback rating (1 to 5) since {@code since}, null without any
	 * @param ratings how many ratings the average is of
	 */
	public record Cadence(long mentorshipId, Instant lastCompletedAt, int upcoming, int noShows, int cancellations,
			int unanswered, int overdueActionItems, Double averageRating, int ratings) {

		/** A mentorship without any session. */
		public static Cadence none(long mentorshipId) {
			return new Cadence(mentorshipId, null, 0, 0, 0, 0, 0, null, 0);
		}

	}

	private final JdbcClient jdbc;

	SessionCadence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The cadence of each mentorship (one for every id, {@link Cadence#none} when it has no session), as of
	 * {@code now}, counting no-shows, cancellations and ratings since {@code since}.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Cadence> of(Collection<Long> mentorshipIds, Instant since, Instant now, Instant unansweredBefore) {
		Map<Long, Cadence> result = new HashMap<>();
		if (mentorshipIds.isEmpty()) {
			return result;
		}
		List<Long> ids = List.copyOf(mentorshipIds);
		for (Long id : ids) {
			result.put(id, Cadence.none(id));
		}
		this.jdbc.sql("""
				SELECT s.mentorship_id,
				  MAX(CASE WHEN s.status = 'COMPLETED' THEN COALESCE(s.completed_at, s.scheduled_at) END) AS last_completed,
				  SUM(CASE WHEN s.status IN ('PROPOSED', 'REQUESTED', 'CONFIRMED', 'RESCHEDULED') AND s.scheduled_at >= :now
				      THEN 1 ELSE 0 END) AS upcoming,
				  SUM(CASE WHEN s.status = 'COMPLETED' AND s.attendance = 'ABSENT' AND s.scheduled_at >= :since
				      THEN 1 ELSE 0 END) AS no_shows,
				  SUM(CASE WHEN s.status = 'CANCELLED' AND COALESCE(s.cancelled_at, s.updated_at) >= :since
				      THEN 1 ELSE 0 END) AS cancellations,
				  SUM(CASE WHEN s.status IN ('PROPOSED', 'REQUESTED') AND s.created_at <= :unanswered
				      THEN 1 ELSE 0 END) AS unanswered
				FROM mentoring_sessions s WHERE s.mentorship_id IN (:ids) GROUP BY s.mentorship_id""")
			.param("ids", ids)
			.param("now", utc(now))
			.param("since", utc(since))
			.param("unanswered", utc(unansweredBefore))
			.query((rs, i) -> {
				long id = rs.getLong("mentorship_id");
				LocalDateTime last = rs.getObject("last_completed", LocalDateTime.class);
				result.put(id, new Cadence(id, last == null ? null : last.toInstant(ZoneOffset.UTC),
						rs.getInt("upcoming"), rs.getInt("no_shows"), rs.getInt("cancellations"), rs.getInt("unanswered"),
						0, null, 0));
				return id;
			})
			.list();
		this.jdbc.sql("""
				SELECT s.mentorship_id, COUNT(*) AS overdue
				FROM action_items a JOIN mentoring_sessions s ON s.id = a.session_id
				WHERE s.mentorship_id IN (:ids) AND a.status <> 'COMPLETED' AND a.due_date < :now
				GROUP BY s.mentorship_id""")
			.param("ids", ids)
			.param("now", utc(now))
			.query((rs, i) -> {
				long id = rs.getLong("mentorship_id");
				Cadence c = result.get(id);
				result.put(id, new Cadence(id, c.lastCompletedAt(), c.upcoming(), c.noShows(), c.cancellations(),
						c.unanswered(), rs.getInt("overdue"), null, 0));
				return id;
			})
			.list();
		this.jdbc.sql("""
				SELECT s.mentorship_id, AVG(f.rating * 1.0) AS average, COUNT(*) AS ratings
				FROM session_feedback f JOIN mentoring_sessions s ON s.id = f.session_id
				WHERE s.mentorship_id IN (:ids) AND f.visibility = 'SHARED' AND f.revealed_at IS NOT NULL
				  AND f.created_at >= :since
				GROUP BY s.mentorship_id""")
			.param("ids", ids)
			.param("since", utc(since))
			.query((rs, i) -> {
				long id = rs.getLong("mentorship_id");
				Cadence c = result.get(id);
				result.put(id, new Cadence(id, c.lastCompletedAt(), c.upcoming(), c.noShows(), c.cancellations(),
						c.unanswered(), c.overdueActionItems(), rs.getDouble("average"), rs.getInt("ratings")));
				return id;
			})
			.list();
		return result;
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
