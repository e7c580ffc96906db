package org.mentorhub.support;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Support issues and messages planted with SQL, as the support module writes them. */
public final class SupportFixtures {

	private SupportFixtures() {
	}

	/** An OPEN TECHNICAL issue of the reporter's institution, reported now. */
	public static long issue(JdbcClient jdbc, long reporterId, String title) {
		return issue(jdbc, reporterId, title, "OPEN", null, LocalDateTime.now(ZoneOffset.UTC));
	}

	public static long issue(JdbcClient jdbc, long reporterId, String title, String status, Long assigneeId,
			LocalDateTime createdAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO reported_issues (institution_id, user_id, title, description, category, status, assigned_to_id,
				                             page_path, created_at, updated_at, version)
				SELECT u.institution_id, u.id, :title, :description, 'TECHNICAL', :status, :assignee, '/sessions', :at, :at, 0
				FROM users u WHERE u.id = :reporter""")
			.param("title", title)
			.param("description", "About " + title)
			.param("status", status)
			.param("assignee", assigneeId)
			.param("at", createdAt)
			.param("reporter", reporterId)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** A message of the thread. */
	public static long message(JdbcClient jdbc, long issueId, long authorId, String text, boolean internal) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO issue_messages (issue_id, user_id, message, is_internal, created_at)
				VALUES (:issue, :author, :text, :internal, :at)""")
			.param("issue", issueId)
			.param("author", authorId)
			.param("text", text)
			.param("internal", internal)
			.param("at", LocalDateTime.now(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** Marks the issue escalated to the platform. */
	public static void escalate(JdbcClient jdbc, long issueId) {
		jdbc.sql("UPDATE reported_issues SET escalated_at = :at WHERE id = :id")
			.param("at", LocalDateTime.now(ZoneOffset.UTC))
			.param("id", issueId)
			.update();
	}

}
