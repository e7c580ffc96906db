package org.mentorhub.session;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;

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

	/** How many sessions scheduled on a UTC day have a status and an attendance (null: none recorded). */
	public record DayCount(LocalDate onDay, SessionStatus status, Attendance attendance, long sessions) {
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

	/** Sessions scheduled in {@code [from, to)} per UTC day, status and attendance. */
	public List<DayCount> perDay(Scope scope, LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				SELECT CAST(s.scheduled_at AS DATE) AS on_day, s.status AS status, s.attendance AS attendance,
				       COUNT(*) AS sessions
				FROM mentoring_sessions s JOIN mentorship_pairs mp ON mp.id = s.mentorship_id
				WHERE mp.institution_id = :institution AND (:department = 0 OR mp.department_id = :department)
				  AND s.scheduled_at >= :from AND s.scheduled_at < :to
				GROUP BY CAST(s.scheduled_at AS DATE), s.status, s.attendance""")
			.param("institution", scope.institutionId())
			.param("department", scope.departmentOrZero())
			.param("from", from.atStartOfDay())
			.param("to", to.atStartOfDay())
			.query(DayCount.class)
			.list();
	}

	/**
	 * The mentees' ratings of their mentors for sessions scheduled in {@code [from, to)}: one total for
	 * the scope, one per department and one per mentor, each only where at least {@code minimum} answers
	 * were given (a smaller group could reveal one person's rating). The scope's total comes first.
	 */
	public List<RatingTotal> mentorRatings(Scope scope, LocalDate from, LocalDate to, int minimum) {
		String base = """
				FROM session_feedback f JOIN mentoring_sessions s ON s.id = f.session_id
				JOIN mentorship_pairs mp ON mp.id = s.mentorship_id
				WHERE f.type = 'MENTEE_TO_MENTOR'
				  AND mp.institution_id = :institution AND (:department = 0 OR mp.department_id = :department)
				  AND s.scheduled_at >= :from AND s.scheduled_at < :to""";
		// The per-mentor branch comes first: its typed columns give the NULLs of the others their type
		// (PostgreSQL types a column of NULLs in the first branches as text).
		return this.jdbc.sql("SELECT 2 AS kind, s.mentor_id AS mentor_id, NULL AS department_id, COUNT(*) AS answers,"
				+ " SUM(f.rating) AS rating_sum " + base + " GROUP BY s.mentor_id HAVING COUNT(*) >= :minimum"
				+ " UNION ALL SELECT 1, NULL, mp.department_id, COUNT(*), SUM(f.rating) " + base
				+ " AND mp.department_id IS NOT NULL GROUP BY mp.department_id HAVING COUNT(*) >= :minimum"
				+ " UNION ALL SELECT 0, NULL, NULL, COUNT(*), COALESCE(SUM(f.rating), 0) " + base
				+ " HAVING COUNT(*) >= :minimum"
				+ " ORDER BY kind, answers DESC")
			.param("institution", scope.institutionId())
			.param("department", scope.departmentOrZero())
			.param("from", from.atStartOfDay())
			.param("to", to.atStartOfDay())
			.param("minimum", minimum)
			.query((rs, n) -> new RatingTotal(rs.getObject("mentor_id", Long.class),
					rs.getObject("department_id", Long.class), rs.getLong("answers"), rs.getLong("rating_sum")))
			.list();
	}

	/** One session of an export: when (UTC), its state, the pair's names and department. */
	public record SessionExportRow(long id, LocalDateTime scheduledAt, SessionStatus status, String mode,
			Attendance attendance, String mentorName, String menteeName, String departmentName, String title) {
	}

	/** Rows read per statement of an export: memory stays constant whatever the number of sessions. */
	public static final int EXPORT_PAGE = 1_000;

	/**
	 * Hands every session of the scope scheduled in {@code [from, to)} (UTC days), optionally of one
	 * status and one attendance, to {@code sink} in id order, reading {@link #EXPORT_PAGE} rows per
	 * statement (keyset paging, the same SQL on every database), so that a million rows need no more
	 * memory than a thousand.
	 */
	public void forEachSession(Scope scope, LocalDate from, LocalDate to, SessionStatus status, Attendance attendance,
			Consumer<SessionExportRow> sink) {
		long after = 0;
		while (true) {
			List<SessionExportRow> page = this.jdbc.sql("""
					SELECT s.id, s.scheduled_at, s.status, s.mode, s.attendance, mentor.full_name AS mentor_name,
					       mentee.full_name AS mentee_name, d.name AS department_name, s.title
					FROM mentoring_sessions s JOIN mentorship_pairs mp ON mp.id = s.mentorship_id
					JOIN identity_people mentor ON mentor.id = s.mentor_id
					JOIN identity_people mentee ON mentee.id = s.mentee_id
					LEFT JOIN organization_departments d ON d.id = mp.department_id
					WHERE mp.institution_id = :institution AND (:department = 0 OR mp.department_id = :department)
					  AND s.scheduled_at >= :from AND s.scheduled_at < :to
					  AND (:status = '' OR s.status = :status) AND (:attendance = '' OR s.attendance = :attendance)
					  AND s.id > :after
					ORDER BY s.id
					LIMIT""" + " " + EXPORT_PAGE)
				.param("institution", scope.institutionId())
				.param("department", scope.departmentOrZero())
				.param("from", from.atStartOfDay())
				.param("to", to.atStartOfDay())
				.param("status", status == null ? "" : status.name())
				.param("attendance", attendance == null ? "" : attendance.name())
				.param("after", after)
				.query(SessionExportRow.class)
				.list();
			page.forEach(sink);
			if (page.size() < EXPORT_PAGE) {
				return;
			}
			after = page.get(page.size() - 1).id();
		}
	}


}
