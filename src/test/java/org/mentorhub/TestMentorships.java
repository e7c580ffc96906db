package org.mentorhub;

import org.mentorhub.TestAccounts.Account;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Mentorships planted with plain SQL, for tests of modules that only need one to exist (sessions,
 * calendar): the mentorship module's own tests go through its service. The mentor's places are not
 * counted; give the mentor a profile with {@link TestInstitutions.PersonBuilder#withMentorProfile}
 * where the count matters.
 */
public final class TestMentorships {

	private TestMentorships() {
	}

	/**
	 * A mentorship between the two accounts in the mentee's institution and department, requested by
	 * the mentee and assigned now; returns its id.
	 */
	public static long plant(JdbcClient jdbc, Account mentor, Account mentee, String status) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO mentorships (institution_id, department_id, mentor_id, mentee_id, status, goal, requested_by_id,
				                         preference_rank, assigned_at)
				VALUES (:i, :d, :m, :e, :s, 'Planted goal', :e, 1, CURRENT_TIMESTAMP)""")
			.param("i", mentee.institutionId() != null ? mentee.institutionId() : mentor.institutionId())
			.param("d", mentee.departmentId())
			.param("m", mentor.id())
			.param("e", mentee.id())
			.param("s", status)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

}
