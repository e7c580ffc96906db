package org.mentorhub.mentorship;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ACTIVE mentorships in id order, a batch at a time (keyset paging: one query per batch), for jobs
 * of other modules that look at every running pair, such as the relationship health of the alert module.
 */
@Component
public class ActiveMentorships {

	/** One active pair: where it is, who is in it, and since when it runs (its assignment, else its creation). */
	public record ActivePair(long id, long institutionId, Long departmentId, long mentorId, long menteeId,
			Instant since) {
	}

	private final JdbcClient jdbc;

	ActiveMentorships(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Up to {@code limit} active mentorships whose id is greater than {@code afterId}, in id order. */
	@Transactional(readOnly = true)
	public List<ActivePair> after(long afterId, int limit) {
		return this.jdbc.sql("""
				SELECT m.id, m.institution_id, m.department_id, m.mentor_id, m.mentee_id,
				       COALESCE(m.assigned_at, m.decided_at, m.created_at) AS since
				FROM mentorships m WHERE m.status = 'ACTIVE' AND m.id > :after ORDER BY m.id LIMIT :limit""")
			.param("after", afterId)
			.param("limit", Math.max(1, limit))
			.query((rs, i) -> new ActivePair(rs.getLong("id"), rs.getLong("institution_id"),
					rs.getObject("department_id", Long.class), rs.getLong("mentor_id"), rs.getLong("mentee_id"),
					rs.getObject("since", LocalDateTime.class).toInstant(ZoneOffset.UTC)))
			.list();
	}

}
