package org.mentorhub.report;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.identity.RoleName;
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
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.mentorhub.TestInstitutions.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Each role's dashboard, in a university and a company of the test's own: a mentorship in each of
 * two departments, a student with goals beside another student's, and a new mother with a
 * milestone and a support group.
 */
@MentorHubIntegrationTest
class HomePageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	TestInstitution college;

	TestInstitution company;

	Account admin;

	Account coordinator;

	Account mentor;

	Account student;

	Account otherStudent;

	Account mother;

	Account platformAdmin;

	String milestone;

	String group;

	@Autowired
	org.mentorhub.platform.LocalCaches caches;

	@BeforeEach
	void setUp() {
		String t = unique();
		this.college = aUniversity().named("Home University " + t)
			.withDepartment("CS", "Computer Science")
			.withDepartment("BUS", "Business")
			.build(this.jdbc);
		this.admin = this.college.anAdmin().create(this.jdbc);
		this.coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		this.mentor = this.college.aMentor().inDepartment("CS").named("Dr. Home Mentor " + t).create(this.jdbc);
		this.student = this.college.aStudent().inDepartment("CS").named("Home Student " + t).create(this.jdbc);
		TestMentorships.plant(this.jdbc, this.mentor, this.student, "ACTIVE");
		Account otherMentor = this.college.aMentor().inDepartment("BUS").named("Other Mentor " + t).create(this.jdbc);
		this.otherStudent = this.college.aStudent().inDepartment("BUS").named("Other Student " + t).create(this.jdbc);
		TestMentorships.plant(this.jdbc, otherMentor, this.otherStudent, "ACTIVE");
		goal(this.student, "My goal " + t);
		goal(this.otherStudent, "Their goal " + t);

		this.company = aCompany().named("Home Company " + t).withDepartment("ENGR").build(this.jdbc);
		this.mother = this.company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").create(this.jdbc);
		TestAccounts.grant(this.jdbc, this.mother, RoleName.MENTEE);
		this.milestone = "First week back " + t;
		this.jdbc.sql("INSERT INTO milestone_logs (user_id, type, title, milestone_date) "
				+ "VALUES (:u, 'RETURN_TO_WORK', :title, CURRENT_DATE)")
			.param("u", this.mother.id())
			.param("title", this.milestone)
			.update();
		this.group = "Returning parents " + t;
		this.jdbc.sql("INSERT INTO support_groups (institution_id, name, member_count) VALUES (:i, :name, 1)")
			.param("i", this.company.id())
			.param("name", this.group)
			.update();

		this.platformAdmin = TestAccounts.anAccount(RoleName.PLATFORM_ADMIN).create(this.jdbc);
	}

	void goal(Account student, String title) {
		this.jdbc.sql("INSERT INTO goals (student_id, title, category, status) VALUES (:s, :title, 'ACADEMIC', 'IN_PROGRESS')")
			.param("s", student.id())
			.param("title", title)
			.update();
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	@Test
	void administratorSeesTheInstitutionDashboard() throws Exception {
		this.mvc.perform(get("/").with(as(this.admin)))
			.andExpect(status().isOk())
			.andExpect(view().name("report/home-admin"))
			.andExpect(content().string(containsString(this.college.name() + ": dashboard")))
			.andExpect(content().string(containsString("Computer Science")))
			.andExpect(content().string(not(containsString(this.company.name()))));
	}

	@Test
	void coordinatorSeesOnlyTheirDepartmentsMentorships() throws Exception {
		MvcResult result = this.mvc.perform(get("/").with(as(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(view().name("report/home-coordinator"))
			.andReturn();

		@SuppressWarnings("unchecked")
		List<MentorshipRow> rows = (List<MentorshipRow>) result.getModelAndView().getModel().get("mentorships");
		assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.departmentName()).isEqualTo("Computer Science"));
		assertThat(rows).extracting(MentorshipRow::menteeName).contains(nameOf(this.student))
			.doesNotContain(nameOf(this.otherStudent));
	}

	void completedSession(Account mentor, Account mentee, int daysAgo) {
		long mentorship = this.jdbc.sql("SELECT id FROM mentorships WHERE mentor_id = :mentor AND mentee_id = :mentee")
			.param("mentor", mentor.id())
			.param("mentee", mentee.id())
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				INSERT INTO mentoring_sessions (mentorship_id, mentor_id, mentee_id, title, scheduled_at, status, ical_uid)
				VALUES (:m, :mentor, :mentee, 'Held', :at, 'COMPLETED', :uid)""")
			.param("m", mentorship)
			.param("mentor", mentor.id())
			.param("mentee", mentee.id())
			.param("at", java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusDays(daysAgo).withNano(0))
			.param("uid", "home-" + unique() + "@test")
			.update();
	}

	@Test
	void completedSessionFiguresCountTheLastThirtyDaysOfTheScopeAndAPersonsWholeRecord() throws Exception {
		completedSession(this.mentor, this.student, 3);
		completedSession(this.mentor, this.student, 20);
		completedSession(this.mentor, this.student, 45);
		Account otherMentor = this.college.aMentor().inDepartment("BUS").create(this.jdbc);
		Account otherStudent = this.college.aStudent().inDepartment("BUS").create(this.jdbc);
		TestMentorships.plant(this.jdbc, otherMentor, otherStudent, "ACTIVE");
		completedSession(otherMentor, otherStudent, 5);

		assertThat(completedFigure(this.admin)).as("institution, last 30 days").isEqualTo(3L);
		assertThat(completedFigure(this.coordinator)).as("Computer Science, last 30 days").isEqualTo(2L);
		assertThat(completedFigure(this.mentor)).as("the mentor's whole record").isEqualTo(3L);
		this.mvc.perform(get("/").with(as(this.coordinator)))
			.andExpect(content().string(containsString("2 sessions completed in the last 30 days")));
	}

	@Test
	void managersFiguresAreKeptForAMinutePerScopeAndSayWhenTheyWereRead() throws Exception {
		this.mvc.perform(get("/").with(as(this.admin)))
			.andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
					"(?s).*id=\"figures-as-of\">Counts as of \\d\\d:\\d\\d; they are refreshed every minute\\..*")));
		assertThat(completedFigure(this.admin)).isZero();
		assertThat(completedFigure(this.coordinator)).isZero();

		completedSession(this.mentor, this.student, 2);
		// Kept: the institution's and the department's counts are the ones read a moment ago.
		assertThat(completedFigure(this.admin)).isZero();
		assertThat(completedFigure(this.coordinator)).isZero();
		// A person's own figures are never kept.
		assertThat(completedFigure(this.mentor)).isEqualTo(1L);
		// Another administrator of the institution shares the institution's figures; another institution's
		// administrator has their own.
		Account secondAdmin = this.college.anAdmin().create(this.jdbc);
		assertThat(completedFigure(secondAdmin)).isZero();
		this.mvc.perform(get("/").with(as(this.company.anAdmin().create(this.jdbc))))
			.andExpect(content().string(containsString(this.company.name() + ": dashboard")))
			.andExpect(content().string(not(containsString("Computer Science"))));

		// Once the kept figures go (after a minute; here at once), the new session counts.
		this.caches.clearAll();
		assertThat(completedFigure(this.admin)).isEqualTo(1L);
		assertThat(completedFigure(this.coordinator)).isEqualTo(1L);
		// The participant's pages carry no such label.
		this.mvc.perform(get("/").with(as(this.mentor))).andExpect(content().string(not(containsString("figures-as-of"))));
	}

	long completedFigure(Account account) throws Exception {
		return (Long) this.mvc.perform(get("/").with(as(account)))
			.andExpect(status().isOk())
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("completedSessions");
	}

	@Test
	void mentorSeesOnlyTheirOwnMentees() throws Exception {
		MvcResult result = this.mvc.perform(get("/").with(as(this.mentor)))
			.andExpect(view().name("report/home-mentor"))
			.andReturn();

		@SuppressWarnings("unchecked")
		List<MentorshipRow> rows = (List<MentorshipRow>) result.getModelAndView().getModel().get("mentorships");
		assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.mentorName()).isEqualTo(nameOf(this.mentor)));
	}

	@Test
	void studentSeesTheirMentorshipAndOnlyTheirOwnGoals() throws Exception {
		MvcResult result = this.mvc.perform(get("/").with(as(this.student)))
			.andExpect(view().name("report/home-mentee"))
			.andReturn();

		@SuppressWarnings("unchecked")
		List<GoalRow> goals = (List<GoalRow>) result.getModelAndView().getModel().get("goals");
		List<Long> ownGoalIds = this.jdbc.sql("SELECT id FROM goals WHERE student_id = :s")
			.param("s", this.student.id())
			.query(Long.class)
			.list();
		assertThat(goals).isNotEmpty().allSatisfy(goal -> assertThat(ownGoalIds).contains(goal.id()));
		@SuppressWarnings("unchecked")
		List<MentorshipRow> mentorships = (List<MentorshipRow>) result.getModelAndView().getModel().get("mentorships");
		assertThat(mentorships).singleElement()
			.satisfies(row -> assertThat(row.menteeName()).isEqualTo(nameOf(this.student)));
	}

	@Test
	void newMotherSeesHerMilestonesAndSupportGroups() throws Exception {
		this.mvc.perform(get("/").with(as(this.mother)))
			.andExpect(view().name("report/home-new-mother"))
			.andExpect(content().string(containsString(this.milestone)))
			.andExpect(content().string(containsString(this.group)));
	}

	@Test
	void platformAdministratorSeesInstitutionsButNoMemberData() throws Exception {
		this.mvc.perform(get("/").with(as(this.platformAdmin)))
			.andExpect(view().name("report/home-platform-admin"))
			.andExpect(content().string(containsString(this.college.name())))
			.andExpect(content().string(containsString(this.company.name())))
			.andExpect(content().string(not(containsString(nameOf(this.student)))))
			.andExpect(content().string(not(containsString("Attendance is"))));
	}

	@Test
	void navigationFollowsTheRoles() throws Exception {
		this.mvc.perform(get("/").with(as(this.admin)))
			.andExpect(content().string(containsString(">Departments<")));
		this.mvc.perform(get("/").with(as(this.student)))
			.andExpect(content().string(containsString(">My mentor<")))
			.andExpect(content().string(not(containsString(">Departments<"))));
		// A new mother is a mentee too; wellbeing has no page yet, so the navigation has no entry (and no "/#" link) for it.
		this.mvc.perform(get("/").with(as(this.mother)))
			.andExpect(content().string(containsString(">My mentor<")))
			.andExpect(content().string(not(containsString("href=\"/#"))));
		this.mvc.perform(get("/").with(as(this.platformAdmin)))
			.andExpect(content().string(containsString(">Institutions<")))
			.andExpect(content().string(not(containsString(">Sessions<"))));
	}

	String nameOf(Account account) {
		return this.jdbc.sql("SELECT full_name FROM users WHERE id = :id").param("id", account.id()).query(String.class).single();
	}

}
