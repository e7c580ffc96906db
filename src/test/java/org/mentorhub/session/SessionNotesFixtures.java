package org.mentorhub.session;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.identity.RoleName;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Sessions planted with SQL (the notes part does not depend on the session entity). */
public final class SessionNotesFixtures {

	private SessionNotesFixtures() {
	}

	/** A pair with an active mentorship and a session of that status (completed now when COMPLETED). */
	public record Pair(Account mentor, Account mentee, long mentorshipId, long sessionId) {
	}

	public static Pair pair(JdbcClient jdbc, String institution, String department, String status) {
		Account mentor = TestAccounts.create(jdbc, institution, department, RoleName.MENTOR);
		Account mentee = TestAccounts.create(jdbc, institution, department, RoleName.MENTEE);
		return pair(jdbc, mentor, mentee, status);
	}

	public static Pair pair(JdbcClient jdbc, Account mentor, Account mentee, String status) {
		long mentorship = mentorship(jdbc, mentor, mentee);
		return new Pair(mentor, mentee, mentorship, session(jdbc, mentorship, mentor.id(), mentee.id(), status,
				"COMPLETED".equals(status) ? LocalDateTime.now(ZoneOffset.UTC) : null));
	}

	public static long mentorship(JdbcClient jdbc, Account mentor, Account mentee) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO mentorships (institution_id, department_id, mentor_id, mentee_id, status, goal, assigned_at) "
				+ "VALUES (:i, :d, :m, :e, 'ACTIVE', 'Planted goal', CURRENT_TIMESTAMP)")
			.param("i", mentee.institutionId())
			.param("d", mentee.departmentId())
			.param("m", mentor.id())
			.param("e", mentee.id())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public static long session(JdbcClient jdbc, long mentorshipId, long mentorId, long menteeId, String status,
			LocalDateTime completedAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO mentoring_sessions (mentorship_id, mentor_id, mentee_id, title, scheduled_at, status,
				                                completed_at, ical_uid)
				VALUES (:ms, :m, :e, :title, :at, :status, :completed, :uid)""")
			.param("ms", mentorshipId)
			.param("m", mentorId)
			.param("e", menteeId)
			.param("title", "Planted session")
			.param("at", LocalDateTime.now(ZoneOffset.UTC).minusDays(1))
			.param("status", status)
			.param("completed", completedAt)
			.param("uid", UUID.randomUUID() + "@test")
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

}
