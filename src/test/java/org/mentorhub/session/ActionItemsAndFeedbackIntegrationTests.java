package org.mentorhub.session;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.session.SessionNotesFixtures.Pair;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Action items (assignee rule, overdue, my list) and feedback (bad input, once, reveal rule, managers, aggregates). */
@MentorHubIntegrationTest
class ActionItemsAndFeedbackIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	/** A university of this test's own, with the departments CS and BUS. */
	TestInstitution college;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").withDepartment("BUS").build(this.jdbc);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	org.springframework.test.web.servlet.ResultActions postJson(Account who, String uri, String json) throws Exception {
		return this.mvc.perform(post(uri).with(as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	@Test
	void actionItemsBelongToThePairAndOverdueOnesAreHighlighted() throws Exception {
		Pair pair = SessionNotesFixtures.pair(this.jdbc, this.college.code(), "CS", "CONFIRMED");
		String base = "/api/v1/sessions/" + pair.sessionId() + "/action-items";
		Account stranger = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		postJson(pair.mentor(), base, "{\"title\":\"Read\",\"assigneeId\":" + stranger.id() + "}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("assigneeId"));
		postJson(pair.mentor(), base, "{\"title\":\"\",\"assigneeId\":" + pair.mentee().id() + ",\"dueDate\":\"soon\",\"status\":\"DONE\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.length()").value(3));
		String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(2).toString();
		postJson(pair.mentor(), base, "{\"title\":\"Overdue task\",\"assigneeId\":" + pair.mentee().id() + ",\"dueDate\":\"" + yesterday + "\"}")
			.andExpect(status().isCreated()).andExpect(jsonPath("$.overdue").value(true)).andExpect(jsonPath("$.status").value("PENDING"));
		postJson(pair.mentee(), base, "{\"title\":\"Done task\",\"assigneeId\":" + pair.mentee().id() + ",\"dueDate\":\"" + yesterday
				+ "\",\"status\":\"COMPLETED\"}")
			.andExpect(status().isCreated()).andExpect(jsonPath("$.overdue").value(false));
		this.mvc.perform(get(base).with(as(pair.mentor()))).andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2));
		this.mvc.perform(get(base).with(as(stranger))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/action-items/mine").with(as(pair.mentee())))
			.andExpect(jsonPath("$.length()").value(2)).andExpect(jsonPath("$[0].title").value("Overdue task"))
			.andExpect(jsonPath("$[0].overdue").value(true));
		this.mvc.perform(get("/action-items").with(as(pair.mentee())))
			.andExpect(status().isOk()).andExpect(content().string(containsString("table-danger overdue")));
		this.mvc.perform(post("/sessions/" + pair.sessionId() + "/action-items").with(as(pair.mentee())).with(csrf())
				.param("title", "X").param("assigneeId", String.valueOf(stranger.id())))
			.andExpect(status().isBadRequest()).andExpect(content().string(containsString("mentor or the mentee")));
	}

	@Test
	void feedbackRulesAndTheRevealRule() throws Exception {
		Pair open = SessionNotesFixtures.pair(this.jdbc, this.college.code(), "CS", "CONFIRMED");
		postJson(open.mentee(), "/api/v1/sessions/" + open.sessionId() + "/feedback", "{\"rating\":4}")
			.andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("completed")));
		Pair pair = SessionNotesFixtures.pair(this.jdbc, this.college.code(), "CS", "COMPLETED");
		String uri = "/api/v1/sessions/" + pair.sessionId() + "/feedback";
		for (String bad : new String[] { "{\"rating\":0}", "{\"rating\":6}", "{}", "{\"rating\":3,\"type\":\"MENTOR_TO_MENTEE\"}",
				"{\"rating\":3,\"visibility\":\"PUBLIC\"}" }) {
			postJson(pair.mentee(), uri, bad).andExpect(status().isBadRequest());
		}
		this.mvc.perform(post("/sessions/" + pair.sessionId() + "/feedback").with(as(pair.mentee())).with(csrf()).param("rating", "9"))
			.andExpect(status().isBadRequest()).andExpect(content().string(containsString("from 1 to 5")));
		postJson(pair.mentee(), uri, "{\"rating\":5,\"comments\":\"MENTEE-SAYS\"}").andExpect(status().isCreated());
		postJson(pair.mentee(), uri, "{\"rating\":4}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("already")));
		// Not revealed to the mentor until the mentor gives theirs.
		this.mvc.perform(get(uri).with(as(pair.mentor())))
			.andExpect(jsonPath("$.theirs").doesNotExist()).andExpect(jsonPath("$.theirsWaiting").value(true))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("MENTEE-SAYS"))));
		postJson(pair.mentor(), uri, "{\"rating\":3,\"comments\":\"MENTOR-SAYS\"}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.theirs.comments").value("MENTEE-SAYS"));
		this.mvc.perform(get(uri).with(as(pair.mentee()))).andExpect(jsonPath("$.theirs.comments").value("MENTOR-SAYS"));
		// Coordinators of the department see all; another department's do not.
		Account coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		this.mvc.perform(get(uri).with(as(coordinator))).andExpect(jsonPath("$.all.length()").value(2));
		Account otherCoordinator = this.college.aCoordinator().inDepartment("BUS").create(this.jdbc);
		this.mvc.perform(get(uri).with(as(otherCoordinator))).andExpect(status().isNotFound());
	}

	@Test
	void sharedFeedbackIsRevealedAfterTheDeadlineAndCoordinatorOnlyFeedbackNever() throws Exception {
		Account mentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		Account mentee = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		long mentorship = SessionNotesFixtures.mentorship(this.jdbc, mentor, mentee);
		long old = SessionNotesFixtures.session(this.jdbc, mentorship, mentor.id(), mentee.id(), "COMPLETED",
				LocalDateTime.now(ZoneOffset.UTC).minusDays(8));
		postJson(mentee, "/api/v1/sessions/" + old + "/feedback", "{\"rating\":2,\"comments\":\"LATE-REVEAL\"}")
			.andExpect(status().isCreated());
		this.mvc.perform(get("/api/v1/sessions/" + old + "/feedback").with(as(mentor)))
			.andExpect(jsonPath("$.theirs.comments").value("LATE-REVEAL"));
		long hidden = SessionNotesFixtures.session(this.jdbc, mentorship, mentor.id(), mentee.id(), "COMPLETED",
				LocalDateTime.now(ZoneOffset.UTC).minusDays(8));
		postJson(mentee, "/api/v1/sessions/" + hidden + "/feedback",
				"{\"rating\":2,\"comments\":\"FOR-COORDINATORS\",\"visibility\":\"COORDINATORS\"}").andExpect(status().isCreated());
		this.mvc.perform(get("/sessions/" + hidden + "/feedback").with(as(mentor)))
			.andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.not(containsString("FOR-COORDINATORS"))));
	}

	@Test
	void aMentorsAverageShowsFromThreeResponses() throws Exception {
		Account mentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		Account admin = this.college.anAdmin().create(this.jdbc);
		String uri = "/api/v1/sessions/feedback/summary?mentor=" + mentor.id();
		int[] ratings = { 5, 4, 4 };
		for (int i = 0; i < 3; i++) {
			Account mentee = this.college.aStudent().inDepartment("CS").create(this.jdbc);
			Pair pair = SessionNotesFixtures.pair(this.jdbc, mentor, mentee, "COMPLETED");
			postJson(mentee, "/api/v1/sessions/" + pair.sessionId() + "/feedback", "{\"rating\":" + ratings[i] + "}")
				.andExpect(status().isCreated());
			if (i < 2) {
				this.mvc.perform(get(uri).with(as(admin))).andExpect(jsonPath("$.responses").value(i + 1))
					.andExpect(jsonPath("$.average").doesNotExist());
			}
		}
		this.mvc.perform(get(uri).with(as(admin))).andExpect(jsonPath("$.responses").value(3))
			.andExpect(jsonPath("$.average").value(4.33));
		this.mvc.perform(get("/sessions/feedback/summary?mentor=" + mentor.id()).with(as(mentor)))
			.andExpect(status().isOk()).andExpect(content().string(containsString("4.33")));
		Account otherMentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		this.mvc.perform(get(uri).with(as(otherMentor))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/sessions/feedback/summary").with(as(admin))).andExpect(status().isBadRequest());
		assertThat(mentor.id()).isPositive();
		// The page offers the choice it asks for (it said only "Choose the mentor."), and a mentor reads her own.
		String picker = this.mvc.perform(get("/sessions/feedback/summary").with(as(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(picker).contains("id=\"mentor-picker\"").contains("<option value=\"" + mentor.id() + "\"")
			.doesNotContain("id=\"summary-problem\"");
		this.mvc.perform(get("/sessions/feedback/summary").with(as(mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("4.33")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"mentor-picker\""))));
	}

}
