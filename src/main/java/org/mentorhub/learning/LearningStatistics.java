package org.mentorhub.learning;

import java.time.LocalDate;

import org.mentorhub.identity.MenteeGroup;
import org.mentorhub.platform.Tenancy.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * learning's aggregates for reports: learning paths started and completed by the members of an
 * institution or one of its departments, in a period and in the period before it, in one statement.
 */
@Service
@Transactional(readOnly = true)
public class LearningStatistics {

	private final JdbcClient jdbc;

	LearningStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Paths started and completed in {@code [from, to)} and in the period of the same length before it. */
	public record PathCounts(long started, long completed, long startedBefore, long completedBefore) {
	}

	/** Paths started and completed in the period ({@code [from, to)}, UTC days) and the one before. */
	public PathCounts pathsStartedAndCompleted(Scope scope, LocalDate previous, LocalDate from, LocalDate to,
			MenteeGroup learners) {
		return this.jdbc.sql("""
				SELECT COALESCE(SUM(CASE WHEN ul.started_at >= :from AND ul.started_at < :to THEN 1 ELSE 0 END), 0) AS started,
				       COALESCE(SUM(CASE WHEN ul.completed_at >= :from AND ul.completed_at < :to THEN 1 ELSE 0 END), 0) AS completed,
				       COALESCE(SUM(CASE WHEN ul.started_at >= :previous AND ul.started_at < :from THEN 1 ELSE 0 END), 0) AS started_before,
				       COALESCE(SUM(CASE WHEN ul.completed_at >= :previous AND ul.completed_at < :from THEN 1 ELSE 0 END), 0) AS completed_before
				FROM user_learning_progress ul JOIN identity_people p ON p.id = ul.user_id
				WHERE p.institution_id = :institution AND (:department = 0 OR p.department_id = :department)
				  AND (ul.started_at >= :previous OR ul.completed_at >= :previous) AND""" + " "
					+ learners.sql("ul.user_id"))
			.param("institution", scope.institutionId())
			.param("department", scope.departmentOrZero())
			.param("previous", previous.atStartOfDay())
			.param("from", from.atStartOfDay())
			.param("to", to.atStartOfDay())
			.query(PathCounts.class)
			.single();
	}

}
