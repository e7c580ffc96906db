package org.mentorhub.goal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.mentorhub.TestAccounts.Account;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Goals planted with SQL, with their first update, as the goal module writes them. */
public final class GoalFixtures {

	private GoalFixtures() {
	}

	/** A goal of {@code owner}, not started, with this title and target date (may be null). */
	public static long goal(JdbcClient jdbc, Account owner, String title, LocalDate target) {
		return goal(jdbc, owner.id(), title, target, "NOT_STARTED", 0);
	}

	public static long goal(JdbcClient jdbc, long ownerId, String title, LocalDate target, String status, int progress) {
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO goals (student_id, title, category, target_date, status, progress_pct, created_by_id,
				                   created_at, updated_at, version)
				VALUES (:s, :t, 'SKILL', :target, :status, :progress, :s, :now, :now, 0)""")
			.param("s", ownerId)
			.param("t", title)
			.param("target", target)
			.param("status", status)
			.param("progress", progress)
			.param("now", now)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		jdbc.sql("""
				INSERT INTO goal_updates (goal_id, noted_by_id, progress_pct, status, created_at)
				VALUES (:g, :s, :progress, :status, :now)""")
			.param("g", id)
			.param("s", ownerId)
			.param("progress", progress)
			.param("status", status)
			.param("now", now)
			.update();
		return id;
	}

}
