package org.mentorhub.session;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.mentorhub.TestInstitutions.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The attendance view of a coordinator: the last 30 days when no period is given (so that its pager
 * never counts every session the institution ever held), any period when one is, and never another
 * department's sessions.
 */
@MentorHubIntegrationTest
class AttendanceIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void withoutAPeriodTheViewShowsTheLastThirtyDaysAndAPeriodWidensIt() throws Exception {
		String t = unique();
		TestInstitution college = aUniversity().named("Attendance " + t)
			.withDepartment("CS", "Computer Science")
			.withDepartment("BUS", "Business")
			.build(this.jdbc);
		Account coordinator = college.aCoordinator().inDepartment("CS").create(this.jdbc);
		Account mentor = college.aMentor().inDepartment("CS").create(this.jdbc);
		Account mentee = college.aStudent().inDepartment("CS").create(this.jdbc);
		long cs = SessionFixtures.mentorship(this.jdbc, mentor, mentee, "ACTIVE");
		Account otherMentor = college.aMentor().inDepartment("BUS").create(this.jdbc);
		Account otherMentee = college.aStudent().inDepartment("BUS").create(this.jdbc);
		long bus = SessionFixtures.mentorship(this.jdbc, otherMentor, otherMentee, "ACTIVE");
		Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
		SessionFixtures.session(this.jdbc, cs, mentor.id(), mentee.id(), mentor.id(), "COMPLETED",
				now.minus(Duration.ofDays(10)), "Recent " + t);
		SessionFixtures.session(this.jdbc, cs, mentor.id(), mentee.id(), mentor.id(), "COMPLETED",
				now.minus(Duration.ofDays(45)), "Older " + t);
		SessionFixtures.session(this.jdbc, bus, otherMentor.id(), otherMentee.id(), otherMentor.id(), "COMPLETED",
				now.minus(Duration.ofDays(5)), "Other department " + t);
		var coordinatorUser = user(this.users.loadUserByUsername(coordinator.email()));

		this.mvc.perform(get("/api/v1/sessions/attendance").with(coordinatorUser))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].title").value("Recent " + t));
		this.mvc.perform(get("/sessions/attendance").with(coordinatorUser))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Recent " + t)))
			.andExpect(content().string(not(containsString("Older " + t))))
			.andExpect(content().string(not(containsString("Other department " + t))));

		String from = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(60).toString();
		this.mvc.perform(get("/api/v1/sessions/attendance").param("from", from).with(coordinatorUser))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2));
		this.mvc.perform(get("/sessions/attendance").param("from", from).with(coordinatorUser))
			.andExpect(content().string(containsString("Older " + t)));
	}

}
