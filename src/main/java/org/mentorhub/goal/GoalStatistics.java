package org.mentorhub.goal;

import java.util.List;

import org.mentorhub.identity.MenteeGroup;
import org.mentorhub.platform.Tenancy.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * goal's aggregates for reports: the goals of the students of an institution or one of its
 * departments, by status, in one grouped statement.
 */
@Service
@Transactional(readOnly = true)
public class GoalStatistics {

	private final JdbcClient jdbc;

	GoalStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many goals are in a status now, and the sum of their progress (percent). */
	public record StatusCount(GoalStatus status, long goals, long progressSum) {

		/** The average progress of these goals, in percent. */
		public double averageProgress() {
			return this.goals == 0 ? 0 : (double) this.progressSum / this.goals;
		}

	}

	/** The scope's goals of this group of students by status now (the student's department decides). */
	public List<StatusCount> byStatus(Scope scope, MenteeGroup students) {
		return this.jdbc.sql("""
				SELECT g.status AS status, COUNT(*) AS goals, SUM(g.progress_pct) AS progress_sum
				FROM goals g JOIN identity_people p ON p.id = g.student_id
				WHERE p.institution_id = :institution AND (:department = 0 OR p.department_id = :department)
				  AND STUDENTS
				GROUP BY g.status ORDER BY g.status""".replace("STUDENTS", students.sql("g.student_id")))
			.param("institution", scope.institutionId())
			.param("department", scope.departmentOrZero())
			.query(StatusCount.class)
			.list();
	}

}
