package org.mentorhub.mentorship;

import java.util.UUID;

import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.identity.RoleName;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Fresh departments with mentors and mentees, tags, availability and goals, for the matching tests. */
final class MatchingFixtures {

	private final JdbcClient jdbc;

	private String university;

	private String company;

	MatchingFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new institution (its own mentors only, so runs are independent of other tests); returns its code. */
	String institution() {
		return TestInstitutions.aUniversity().withApprovalRequired(false).withTimeZone("UTC").build(this.jdbc).code();
	}

	/** The code of a fresh university of this fixture's own, like the demo's (approval required, a CS department). */
	String university() {
		if (this.university == null) {
			this.university = TestInstitutions.aUniversity().withDepartment("CS").build(this.jdbc).code();
		}
		return this.university;
	}

	/** The code of a fresh company of this fixture's own (no approval needed, an ENGR department). */
	String company() {
		if (this.company == null) {
			this.company = TestInstitutions.aCompany().withDepartment("ENGR").build(this.jdbc).code();
		}
		return this.company;
	}

	/** A new department of the institution; returns its code. */
	String department(String institution) {
		String code = "B" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		long institutionId = institutionId(institution);
		this.jdbc.sql("INSERT INTO departments (institution_id, name, code) VALUES (:i, :n, :c)")
			.param("i", institutionId)
			.param("n", "Bulk " + code)
			.param("c", code)
			.update();
		return code;
	}

	long departmentId(String institution, String code) {
		return this.jdbc.sql("SELECT id FROM departments WHERE institution_id = :i AND code = :c")
			.param("i", institutionId(institution))
			.param("c", code)
			.query(Long.class)
			.single();
	}

	long institutionId(String institution) {
		return this.jdbc.sql("SELECT id FROM institutions WHERE code = :c").param("c", institution).query(Long.class).single();
	}

	Account account(String institution, String department, RoleName role) {
		return TestAccounts.create(this.jdbc, institution, department, role);
	}

	Account mentor(String institution, String department, int capacity, String specialization) {
		Account mentor = account(institution, department, RoleName.MENTOR);
		this.jdbc.sql("INSERT INTO mentor_profiles (user_id, max_mentees, current_mentee_count, accepting_new_mentees, "
				+ "specialization) VALUES (:u, :max, 0, TRUE, :s)")
			.param("u", mentor.id())
			.param("max", capacity)
			.param("s", specialization)
			.update();
		return mentor;
	}

	Account mentee(String institution, String department, RoleName role, String goals) {
		Account mentee = account(institution, department, role);
		this.jdbc.sql("INSERT INTO user_profiles (user_id, goals_text) VALUES (:u, :g)")
			.param("u", mentee.id())
			.param("g", goals)
			.update();
		return mentee;
	}

	/** Weekly availability: ISO day, hours from and to (local), zone. */
	void available(Account account, int day, int fromHour, int toHour, String zone) {
		this.jdbc.sql("INSERT INTO availability_slots (user_id, day_of_week, start_time, end_time, time_zone) "
				+ "VALUES (:u, :d, :s, :e, :z)")
			.param("u", account.id())
			.param("d", day)
			.param("s", java.sql.Time.valueOf(java.time.LocalTime.of(fromHour, 0)))
			.param("e", java.sql.Time.valueOf(java.time.LocalTime.of(toHour, 0)))
			.param("z", zone)
			.update();
	}

	/** Tags the account with a tag of the institution (created when missing); returns the tag id. */
	long tag(Account account, String name, String kind) {
		String slug = name.toLowerCase(java.util.Locale.ROOT);
		Long id = this.jdbc.sql("SELECT id FROM tags WHERE institution_id = :i AND slug = :s")
			.param("i", account.institutionId())
			.param("s", slug)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (id == null) {
			this.jdbc.sql("INSERT INTO tags (institution_id, name, slug) VALUES (:i, :n, :s)")
				.param("i", account.institutionId())
				.param("n", name)
				.param("s", slug)
				.update();
			id = this.jdbc.sql("SELECT id FROM tags WHERE institution_id = :i AND slug = :s")
				.param("i", account.institutionId())
				.param("s", slug)
				.query(Long.class)
				.single();
		}
		this.jdbc.sql("INSERT INTO user_tags (user_id, tag_id, kind) VALUES (:u, :t, :k)")
			.param("u", account.id())
			.param("t", id)
			.param("k", kind)
			.update();
		return id;
	}

	int count(Account mentor) {
		return this.jdbc.sql("SELECT current_mentee_count FROM mentor_profiles WHERE user_id = :u")
			.param("u", mentor.id())
			.query(Integer.class)
			.single();
	}

}
