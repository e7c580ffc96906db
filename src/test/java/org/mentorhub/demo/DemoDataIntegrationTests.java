package org.mentorhub.demo;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

@MentorHubIntegrationTest
class DemoDataIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoDataLoader loader;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MockMvc mvc;

	long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void demoReachesAtLeastSeed003sPostSeedFigures() {
		assertThat(count("SELECT COUNT(*) FROM roles")).isGreaterThanOrEqualTo(5);
		assertThat(count("SELECT COUNT(*) FROM institutions")).isGreaterThanOrEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM departments d JOIN institutions i ON i.id = d.institution_id "
				+ "WHERE i.code = 'NBU'")).isGreaterThanOrEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM users")).isGreaterThanOrEqualTo(5);
		assertThat(count("SELECT COUNT(*) FROM mentorships WHERE status = 'ACTIVE'")).isGreaterThanOrEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM mentoring_sessions")).isGreaterThanOrEqualTo(100);
		assertThat(count("SELECT COUNT(*) FROM goals")).isGreaterThanOrEqualTo(10);
		assertThat(count("SELECT COUNT(*) FROM notifications")).isGreaterThanOrEqualTo(1000);
		assertThat(count("SELECT COUNT(*) FROM alerts")).isGreaterThanOrEqualTo(10);
		assertThat(count("SELECT COUNT(*) FROM audit_logs")).isGreaterThanOrEqualTo(10_000);
	}

	@Test
	void everyRoleHasADemoUser() {
		assertThat(this.jdbc.sql("SELECT DISTINCT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id")
			.query(String.class)
			.list()).contains("PLATFORM_ADMIN", "ADMIN", "COORDINATOR", "MENTOR", "MENTEE", "NEW_MOTHER");
	}

	@Test
	void demoHasPastAndUpcomingSessions() {
		assertThat(count("SELECT COUNT(*) FROM mentoring_sessions WHERE status = 'COMPLETED'")).isPositive();
		assertThat(count("SELECT COUNT(*) FROM mentoring_sessions WHERE status IN ('CONFIRMED', 'PROPOSED')")).isPositive();
	}

	@Test
	void mentorCountsMatchTheirActiveAndPausedMentorships() {
		// The demo's mentors only: other test classes plant mentor profiles of their own in the shared database.
		assertThat(count("""
				SELECT COUNT(*) FROM mentor_profiles p JOIN users u ON u.id = p.user_id
				WHERE u.email LIKE '%.demo'
				  AND p.current_mentee_count <> (SELECT COUNT(*) FROM mentorships m
				       WHERE m.mentor_id = p.user_id AND m.status IN ('ACTIVE', 'PAUSED'))""")).isZero();
	}

	@Test
	void loadingAgainChangesNothing() {
		long users = count("SELECT COUNT(*) FROM users");
		long notifications = count("SELECT COUNT(*) FROM notifications");

		Boolean loaded = this.transactions.execute(status -> this.loader.loadIfAbsent());

		assertThat(loaded).isFalse();
		assertThat(count("SELECT COUNT(*) FROM users")).isEqualTo(users);
		assertThat(count("SELECT COUNT(*) FROM notifications")).isEqualTo(notifications);
	}

	@Test
	void theDemoLoginsAreRealAccounts() {
		for (DemoLogin login : this.loader.logins()) {
			assertThat(this.jdbc.sql("SELECT status FROM users WHERE email = :email")
				.param("email", login.email())
				.query(String.class)
				.single()).isEqualTo("ACTIVE");
		}
	}

	@Test
	void theDemoAccountsStoreArgon2idHashesWithTheExplicitParameters() {
		// The demo's accounts: the one place that stores hashes without a sign-in or a password change.
		assertThat(this.jdbc.sql("SELECT password_hash FROM users WHERE email LIKE '%.demo'").query(String.class).list())
			.isNotEmpty()
			.allSatisfy(hash -> assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
	}

	/** The demo administrator signs in with the password the README and the start-up banner give. */
	@Test
	void demoAdministratorSignsInWithTheDemoPassword() throws Exception {
		this.mvc.perform(formLogin("/login").user("admin@northbridge.demo").password("mentorhub-demo"))
			.andExpect(authenticated().withUsername("nbu.admin"))
			.andExpect(redirectedUrl("/"));
	}

}
