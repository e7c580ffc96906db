package org.mentorhub.alert;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.mentorhub.identity.MenteeGroup;
import org.mentorhub.platform.Tenancy.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * alert's aggregates for reports, over the alerts on the students of an institution or one of its
 * departments (the student's department decides). Days are UTC days. Nothing here names a student; the
 * mentor's home page asks for the open alerts per mentee by id ({@link #openAbout}).
 */
@Service
@Transactional(readOnly = true)
public class AlertStatistics {

	private final JdbcClient jdbc;

	AlertStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many alerts were opened ({@code opened}) or closed on a UTC day. */
	public record DayCount(LocalDate onDay, boolean opened, long alerts) {
	}

	/** How many active mentorships have one relationship health now. */
	public record HealthCount(RelationshipHealthStatus health, long mentorships) {
	}

	/** How many of the scope's mentorships had one relationship health at one instant (UTC). */
	public record HealthAt(LocalDateTime at, RelationshipHealthStatus health, long mentorships) {
	}

	/** An alert closed in the period: when it was opened and when it was closed. */
	public record CloseTime(LocalDateTime openedAt, LocalDateTime closedAt) {
	}

	/** Alerts opened and closed (resolved or dismissed) per UTC day in {@code [from, to)}. */
	public List<DayCount> openedAndClosedPerDay(Scope scope, LocalDate from, LocalDate to, MenteeGroup students) {
		return this.jdbc.sql("""
				SELECT CAST(a.created_at AS DATE) AS on_day, TRUE AS opened, COUNT(*) AS alerts
				FROM alerts a JOIN identity_people p ON p.id = a.student_id
				WHERE a.institution_id = :institution AND (:department = 0 OR p.department_id = :department)
				  AND a.created_at >= :from AND a.created_at < :to AND STUDENTS
				GROUP BY CAST(a.created_at AS DATE)
				UNION ALL
				SELECT CAST(a.closed_at AS DATE) AS on_day, FALSE AS opened, COUNT(*) AS alerts
				FROM alerts a JOIN identity_people p ON p.id = a.student_id
				WHERE a.institution_id = :institution AND (:department = 0 OR p.department_id = :department)
				  AND a.closed_at >= :from AND a.closed_at < :to AND a.status IN ('RESOLVED', 'DISMISSED') AND STUDENTS
				GROUP BY CAST(a.closed_at AS DATE)""".replace("STUDENTS", students.sql("a.student_id")))
			.param("institution", scope.institutionId())
			.param("department", scope.departmentOrZero())
			.param("from", from.atStartOfDay())
			.param("to", to.atStartOfDay())
			.query(DayCount.class)
			.list();
	}

	/**
	 * The relationship health of a scope's mentorships now (the mentorship's department decides, as for the
	 * other mentorship figures; as the last run of the health job computed it) and at some instants.
	 */
	public record HealthFigures(List<HealthCount> now, List<HealthAt> at) {
	}

	/**
	 * The relationship health of the scope's active mentorships now, exactly as {@link #healthNow} counts it,
	 * and how many of its mentorships were healthy, at risk and stalled at each of the instants (UTC; a
	 * dashboard's week ends), from the history the health job keeps (the mentorship's department at that
	 * instant decides). One statement whatever the data and however many instants: the now branch groups
	 * {@code relationship_health}, the history branch has a column per instant that counts the intervals holding
	 * then ({@code valid_from <= t < valid_to}). A health no mentorship had at an instant is left out (0). A
	 * column per instant rather than a derived table of the instants: a bound parameter in a derived table's
	 * select list has no type on PostgreSQL, and MariaDB has no {@code CAST(... AS TIMESTAMP)}, whereas a
	 * parameter compared with a column is typed on all three.
	 */
	public HealthFigures healthNowAndAt(Scope scope, List<LocalDateTime> instants, MenteeGroup mentees) {
		StringBuilder zeros = new StringBuilder();
		StringBuilder columns = new StringBuilder();
		for (int i = 0; i < instants.size(); i++) {
			zeros.append(", 0 AS n").append(i);
			columns.append(", SUM(CASE WHEN h.valid_from <= :t").append(i).append(" AND (h.valid_to IS NULL OR h.valid_to > :t")
				.append(i).append(") THEN 1 ELSE 0 END) AS n").append(i);
		}
		String history = instants.isEmpty() ? "" : """
				 UNION ALL
				SELECT h.health AS health, 0 AS now_count""" + columns + """
				 FROM relationship_health_history h
				WHERE h.institution_id = :institution AND (:department = 0 OR h.department_id = :department)
				  AND h.valid_from <= :last AND (h.valid_to IS NULL OR h.valid_to > :first) AND MENTEES
				GROUP BY h.health""";
		var statement = this.jdbc.sql(("SELECT h.health AS health, COUNT(*) AS now_count" + zeros + """
				 FROM relationship_health h
				WHERE h.institution_id = :institution AND (:department = 0 OR h.department_id = :department) AND MENTEES
				GROUP BY h.health""" + history).replace("MENTEES", mentees.sql("h.mentee_id")))
			.param("institution", scope.institutionId())
			.param("department", scope.departmentOrZero());
		if (!instants.isEmpty()) {
			statement = statement.param("first", instants.stream().min(LocalDateTime::compareTo).orElseThrow())
				.param("last", instants.stream().max(LocalDateTime::compareTo).orElseThrow());
		}
		for (int i = 0; i < instants.size(); i++) {
			statement = statement.param("t" + i, instants.get(i));
		}
		List<HealthCount> now = new java.util.ArrayList<>();
		List<HealthAt> at = new java.util.ArrayList<>();
		statement.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
			RelationshipHealthStatus health = RelationshipHealthStatus.valueOf(rs.getString("health"));
			long current = rs.getLong("now_count");
			if (current > 0) {
				now.add(new HealthCount(health, current));
			}
			for (int i = 0; i < instants.size(); i++) {
				long n = rs.getLong("n" + i);
				if (n > 0) {
					at.add(new HealthAt(instants.get(i), health, n));
				}
			}
		});
		return new HealthFigures(now, at);
	}

	/** Alerts still open now that were escalated for going unanswered past their response time. */
	public long overdue(Scope scope, MenteeGroup students) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM alerts a JOIN identity_people p ON p.id = a.student_id
				WHERE a.institution_id = :institution AND (:department = 0 OR p.department_id = :department)
				  AND a.status IN ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS') AND a.escalated_at IS NOT NULL AND""" + " "
					+ students.sql("a.student_id"))
			.param("institution", scope.institutionId())
			.param("department", scope.departmentOrZero())
			.query(Long.class)
			.single();
	}

	/** The alerts closed in {@code [from, to)}, with when each was opened. */
	public List<CloseTime> closeTimes(Scope scope, LocalDate from, LocalDate to, MenteeGroup students) {
		return this.jdbc.sql("""
				SELECT a.created_at AS opened_at, a.closed_at AS closed_at
				FROM alerts a JOIN identity_people p ON p.id = a.student_id
				WHERE a.institution_id = :institution AND (:department = 0 OR p.department_id = :department)
				  AND a.closed_at >= :from AND a.closed_at < :to AND a.status IN ('RESOLVED', 'DISMISSED') AND""" + " "
					+ students.sql("a.student_id"))
			.param("institution", scope.institutionId())
			.param("department", scope.departmentOrZero())
			.param("from", from.atStartOfDay())
			.param("to", to.atStartOfDay())
			.query(CloseTime.class)
			.list();
	}


	/** How many alerts about each of these students are open (open, acknowledged or in progress), in one query. */
	public java.util.Map<Long, Integer> openAbout(java.util.Collection<Long> studentIds) {
		java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
		if (studentIds.isEmpty()) {
			return counts;
		}
		this.jdbc.sql("""
				SELECT student_id, COUNT(*) AS n FROM alerts
				WHERE student_id IN (:ids) AND status IN ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS')
				GROUP BY student_id""")
			.param("ids", List.copyOf(studentIds))
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> counts.put(rs.getLong("student_id"),
					rs.getInt("n")));
		return counts;
	}

}
