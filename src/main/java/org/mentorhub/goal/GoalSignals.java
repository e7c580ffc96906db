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
 * completed), in one query, for the alert rules. No authorization here: the caller runs without a
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

}
