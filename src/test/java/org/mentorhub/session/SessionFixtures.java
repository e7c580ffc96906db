package org.mentorhub.session;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestMentorships;
import org.mentorhub.identity.RoleName;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Plants mentorships and sessions with plain SQL for the session tests and matrix rows. */
public final class SessionFixtures {

	private SessionFixtures() {
	}

	/** A mentor, a mentee and their mentorship. */
	public record Pair(Account mentor, Account mentee, long mentorshipId) {
	}

	/** An active (or other status) mentorship between two fresh people of the institution and department. */
	public static Pair pair(JdbcClient jdbc, String institution, String department, String status) {
		Account mentor = TestAccounts.create(jdbc, institution, department, RoleName.MENTOR);
		Account mentee = TestAccounts.create(jdbc, institution, department, RoleName.MENTEE);
		return new Pair(mentor, mentee, mentorship(jdbc, mentor, mentee, status));
	}

	/** A mentorship between the two accounts (same institution), in the mentee's department. */
	public static long mentorship(JdbcClient jdbc, Account mentor, Account mentee, String status) {
		return TestMentorships.plant(jdbc, mentor, mentee, status);
	}

	/** A session row of the given status, starting at {@code start} for 60 minutes. */
	public static long session(JdbcClient jdbc, long mentorshipId, long mentorId, long menteeId, long createdBy,
			String status, Instant start, String title) {
		jdbc.sql("""
				INSERT INTO mentoring_sessions (mentorship_id, mentor_id, mentee_id, title, scheduled_at, time_zone,
				    duration_minutes, status, mode, created_by_id, ical_uid)
				VALUES (:ms, :m, :e, :t, :at, 'UTC', 60, :s, 'ONLINE', :c, :uid)""")
			.param("ms", mentorshipId)
			.param("m", mentorId)
			.param("e", menteeId)
			.param("t", title)
			.param("at", LocalDateTime.ofInstant(start, ZoneOffset.UTC))
			.param("s", status)
			.param("c", createdBy)
			.param("uid", UUID.randomUUID() + "@mentorhub")
			.update();
		return jdbc.sql("SELECT MAX(id) FROM mentoring_sessions WHERE mentorship_id = :ms").param("ms", mentorshipId)
			.query(Long.class).single();
	}

	/** A random whole hour between {@code fromDays} and {@code toDays} days ahead. */
	public static Instant randomHour(int fromDays, int toDays) {
		long hours = ThreadLocalRandom.current().nextLong(fromDays * 24L, toDays * 24L);
		return Instant.now().truncatedTo(ChronoUnit.HOURS).plus(hours, ChronoUnit.HOURS);
	}

}
