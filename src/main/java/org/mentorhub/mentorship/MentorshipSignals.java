package org.mentorhub.mentorship;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The active mentorships of many mentees in one query, with the moment each became active, for the alert
 * rules (no completed session for N days). No authorization here: the caller runs without a signed-in user.
 */
@Service
public class MentorshipSignals {

	/** An active mentorship and when it started (its assignment, else its creation). */
	public record ActiveMentorship(long id, long mentorId, long menteeId, Instant activeSince) {
	}

	private final JdbcClient jdbc;

	MentorshipSignals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The ACTIVE mentorships of these mentees. */
	@Transactional(readOnly = true)
	public List<ActiveMentorship> active(Collection<Long> menteeIds) {
		if (menteeIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT id, mentor_id, mentee_id, COALESCE(assigned_at, decided_at, created_at) AS since FROM mentorships
				WHERE mentee_id IN (:ids) AND status = 'ACTIVE' ORDER BY id""")
			.param("ids", List.copyOf(menteeIds))
			.query((rs, i) -> new ActiveMentorship(rs.getLong("id"), rs.getLong("mentor_id"), rs.getLong("mentee_id"),
					rs.getObject("since", LocalDateTime.class).toInstant(ZoneOffset.UTC)))
			.list();
	}

}
