package org.mentorhub.session;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import org.mentorhub.identity.MenteeGroup;
import org.mentorhub.platform.Tenancy.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * session's aggregates for reports, over the sessions of the mentorships of an institution or one of
 * its departments (read through mentorship's {@code mentorship_pairs} view). Days are UTC days. Every
 * statement groups in SQL; feedback averages below the minimum number of answers are never returned.
 */
@Service
@Transactional(readOnly = true)
public class SessionStatistics {

	private final JdbcClient jdbc;

	SessionStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many sessions scheduled on a UTC day have a status, an attendance (null: none recorded) and a mode. */
	public record DayCount(LocalDate onDay, SessionStatus status, Attendance attendance, SessionMode sessionMode,
			long sessions) {
	}

	/**
	 * The ratings mentees gave one mentor ({@code mentorId}) or the mentors of one department
	 * ({@code departmentId}; both null: the whole scope): how many and their sum.
	 */
	public record RatingTotal(Long mentorId, Long departmentId, long answers, long ratingSum) {

		/** The average rating, 1 to 5. */
		public double average() {
			return this.answers == 0 ? 0 : (double) this.ratingSum / this.answers;
		}

	}

	/** Sessions scheduled in {@code [from, to)} per UTC day, status, attendance and mode. */
	public List<DayCount> perDay(Scope scope, LocalDate from, LocalDate to, MenteeGroup mentees) {
		return this.jdbc.sql("""
				SELECT CAST(s.scheduled_at AS DATE) AS on_day, s.status AS status, s.attendance AS attendance,
				       s.mode AS session_mode, COUNT(*) AS sessions
				FROM mentoring_sessions s JOIN mentorship_pairs mp ON mp.id = s.mentorship_id
				WHERE mp.institution_id = :institution AND (:department = 0 OR mp.department_id = :department)
				  AND s.scheduled_at >= :from AND s.scheduled_at < :to AND MENTEES
				GROUP BY CAST(s.scheduled_at AS DATE), s.status, s.attendance, s.mode""".replace("MENTEES",
					mentees.sql("s.mentee_id")))
			.param("institution", scope.institutionId())
			.param("department", scope.departmentOrZero())
			.param("from", from.atStartOfDay())
			.param("to", to.atStartOfDay())
			.query(DayCount.class)
			.list();
	}

	/**
	 * The median hours from a session's request (its creation) to its first confirmation, over the sessions
	 * first confirmed in this period ({@code confirmed}, {@code medianHours}) and in the previous one
	 * ({@code confirmedBefore}, {@code medianHoursBefore}); a median over fewer sessions than the minimum is
	 * null. One decimal.
	 */
	public record ConfirmationMedians(long confirmed, Double medianHours, long confirmedBefore,
			Double medianHoursBefore) {
	}

	/**
	 * The median time from request to confirmation of the scope's sessions first confirmed
	 * ({@code confirmed_at}) from {@code from} up to {@code to} and, for comparison, from
	 * {@code previousFrom} up to {@code from} (UTC days). One statement reads one row per session confirmed
	 * in the two periods; the medians are worked out here (date arithmetic differs per database), so the
	 * single times never leave the session module, and a median over fewer than {@code minimum} sessions is
	 * not returned. Sessions confirmed before the time was kept (V106) have none and are not counted.
	 */
	public ConfirmationMedians confirmationMedians(Scope scope, LocalDate previousFrom, LocalDate from, LocalDate to,
			int minimum, MenteeGroup mentees) {
		LocalDateTime start = from.atStartOfDay();
		List<Double> current = new ArrayList<>();
		List<Double> before = new ArrayList<>();
		this.jdbc.sql("""
				SELECT s.created_at AS requested_at, s.confirmed_at AS confirmed_at
				FROM mentoring_sessions s JOIN mentorship_pairs mp ON mp.id = s.mentorship_id
				WHERE mp.institution_id = :institution AND (:department = 0 OR mp.department_id = :department)
				  AND s.confirmed_at >= :previousFrom AND s.confirmed_at < :to AND""" + " " + mentees.sql("s.mentee_id"))
			.param("institution", scope.institutionId())
			.param("department", scope.departmentOrZero())
			.param("previousFrom", previousFrom.atStartOfDay())
			.param("to", to.atStartOfDay())
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
				LocalDateTime requested = rs.getObject("requested_at", LocalDateTime.class);
				LocalDateTime confirmed = rs.getObject("confirmed_at", LocalDateTime.class);
				double hours = Math.max(0, Duration.between(requested, confirmed).toSeconds()) / 3600.0;
				(confirmed.isBefore(start) ? before : current).add(hours);
			});
		return new ConfirmationMedians(current.size(), median(current, minimum), before.size(),
				median(before, minimum));
	}

	/** The median to one decimal, or null below {@code minimum} values. */
	private static Double median(List<Double> values, int minimum) {
		if (values.size() < minimum || values.isEmpty()) {
			return null;
		}
		Collections.sort(values);
		int n = values.size();
		double median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
		return Math.round(median * 10) / 10.0;
	}

	/**
	 * The mentees' ratings of their mentors for sessions scheduled in {@code [from, to)}: one total for
	 * the scope, one per department and one per mentor, each only where at least {@code minimum} answers
	 * were given (a smaller group could reveal one person's rating). The scope's total comes first.
	 */
	public List<RatingTotal> mentorRatings(Scope scope, LocalDate from, LocalDate to, int minimum,
			MenteeGroup mentees) {
		// One pass over the ratings, grouped per mentor and department; the three levels are summed from it
		// (the scope's sessions of a year are hundreds of thousands: three passes took three times as long).
		// The thresholds are applied here, so that no group below the minimum leaves the database. The
		// per-mentor branch comes first: its typed columns give the NULLs of the others their type
		// (PostgreSQL types a column of NULLs in the first branches as text).
		String grouped = """
				WITH r AS (
				  SELECT s.mentor_id AS mentor_id, mp.department_id AS department_id, COUNT(*) AS answers,
				         SUM(f.rating) AS rating_sum
				  FROM session_feedback f JOIN mentoring_sessions s ON s.id = f.session_id
				  JOIN mentorship_pairs mp ON mp.id = s.mentorship_id
				  WHERE f.type = 'MENTEE_TO_MENTOR'
				    AND mp.institution_id = :institution AND (:department = 0 OR mp.department_id = :department)
				    AND s.scheduled_at >= :from AND s.scheduled_at < :to AND MENTEES
				  GROUP BY s.mentor_id, mp.department_id)
				SELECT 2 AS kind, mentor_id, NULL AS department_id, SUM(answers) AS answers, SUM(rating_sum) AS rating_sum
				FROM r GROUP BY mentor_id HAVING SUM(answers) >= :minimum
				UNION ALL SELECT 1, NULL, department_id, SUM(answers), SUM(rating_sum)
				FROM r WHERE department_id IS NOT NULL GROUP BY department_id HAVING SUM(answers) >= :minimum
				UNION ALL SELECT 0, NULL, NULL, COALESCE(SUM(answers), 0), COALESCE(SUM(rating_sum), 0)
				FROM r HAVING COALESCE(SUM(answers), 0) >= :minimum
				ORDER BY kind, answers DESC""".replace("MENTEES", mentees.sql("s.mentee_id"));
		return this.jdbc.sql(grouped)
			.param("institution", scope.institutionId())
			.param("department", scope.departmentOrZero())
			.param("from", from.atStartOfDay())
			.param("to", to.atStartOfDay())
			.param("minimum", minimum)
			.query((rs, n) -> new RatingTotal(rs.getObject("mentor_id", Long.class),
					rs.getObject("department_id", Long.class), rs.getLong("answers"), rs.getLong("rating_sum")))
			.list();
	}

	/** One session of an export or of the list behind a dashboard figure: when (UTC), its state, the pair's names and department. */
	public record SessionExportRow(long id, LocalDateTime scheduledAt, SessionStatus status, String mode,
			Attendance attendance, long menteeId, String mentorName, String menteeName, String departmentName,
			String title) {
	}

	/** Rows read per statement of an export: memory stays constant whatever the number of sessions. */
	public static final int EXPORT_PAGE = 1_000;

	/**
	 * The scope, period (UTC days, {@code to} excluded), optional status and attendance, and the group of
	 * mentees of a session list.
	 */
	public record SessionFilter(Scope scope, LocalDate from, LocalDate to, SessionStatus status, Attendance attendance,
			MenteeGroup mentees) {

		/** Every mentee's sessions. */
		public SessionFilter(Scope scope, LocalDate from, LocalDate to, SessionStatus status, Attendance attendance) {
			this(scope, from, to, status, attendance, MenteeGroup.ALL);
		}

	}

	/**
	 * Hands every session of the filter to {@code sink} in id order, reading {@link #EXPORT_PAGE} rows per
	 * statement (keyset paging, the same SQL on every database), so that a million rows need no more
	 * memory than a thousand.
	 */
	public void forEachSession(SessionFilter filter, Consumer<SessionExportRow> sink) {
		long after = 0;
		while (true) {
			List<SessionExportRow> page = sessions(filter, after, 0, EXPORT_PAGE);
			page.forEach(sink);
			if (page.size() < EXPORT_PAGE) {
				return;
			}
			after = page.get(page.size() - 1).id();
		}
	}

	/**
	 * One page of the filter's sessions in id order (the order of {@link #forEachSession}, so that a page
	 * shows the rows of its export in the same order): {@code limit} rows after the first {@code offset}.
	 */
	public List<SessionExportRow> page(SessionFilter filter, long offset, int limit) {
		return sessions(filter, 0, offset, limit);
	}

	/** How many sessions the filter has. */
	public long count(SessionFilter filter) {
		return bind(this.jdbc.sql("SELECT COUNT(*) FROM mentoring_sessions s JOIN mentorship_pairs mp ON mp.id = s.mentorship_id"
				+ where(filter)), filter).query(Long.class).single();
	}

	/**
	 * The condition of a filter, with only the conditions it sets: an optional filter written as {@code (:x = ''
	 * OR s.x = :x)} kept PostgreSQL's generic plan of a prepared statement from using an index on it (the
	 * no-show list at full scale read every session of the period from the heap: 3 s cold, 340 ms warm; with
	 * the condition alone and {@code ix_mentoring_sessions_attendance_date}, an index-only scan of 7 ms).
	 */
	private static String where(SessionFilter filter) {
		StringBuilder where = new StringBuilder("""

				WHERE mp.institution_id = :institution AND s.scheduled_at >= :from AND s.scheduled_at < :to""");
		if (filter.scope().departmentOrZero() != 0) {
			where.append(" AND mp.department_id = :department");
		}
		if (filter.status() != null) {
			where.append(" AND s.status = :status");
		}
		if (filter.attendance() != null) {
			where.append(" AND s.attendance = :attendance");
		}
		return where + " AND " + filter.mentees().sql("s.mentee_id");
	}

	private List<SessionExportRow> sessions(SessionFilter filter, long after, long offset, int limit) {
		return bind(this.jdbc.sql("""
				SELECT s.id, s.scheduled_at, s.status, s.mode, s.attendance, s.mentee_id, mentor.full_name AS mentor_name,
				       mentee.full_name AS mentee_name, d.name AS department_name, s.title
				FROM mentoring_sessions s JOIN mentorship_pairs mp ON mp.id = s.mentorship_id
				JOIN identity_people mentor ON mentor.id = s.mentor_id
				JOIN identity_people mentee ON mentee.id = s.mentee_id
				LEFT JOIN organization_departments d ON d.id = mp.department_id""" + where(filter) + """

				  AND s.id > :after
				ORDER BY s.id
				LIMIT""" + " " + limit + " OFFSET " + offset), filter)
			.param("after", after)
			.query(SessionExportRow.class)
			.list();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, SessionFilter filter) {
		return spec.param("institution", filter.scope().institutionId())
			.param("department", filter.scope().departmentOrZero())
			.param("from", filter.from().atStartOfDay())
			.param("to", filter.to().atStartOfDay())
			.param("status", filter.status() == null ? "" : filter.status().name())
			.param("attendance", filter.attendance() == null ? "" : filter.attendance().name());
	}

	/**
	 * How many sessions each institution completed that were scheduled in {@code [from, to)} (UTC days), for
	 * the platform administrator's home page: one count per institution that has any, nothing about the people.
	 */
	public java.util.Map<Long, Long> completedPerInstitution(LocalDate from, LocalDate to) {
		java.util.Map<Long, Long> counts = new java.util.HashMap<>();
		this.jdbc.sql("""
				SELECT mp.institution_id, COUNT(*) AS n FROM mentoring_sessions s JOIN mentorship_pairs mp ON mp.id = s.mentorship_id
				WHERE s.status = 'COMPLETED' AND s.scheduled_at >= :from AND s.scheduled_at < :to
				GROUP BY mp.institution_id""")
			.param("from", from.atStartOfDay())
			.param("to", to.atStartOfDay())
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> counts.put(rs.getLong("institution_id"),
					rs.getLong("n")));
		return counts;
	}

}
