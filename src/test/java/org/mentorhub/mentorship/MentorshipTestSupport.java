package org.mentorhub.mentorship;

import java.util.concurrent.Callable;

import org.mentorhub.RunAs;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Accounts, mentor profiles and "run as" for the mentorship tests. */
final class MentorshipTestSupport {

	private final JdbcClient jdbc;

	private final UserDetailsService users;

	private TestInstitution university;

	private TestInstitution company;

	MentorshipTestSupport(JdbcClient jdbc, UserDetailsService users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	/** The code of a fresh university of this test's own (approval required; departments CS and BUS). */
	String university() {
		if (this.university == null) {
			this.university = TestInstitutions.aUniversity().withDepartment("CS").withDepartment("BUS").build(this.jdbc);
		}
		return this.university.code();
	}

	/** The code of a fresh company of this test's own (no approval; department ENGR). */
	String company() {
		if (this.company == null) {
			this.company = TestInstitutions.aCompany().withDepartment("ENGR").build(this.jdbc);
		}
		return this.company.code();
	}

	Account account(String institution, String department, RoleName role) {
		return TestAccounts.create(this.jdbc, institution, department, role);
	}

	/** A mentor with a mentor profile of the given capacity, accepting new mentees. */
	Account mentor(String institution, String department, int capacity) {
		Account mentor = account(institution, department, RoleName.MENTOR);
		TestInstitutions.mentorProfile(this.jdbc, mentor.id(), capacity);
		return mentor;
	}

	int count(Account mentor) {
		return this.jdbc.sql("SELECT current_mentee_count FROM mentor_profiles WHERE user_id = :u")
			.param("u", mentor.id())
			.query(Integer.class)
			.single();
	}

	/** The true number of mentorships holding the mentor's places (ACTIVE and PAUSED). */
	int holding(Account mentor) {
		return this.jdbc.sql("SELECT COUNT(*) FROM mentorships WHERE mentor_id = :u AND status IN ('ACTIVE', 'PAUSED')")
			.param("u", mentor.id())
			.query(Integer.class)
			.single();
	}

	String status(long mentorshipId) {
		return this.jdbc.sql("SELECT status FROM mentorships WHERE id = :id").param("id", mentorshipId).query(String.class).single();
	}

	long insert(Account mentor, Account mentee, String status) {
		this.jdbc.sql("INSERT INTO mentorships (institution_id, department_id, mentor_id, mentee_id, status, goal, "
				+ "requested_by_id, preference_rank) VALUES (:i, :d, :m, :e, :s, 'Planted goal', :e, 1)")
			.param("i", mentee.institutionId())
			.param("d", mentee.departmentId())
			.param("m", mentor.id())
			.param("e", mentee.id())
			.param("s", status)
			.update();
		return this.jdbc.sql("SELECT MAX(id) FROM mentorships WHERE mentee_id = :e").param("e", mentee.id()).query(Long.class).single();
	}

	<T> T as(Account account, Callable<T> work) {
		return RunAs.as(this.users.loadUserByUsername(account.email()), work);
	}

	void run(Account account, Runnable work) {
		as(account, () -> {
			work.run();
			return null;
		});
	}

}
