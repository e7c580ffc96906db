package org.mentorhub.profile;

import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A mentor's places, as a hard limit that holds under concurrency and across instances. A place is
 * reserved by one conditional update of {@code mentor_profiles}: the database serialises
 * concurrent writers on the row and re-checks the condition, so at most {@code max_mentees}
 * reservations ever succeed, whatever the number of threads or instances. The check constraint
 * {@code ck_mentor_profiles_count} is the last line of defence. Callers reserve and release inside
 * their own transaction, so a reservation disappears when their work is rolled back.
 */
@Component
public class MentorCapacity {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	MentorCapacity(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** A mentor's places and whether they take new mentees. */
	public record Places(long mentorId, int maxMentees, int currentMentees, boolean accepting) {

		public int free() {
			return Math.max(0, this.maxMentees - this.currentMentees);
		}

	}

	/** The mentor's places, if the user has a mentor profile. */
	@Transactional(readOnly = true)
	public Optional<Places> of(long mentorId) {
		return this.jdbc.sql("""
				SELECT user_id, max_mentees, current_mentee_count, accepting_new_mentees
				FROM mentor_profiles WHERE user_id = :id""")
			.param("id", mentorId)
			.query((rs, n) -> new Places(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4)))
			.optional();
	}

	/**
	 * Takes one place of the mentor, atomically: true when a place was free and is now taken, false
	 * when the mentor is full (or has no mentor profile). Must run inside the caller's transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean tryReserve(long mentorId) {
		try {
			int updated = this.jdbc.sql("""
					UPDATE mentor_profiles SET current_mentee_count = current_mentee_count + 1
					WHERE user_id = :id AND current_mentee_count < max_mentees""")
				.param("id", mentorId)
				.update();
			if (updated == 1) {
				this.events.publishEvent(new MatchingProfileChanged(mentorId));
			}
			return updated == 1;
		}
		catch (DataIntegrityViolationException ex) {
			// ck_mentor_profiles_count: the database refused to pass the limit.
			return false;
		}
	}

	/** Gives one place of the mentor back (never below zero). Must run inside the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void release(long mentorId) {
		if (this.jdbc.sql("""
				UPDATE mentor_profiles SET current_mentee_count = current_mentee_count - 1
				WHERE user_id = :id AND current_mentee_count > 0""")
			.param("id", mentorId)
			.update() == 1) {
			this.events.publishEvent(new MatchingProfileChanged(mentorId));
		}
	}

}
