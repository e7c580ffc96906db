package org.mentorhub.report;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.report.HomeQueries.GoalRow;
import org.mentorhub.report.HomeQueries.MentorshipRow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@MentorHubIntegrationTest
class HomePageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String email) {
		return user(this.users.loadUserByUsername(email));
	}

	@Test
	void administratorSeesTheInstitutionDashboard() throws Exception {
		this.mvc.perform(get("/").with(as("admin@northbridge.demo")))
			.andExpect(status().isOk())
			.andExpect(view().name("report/home-admin"))
			.andExpect(content().string(containsString("Northbridge University: dashboard")))
			.andExpect(content().string(containsString("Computer Science")))
			.andExpect(content().string(not(containsString("Acme Digital"))));
	}

	@Test
	void coordinatorSeesOnlyTheirDepartmentsMentorships() throws Exception {
		MvcResult result = this.mvc.perform(get("/").with(as("coordinator@northbridge.demo")))
			.andExpect(status().isOk())
			.andExpect(view().name("report/home-coordinator"))
			.andReturn();

		@SuppressWarnings("unchecked")
		List<MentorshipRow> rows = (List<MentorshipRow>) result.getModelAndView().getModel().get("mentorships");
		assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.departmentName()).isEqualTo("Computer Science"));
	}

	@Test
	void mentorSeesOnlyTheirOwnMentees() throws Exception {
		MvcResult result = this.mvc.perform(get("/").with(as("mentor@northbridge.demo")))
			.andExpect(view().name("report/home-mentor"))
			.andReturn();

		@SuppressWarnings("unchecked")
		List<MentorshipRow> rows = (List<MentorshipRow>) result.getModelAndView().getModel().get("mentorships");
		assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.mentorName()).isEqualTo("Dr. Maya Singh"));
	}

	@Test
	void studentSeesTheirMentorshipAndOnlyTheirOwnGoals() throws Exception {
		long student = this.jdbc.sql("SELECT id FROM users WHERE email = 'student@northbridge.demo'")
			.query(Long.class)
			.single();
		MvcResult result = this.mvc.perform(get("/").with(as("student@northbridge.demo")))
			.andExpect(view().name("report/home-mentee"))
			.andReturn();

		@SuppressWarnings("unchecked")
		List<GoalRow> goals = (List<GoalRow>) result.getModelAndView().getModel().get("goals");
		List<Long> ownGoalIds = this.jdbc.sql("SELECT id FROM goals WHERE student_id = :s")
			.param("s", student)
			.query(Long.class)
			.list();
		assertThat(goals).isNotEmpty().allSatisfy(goal -> assertThat(ownGoalIds).contains(goal.id()));
		@SuppressWarnings("unchecked")
		List<MentorshipRow> mentorships = (List<MentorshipRow>) result.getModelAndView().getModel().get("mentorships");
		assertThat(mentorships).singleElement().satisfies(row -> assertThat(row.menteeName()).isEqualTo("Emma Walker"));
	}

	@Test
	void newMotherSeesHerMilestonesAndSupportGroups() throws Exception {
		this.mvc.perform(get("/").with(as("mother@acme.demo")))
			.andExpect(view().name("report/home-new-mother"))
			.andExpect(content().string(containsString("First week back")))
			.andExpect(content().string(containsString("Returning parents")));
	}

	@Test
	void platformAdministratorSeesInstitutionsButNoMemberData() throws Exception {
		this.mvc.perform(get("/").with(as("platform@mentorhub.demo")))
			.andExpect(view().name("report/home-platform-admin"))
			.andExpect(content().string(containsString("Northbridge University")))
			.andExpect(content().string(containsString("Acme Digital")))
			.andExpect(content().string(not(containsString("Emma Walker"))))
			.andExpect(content().string(not(containsString("Attendance is"))));
	}

	@Test
	void navigationFollowsTheRoles() throws Exception {
		this.mvc.perform(get("/").with(as("admin@northbridge.demo")))
			.andExpect(content().string(containsString(">Departments<")));
		this.mvc.perform(get("/").with(as("student@northbridge.demo")))
			.andExpect(content().string(containsString(">My mentor<")))
			.andExpect(content().string(not(containsString(">Departments<"))));
		this.mvc.perform(get("/").with(as("mother@acme.demo")))
			.andExpect(content().string(containsString(">Wellbeing<")));
		this.mvc.perform(get("/").with(as("platform@mentorhub.demo")))
			.andExpect(content().string(containsString(">Institutions<")))
			.andExpect(content().string(not(containsString(">Sessions<"))));
	}

}
