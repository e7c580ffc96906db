package org.mentorhub.goal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many goals of each of many students need attention (AT_RISK, or past their target date and not
 * completed), in one query, for the alert rules; and each student's goal progress at a glance, for the
 * mentor's home page. No authorization here: the caller runs without a
 * signed-in user.
 */
@Service
public class GoalSignals {

	private final JdbcClient jdbc;

	GoalSignals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** For each student with any: the number of goals AT_RISK or not completed with a target date before {@code today}. */
	@Transactional(readOnly = true)
	public Map<Long, Integer> needingAttention(Collection<Long> studentIds, LocalDate today) {
		Map<Long, Integer> counts = new HashMap<>();
		if (studentIds.isEmpty()) {
			return counts;
		}
		this.jdbc.sql("""
				SELECT student_id, COUNT(*) AS n FROM goals
				WHERE student_id IN (:ids) AND (status = 'AT_RISK' OR (status <> 'COMPLETED' AND target_date < :today))
				GROUP BY student_id""")
			.param("ids", List.copyOf(studentIds))
			.param("today", today)
			.query((RowCallbackHandler) rs -> counts.put(rs.getLong("student_id"), rs.getInt("n")));
		return counts;
	}

	/** A student's goals at a glance: how many, how many completed, and their average progress in percent. */
	public record GoalProgress(int goals, int completed, int averageProgress) {
	}

	/** The goals of each of these students that has any, counted and averaged in one query. */
	@Transactional(readOnly = true)
	public Map<Long, GoalProgress> progress(Collection<Long> studentIds) {
		Map<Long, GoalProgress> progress = new HashMap<>();
		if (studentIds.isEmpty()) {
			return progress;
		}
		this.jdbc.sql("""
				SELECT student_id, COUNT(*) AS n, SUM(CASE WHEN status = 'COMPLETED' THEN 1 ELSE 0 END) AS done,
				       SUM(progress_pct) AS progress_sum
				FROM goals WHERE student_id IN (:ids) GROUP BY student_id""")
			.param("ids", List.copyOf(studentIds))
			.query((RowCallbackHandler) rs -> {
				int n = rs.getInt("n");
				progress.put(rs.getLong("student_id"), new GoalProgress(n, rs.getInt("done"),
						(int) Math.round(rs.getLong("progress_sum") / (double) n)));
			});
		return progress;
	}

}
