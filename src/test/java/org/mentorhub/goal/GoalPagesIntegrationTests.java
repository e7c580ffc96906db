package org.mentorhub.goal;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The goal pages without JavaScript and their htmx twins: the lists of a mentee, a mentor and a
 * coordinator, creating a goal for a mentee through the chooser, the goal page with its history and
 * chart data, posting updates (bad input 400, stale 409, htmx in place), the pair's goals that the
 * session page loads, and "not found" for everybody else.
 */
@MentorHubIntegrationTest
class GoalPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	TestInstitution college;

	Account mentee;

	Account mentor;

	long mentorship;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
		this.mentee = this.college.aMentee().inDepartment("CS").named("Mina Mentee").create(this.jdbc);
		this.mentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		this.mentorship = TestMentorships.plant(this.jdbc, this.mentor, this.mentee, "ACTIVE");
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	long goalsOf(Account owner) {
		return this.jdbc.sql("SELECT COUNT(*) FROM goals WHERE student_id = :s").param("s", owner.id())
			.query(Long.class).single();
	}

	@Test
	void eachRoleSeesItsGoalsOnOnePage() throws Exception {
		long goal = GoalFixtures.goal(this.jdbc, this.mentee, "Write a cover letter", LocalDate.now().minusDays(1));
		this.mvc.perform(get("/goals").with(as(this.mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"my-goals\""), containsString("Write a cover letter"),
					containsString("Overdue"), not(containsString("id=\"mentee-goals\"")))));
		this.mvc.perform(get("/goals").with(as(this.mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"mentee-goals\""), containsString("Mina Mentee"),
					containsString("/goals/" + goal))));
		Account coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		this.mvc.perform(get("/goals?status=NOT_STARTED&category=SKILL").with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"managed-goals\""), containsString("Write a cover letter"))));
		this.mvc.perform(get("/goals?status=COMPLETED").with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Write a cover letter"))));
		this.mvc.perform(get("/goals?status=NONSENSE").with(as(coordinator))).andExpect(status().isBadRequest());
		Account stranger = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		this.mvc.perform(get("/goals").with(as(stranger)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Write a cover letter"))));
	}

	@Test
	void aMentorCreatesAGoalForTheirMenteeThroughTheChooser() throws Exception {
		this.mvc.perform(get("/goals/new").with(as(this.mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("name=\"studentId\""), containsString("Mina Mentee"))));
		this.mvc.perform(post("/goals").with(as(this.mentor)).with(csrf())
				.param("studentId", String.valueOf(this.mentee.id())).param("title", "Publish a blog post")
				.param("category", "CAREER").param("targetDate", LocalDate.now().plusDays(10).toString())
				.param("progressPct", "10").param("status", ""))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/goals/*?saved=created"));
		assertThat(this.jdbc.sql("SELECT mentorship_id FROM goals WHERE student_id = :s").param("s", this.mentee.id())
			.query(Long.class).single()).as("a mentor's goal belongs to their mentorship").isEqualTo(this.mentorship);
	}

	@Test
	void badInputOnTheNewGoalFormIsA400WithTheFormAgain() throws Exception {
		String[][] cases = { { "progressPct", "abc", "whole number" }, { "progressPct", "-1", "0 to 100" },
				{ "progressPct", "101", "0 to 100" }, { "targetDate", LocalDate.now().minusDays(3).toString(), "past" },
				{ "targetDate", "soon", "yyyy-mm-dd" }, { "status", "DREAMING", "Unknown status" },
				{ "category", "HOBBY", "Unknown category" } };
		for (String[] bad : cases) {
			this.mvc.perform(post("/goals").with(as(this.mentee)).with(csrf()).param("title", "Typed title")
					.param(bad[0], bad[1]))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(allOf(containsString(bad[2]), containsString("Typed title"))));
		}
		this.mvc.perform(post("/goals").with(as(this.mentee)).with(csrf()).param("title", " "))
			.andExpect(status().isBadRequest());
		assertThat(goalsOf(this.mentee)).isZero();
		Account stranger = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		this.mvc.perform(post("/goals").with(as(stranger)).with(csrf()).param("studentId", String.valueOf(this.mentee.id()))
				.param("title", "Not my mentee"))
			.andExpect(status().isNotFound());
		assertThat(goalsOf(this.mentee)).isZero();
	}

	@Test
	void theGoalPageShowsTheHistoryAndTakesUpdatesWithAndWithoutHtmx() throws Exception {
		long goal = GoalFixtures.goal(this.jdbc, this.mentee, "Learn to swim", null);
		this.mvc.perform(post("/goals/" + goal + "/updates").with(as(this.mentee)).with(csrf())
				.param("progressPct", "30").param("status", "IN_PROGRESS").param("note", "First lessons").param("version", "0"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/goals/" + goal + "?saved=updated"));
		this.mvc.perform(get("/goals/" + goal + "?saved=updated").with(as(this.mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Learn to swim"), containsString("First lessons"),
					containsString("Your update was posted."),
					containsString("id=\"goal-chart\""), containsString("data-values=\"[0,30]\""),
					containsString("/js/goal-chart"), containsString("chart.umd.min.js"))));
		this.mvc.perform(post("/goals/" + goal + "/updates").with(as(this.mentor)).with(csrf()).header("HX-Request", "true")
				.param("progressPct", "40").param("status", "AT_RISK").param("note", "Missed two weeks").param("version", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"goal-progress\""), containsString("Missed two weeks"),
					containsString("Your update was posted."),
					not(containsString("<html")))));
		// Stale, then bad input: the page again with the problem and what was typed.
		this.mvc.perform(post("/goals/" + goal + "/updates").with(as(this.mentee)).with(csrf())
				.param("progressPct", "50").param("note", "Typed note").param("version", "1"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("meanwhile"), containsString("Typed note"))));
		this.mvc.perform(post("/goals/" + goal + "/updates").with(as(this.mentee)).with(csrf())
				.param("progressPct", "101").param("version", "2"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("0 to 100")));
		this.mvc.perform(post("/goals/" + goal + "/updates").with(as(this.mentee)).with(csrf()).header("HX-Request", "true")
				.param("progressPct", "-1").param("version", "2"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("0 to 100")));
		assertThat(this.jdbc.sql("SELECT progress_pct FROM goals WHERE id = :g").param("g", goal).query(Integer.class)
			.single()).isEqualTo(40);

		Account stranger = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		this.mvc.perform(get("/goals/" + goal).with(as(stranger)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("Learn to swim"))));
		this.mvc.perform(post("/goals/" + goal + "/updates").with(as(stranger)).with(csrf())
				.param("progressPct", "90").param("version", "2"))
			.andExpect(status().isNotFound());
	}

	@Test
	void theGoalIsEditedFromItsPage() throws Exception {
		long goal = GoalFixtures.goal(this.jdbc, this.mentee, "Draft title", null);
		this.mvc.perform(get("/goals/" + goal).with(as(this.mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"goal-edit-form\"")));
		this.mvc.perform(post("/goals/" + goal + "/edit").with(as(this.mentee)).with(csrf()).param("title", "")
				.param("category", "SKILL").param("version", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Give the goal a title.")));
		this.mvc.perform(post("/goals/" + goal + "/edit").with(as(this.mentee)).with(csrf()).param("title", "Final title")
				.param("category", "CAREER").param("targetDate", LocalDate.now().plusDays(20).toString()).param("version", "0"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/goals/" + goal + "?saved=edited"));
		this.mvc.perform(post("/goals/" + goal + "/edit").with(as(this.mentee)).with(csrf()).param("title", "Lost edit")
				.param("category", "CAREER").param("version", "0"))
			.andExpect(status().isConflict());
		assertThat(this.jdbc.sql("SELECT title FROM goals WHERE id = :g").param("g", goal).query(String.class).single())
			.isEqualTo("Final title");
	}

	@Test
	void aGoalIsDeletedFromItsPageAfterConfirmation() throws Exception {
		long goal = GoalFixtures.goal(this.jdbc, this.mentee, "Short-lived goal", null);
		this.mvc.perform(get("/goals/" + goal).with(as(this.mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"delete-goal\""), containsString("cannot be undone"))));
		this.mvc.perform(post("/goals/" + goal + "/delete").with(as(this.mentee)).with(csrf()).param("version", "3"))
			.andExpect(status().isConflict());
		this.mvc.perform(post("/goals/" + goal + "/delete").with(as(this.mentee)).with(csrf()).param("version", "0"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/goals?deleted=true"));
		this.mvc.perform(get("/goals?deleted=true").with(as(this.mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The goal was deleted."), not(containsString("Short-lived goal")))));
		assertThat(goalsOf(this.mentee)).isZero();
	}

	@Test
	void theSessionPageLoadsThePairsOpenGoalsFromTheGoalModule() throws Exception {
		GoalFixtures.goal(this.jdbc, this.mentee, "Pair goal", null);
		this.mvc.perform(get("/goals/pair/" + this.mentorship).with(as(this.mentor)).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"pair-goals\""), containsString("Pair goal"),
					not(containsString("<html")))));
		this.mvc.perform(get("/goals/pair/" + this.mentorship).with(as(this.mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html"), containsString("Pair goal"))));
		Account stranger = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		this.mvc.perform(get("/goals/pair/" + this.mentorship).with(as(stranger))).andExpect(status().isNotFound());

		long session = org.mentorhub.session.SessionNotesFixtures.session(this.jdbc, this.mentorship, this.mentor.id(),
				this.mentee.id(), "CONFIRMED", null);
		this.mvc.perform(get("/sessions/" + session).with(as(this.mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hx-get=\"/goals/pair/" + this.mentorship + "\"")));
	}

	@Test
	void theChartScriptsAreServed() throws Exception {
		this.mvc.perform(get("/webjars/chart.js/dist/chart.umd.min.js")).andExpect(status().isOk());
		this.mvc.perform(get("/js/goal-chart.js")).andExpect(status().isOk());
	}

}
