package org.mentorhub.report;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.mentorhub.TestInstitutions.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The platform administrator's home page (issue 21, part 4): every institution with its activity, counted
 * (active mentorships, sessions completed in the last 30 days), and no member data. Two institutions of
 * the test's own: the counts match the planted rows, each its own.
 */
@MentorHubIntegrationTest
class PlatformHomeIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void platformAdministratorSeesEachInstitutionsActivityCountedWithNoMemberData() throws Exception {
		String t = unique();
		TestInstitution college = aUniversity().named("Busy University " + t).withDepartment("CS").build(this.jdbc);
		TestInstitution company = aCompany().named("Quiet Company " + t).withDepartment("OPS").build(this.jdbc);
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
		Account mentor = college.aMentor().inDepartment("CS").named("Secret Mentor " + t).create(this.jdbc);
		for (int i = 0; i < 3; i++) {
			Account mentee = college.aStudent().inDepartment("CS").named("Secret Student " + i + " " + t).create(this.jdbc);
			long pair = TestMentorships.plant(this.jdbc, mentor, mentee, i < 2 ? "ACTIVE" : "ENDED");
			session(pair, mentor, mentee, now.minusDays(2), "COMPLETED");
			session(pair, mentor, mentee, now.minusDays(40), "COMPLETED");
			session(pair, mentor, mentee, now.minusDays(3), "CANCELLED");
		}
		Account worker = company.aMentor().inDepartment("OPS").create(this.jdbc);
		Account learner = company.aStudent().inDepartment("OPS").create(this.jdbc);
		TestMentorships.plant(this.jdbc, worker, learner, "PAUSED");
		Account admin = this.jdbc.sql("SELECT id, email FROM users WHERE institution_id IS NULL ORDER BY id")
			.query((rs, n) -> new Account(rs.getLong("id"), rs.getString("email"), null, null, null))
			.list()
			.get(0);

		MvcResult result = this.mvc.perform(get("/").with(user(this.users.loadUserByUsername(admin.email()))))
			.andExpect(status().isOk())
			.andReturn();
		Map<String, Object> model = result.getModelAndView().getModel();
		@SuppressWarnings("unchecked")
		Map<Long, Long> active = (Map<Long, Long>) model.get("activeMentorships");
		@SuppressWarnings("unchecked")
		Map<Long, Long> sessions = (Map<Long, Long>) model.get("recentSessions");
		for (TestInstitution institution : java.util.List.of(college, company)) {
			assertThat(active.getOrDefault(institution.id(), 0L)).isEqualTo(count("""
					SELECT COUNT(*) FROM mentorships WHERE institution_id = :i AND status = 'ACTIVE'""", institution));
			assertThat(sessions.getOrDefault(institution.id(), 0L)).isEqualTo(count("""
					SELECT COUNT(*) FROM mentoring_sessions s JOIN mentorships m ON m.id = s.mentorship_id
					WHERE m.institution_id = :i AND s.status = 'COMPLETED' AND s.scheduled_at >= :since""", institution));
		}
		assertThat(active.get(college.id())).isEqualTo(2L);
		assertThat(sessions.get(college.id())).isEqualTo(3L);
		assertThat(active.getOrDefault(company.id(), 0L)).isZero();
		String page = result.getResponse().getContentAsString();
		assertThat(page).contains("Busy University " + t, "Active mentorships", "Sessions completed, last 30 days")
			.doesNotContain("Secret Mentor", "Secret Student");
	}

	private long count(String sql, TestInstitution institution) {
		var spec = this.jdbc.sql(sql).param("i", institution.id());
		if (sql.contains(":since")) {
			spec = spec.param("since", LocalDateTime.now(ZoneOffset.UTC).toLocalDate().minusDays(29).atStartOfDay());
		}
		return spec.query(Long.class).single();
	}

	private void session(long mentorship, Account mentor, Account mentee, LocalDateTime at, String status) {
		this.jdbc.sql("""
				INSERT INTO mentoring_sessions (mentorship_id, mentor_id, mentee_id, title, scheduled_at, status)
				VALUES (:p, :m, :e, 'Platform session', :at, :s)""")
			.param("p", mentorship).param("m", mentor.id()).param("e", mentee.id()).param("at", at).param("s", status)
			.update();
	}

}
