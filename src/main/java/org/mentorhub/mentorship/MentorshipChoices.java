package org.mentorhub.mentorship;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A mentee's ranked choices that have not been asked yet ({@code mentorship_request_choices}): the
 * first choice becomes a REQUESTED mentorship at once; the next is asked when it is declined,
 * rejected or expires.
 */
@Component
class MentorshipChoices {

	private final JdbcClient jdbc;

	MentorshipChoices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Choice(long id, long institutionId, long menteeId, long mentorId, int rank, String goal) {
	}

	void add(long institutionId, long menteeId, long mentorId, int rank, String goal, Instant now) {
		this.jdbc.sql("""
				INSERT INTO mentorship_request_choices (institution_id, mentee_id, mentor_id, preference_rank, goal, created_at)
				VALUES (:i, :mentee, :mentor, :rank, :goal, :at)""")
			.param("i", institutionId)
			.param("mentee", menteeId)
			.param("mentor", mentorId)
			.param("rank", rank)
			.param("goal", goal)
			.param("at", LocalDateTime.ofInstant(now, ZoneOffset.UTC))
			.update();
	}

	List<Choice> waiting(long menteeId) {
		return this.jdbc.sql("""
				SELECT id, institution_id, mentee_id, mentor_id, preference_rank, goal FROM mentorship_request_choices
				WHERE mentee_id = :m ORDER BY preference_rank""")
			.param("m", menteeId)
			.query((rs, n) -> new Choice(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5),
					rs.getString(6)))
			.list();
	}

	/** Takes (removes and returns) the mentee's best waiting choice. */
	Optional<Choice> takeNext(long menteeId) {
		List<Choice> waiting = waiting(menteeId);
		if (waiting.isEmpty()) {
			return Optional.empty();
		}
		Choice next = waiting.get(0);
		this.jdbc.sql("DELETE FROM mentorship_request_choices WHERE id = :id").param("id", next.id()).update();
		return Optional.of(next);
	}

	int clear(long menteeId) {
		return this.jdbc.sql("DELETE FROM mentorship_request_choices WHERE mentee_id = :m").param("m", menteeId).update();
	}

}
