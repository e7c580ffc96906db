package org.mentorhub.mentorship;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.mentorhub.identity.MenteeGroup;
import org.mentorhub.platform.Tenancy.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * mentorship's aggregates for reports, over the mentorships of an institution or one of its
 * departments. Days are UTC days; every statement groups in SQL and returns at most one row per
 * status, day or reason (the match times are one row per mentorship matched in the period).
 */
@Service
@Transactional(readOnly = true)
public class MentorshipStatistics {

	/** The most end reasons returned, most frequent first. */
	public static final int END_REASONS = 10;

	private final JdbcClient jdbc;

	MentorshipStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many mentorships are in a status now. */
	public record StatusCount(MentorshipStatus status, long mentorships) {
	}

	/** How many mentorships started ({@code started}) or ended on a UTC day. */
	public record DayCount(LocalDate onDay, boolean started, long mentorships) {
	}

	/** How often an end reason was given in the period. */
	public record ReasonCount(String reason, long mentorships) {
	}

	/** A mentorship matched in the period: when it was asked for and when it became active. */
	public record MatchTime(LocalDateTime requestedAt, LocalDateTime assignedAt) {
	}

	/** The scope's mentorships of this group of mentees by their status now. */
	public List<StatusCount> byStatus(Scope scope, MenteeGroup mentees) {
		return this.jdbc.sql("""
				SELECT m.status AS status, COUNT(*) AS mentorships FROM mentorships m
				WHERE m.institution_id = :institution AND (:department = 0 OR m.department_id = :department)
				  AND""" + " " + mentees.sql("m.mentee_id") + " GROUP BY m.status ORDER BY m.status")
			.param("institution", scope.institutionId())
			.param("department", scope.departmentOrZero())
			.query(StatusCount.class)
			.list();
	}

	/** Mentorships started (assigned) and ended per UTC day in {@code [from, to)}. */
	public List<DayCount> startedAndEndedPerDay(Scope scope, LocalDate from, LocalDate to, MenteeGroup mentees) {
		return this.jdbc.sql("""
				SELECT CAST(m.assigned_at AS DATE) AS on_day, TRUE AS started, COUNT(*) AS mentorships FROM mentorships m
				WHERE m.institution_id = :institution AND (:department = 0 OR m.department_id = :department)
				  AND m.assigned_at >= :from AND m.assigned_at < :to AND MENTEES
				GROUP BY CAST(m.assigned_at AS DATE)
				UNION ALL
				SELECT CAST(m.ended_at AS DATE) AS on_day, FALSE AS started, COUNT(*) AS mentorships FROM mentorships m
				WHERE m.institution_id = :institution AND (:department = 0 OR m.department_id = :department)
				  AND m.ended_at >= :from AND m.ended_at < :to AND MENTEES
				GROUP BY CAST(m.ended_at AS DATE)""".replace("MENTEES", mentees.sql("m.mentee_id")))
			.param("institution", scope.institutionId())
			.param("department", scope.departmentOrZero())
			.param("from", from.atStartOfDay())
			.param("to", to.atStartOfDay())
			.query(DayCount.class)
			.list();
	}

	/**
	 * The reasons given for mentorships ended in {@code [from, to)}, most frequent first; a reason given
	 * fewer than {@code minimum} times is left out (it could name one person's story).
	 */
	public List<ReasonCount> endReasons(Scope scope, LocalDate from, LocalDate to, int minimum, MenteeGroup mentees) {
		return this.jdbc.sql("""
				SELECT m.end_reason AS reason, COUNT(*) AS mentorships FROM mentorships m
				WHERE m.institution_id = :institution AND (:department = 0 OR m.department_id = :department)
				  AND m.ended_at >= :from AND m.ended_at < :to AND m.end_reason IS NOT NULL AND MENTEES
				GROUP BY m.end_reason HAVING COUNT(*) >= :minimum
				ORDER BY COUNT(*) DESC, m.end_reason""".replace("MENTEES", mentees.sql("m.mentee_id")))
			.param("institution", scope.institutionId())
			.param("department", scope.departmentOrZero())
			.param("from", from.atStartOfDay())
			.param("to", to.atStartOfDay())
			.param("minimum", minimum)
			.query(ReasonCount.class)
			.stream()
			.limit(END_REASONS)
			.toList();
	}

	/** The mentorships that became active in {@code [from, to)}, with when they were asked for. */
	public List<MatchTime> matchTimes(Scope scope, LocalDate from, LocalDate to, MenteeGroup mentees) {
		return this.jdbc.sql("""
				SELECT m.created_at AS requested_at, m.assigned_at AS assigned_at FROM mentorships m
				WHERE m.institution_id = :institution AND (:department = 0 OR m.department_id = :department)
				  AND m.assigned_at >= :from AND m.assigned_at < :to AND""" + " " + mentees.sql("m.mentee_id"))
			.param("institution", scope.institutionId())
			.param("department", scope.departmentOrZero())
			.param("from", from.atStartOfDay())
			.param("to", to.atStartOfDay())
			.query(MatchTime.class)
			.list();
	}


	/**
	 * Re-matches in two periods: the mentorships that became active ({@code assigned_at}) in each whose
	 * mentee already had another mentorship in the same institution that had ENDED by then. A count of
	 * one or two is null (it could point at one person's story); none is 0.
	 */
	public record Rematches(Long current, Long previous) {
	}

	/**
	 * The re-matches of the scope that became active from {@code previousFrom} up to {@code from} (the
	 * previous period) and from {@code from} up to {@code to} (this period), UTC days. The earlier, ended
	 * mentorship may be in any department of the institution (the mentee's history), the re-match itself
	 * is counted in the scope like the other mentorship figures. Counts from 1 to {@code minimum - 1} are
	 * suppressed in SQL and come back null.
	 */
	public Rematches rematches(Scope scope, LocalDate previousFrom, LocalDate from, LocalDate to, int minimum,
			MenteeGroup mentees) {
		return this.jdbc.sql("""
				SELECT CASE WHEN r.current_period = 0 OR r.current_period >= :minimum THEN r.current_period END AS current_period,
				       CASE WHEN r.previous_period = 0 OR r.previous_period >= :minimum THEN r.previous_period END AS previous_period
				FROM (SELECT COALESCE(SUM(CASE WHEN m.assigned_at >= :from THEN 1 ELSE 0 END), 0) AS current_period,
				             COALESCE(SUM(CASE WHEN m.assigned_at < :from THEN 1 ELSE 0 END), 0) AS previous_period
				      FROM mentorships m
				      WHERE m.institution_id = :institution AND (:department = 0 OR m.department_id = :department)
				        AND m.assigned_at >= :previousFrom AND m.assigned_at < :to AND MENTEES
				        AND EXISTS (SELECT 1 FROM mentorships e
				                    WHERE e.mentee_id = m.mentee_id AND e.institution_id = m.institution_id AND e.id <> m.id
				                      AND e.status = 'ENDED' AND e.ended_at <= m.assigned_at)) r""".replace("MENTEES",
					mentees.sql("m.mentee_id")))
			.param("institution", scope.institutionId())
			.param("department", scope.departmentOrZero())
			.param("previousFrom", previousFrom.atStartOfDay())
			.param("from", from.atStartOfDay())
			.param("to", to.atStartOfDay())
			.param("minimum", minimum)
			.query((rs, n) -> new Rematches(count(rs, "current_period"), count(rs, "previous_period")))
			.single();
	}

	private static Long count(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	/**
	 * How many mentorships each institution has ACTIVE now, for the platform administrator's home page:
	 * one count per institution that has any, nothing about the people in them.
	 */
	public java.util.Map<Long, Long> activePerInstitution() {
		java.util.Map<Long, Long> counts = new java.util.HashMap<>();
		this.jdbc.sql("SELECT institution_id, COUNT(*) AS n FROM mentorships WHERE status = 'ACTIVE' GROUP BY institution_id")
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> counts.put(rs.getLong("institution_id"),
					rs.getLong("n")));
		return counts;
	}

}
