package org.mentorhub.mentorship;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.identity.RoleName;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The life cycle through the API and the pages: status codes, problem JSON, inline errors. */
@MentorHubIntegrationTest
class MentorshipApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	MentorshipTestSupport t;

	@BeforeEach
	void setUp() {
		this.t = new MentorshipTestSupport(this.jdbc, this.users);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	@Test
	void requestAcceptApprovePauseResumeEndThroughTheApi() throws Exception {
		Account mentor = this.t.mentor(this.t.university(), "CS", 1);
		Account mentee = this.t.account(this.t.university(), "CS", RoleName.MENTEE);
		Account admin = this.t.account(this.t.university(), null, RoleName.ADMIN);
		String body = this.mvc.perform(post("/api/v1/mentorships/requests").with(as(mentee)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"choices\":[{\"mentorId\":" + mentor.id() + ",\"goal\":\"Public speaking\"}]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("REQUESTED"))
			.andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*$", "$1"));
		String path = "/api/v1/mentorships/" + id;
		this.mvc.perform(post(path + "/approve").with(as(admin)).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get(path).with(as(mentor)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.actions", contains("ACCEPT", "DECLINE")));
		this.mvc.perform(post(path + "/accept").with(as(mentor)).with(csrf()))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"))
			.andExpect(jsonPath("$.actions", empty()));
		this.mvc.perform(get(path).with(as(admin)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.actions", contains("APPROVE", "REJECT")));
		this.mvc.perform(get("/api/v1/mentorships").with(as(mentee)))
			.andExpect(status().isOk()).andExpect(jsonPath("$[0].actions", contains("WITHDRAW")));
		this.mvc.perform(post(path + "/approve").with(as(admin)).with(csrf()))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.actions", contains("PAUSE", "END", "REMATCH")));
		this.mvc.perform(post(path + "/pause").with(as(mentee)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		this.mvc.perform(post(path + "/pause").with(as(mentee)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"Exams\",\"version\":0}"))
			.andExpect(status().isConflict());
		this.mvc.perform(post(path + "/pause").with(as(mentee)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"Exams\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PAUSED"));
		this.mvc.perform(post(path + "/resume").with(as(mentor)).with(csrf()))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
		this.mvc.perform(post(path + "/end").with(as(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"Goal reached\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ENDED"))
			.andExpect(jsonPath("$.endReason").value("Goal reached"));
		this.mvc.perform(get("/api/v1/mentorships/managed").param("status", "ENDED").with(as(admin)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.items[0].status").value("ENDED"));
		this.mvc.perform(get("/api/v1/mentorships/managed/export").with(as(admin)))
			.andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("Public speaking")));
	}

	@Test
	void thePageShowsExactlyTheFormsOfTheActionsTheDomainAllows() throws Exception {
		Account mentor = this.t.mentor(this.t.university(), "CS", 1);
		Account mentee = this.t.account(this.t.university(), "CS", RoleName.MENTEE);
		Account admin = this.t.account(this.t.university(), null, RoleName.ADMIN);
		Account stranger = this.t.account(this.t.university(), "CS", RoleName.MENTEE);
		String body = this.mvc.perform(post("/api/v1/mentorships/requests").with(as(mentee)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"choices\":[{\"mentorId\":" + mentor.id() + ",\"goal\":\"Writing\"}]}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*$", "$1"));
		String page = "/mentorships/" + id;
		assertForms(page, mentor, "accept-form", "decline-form");
		assertForms(page, mentee, "withdraw-form");
		assertForms(page, admin, "reject-form");
		this.mvc.perform(get(page).with(as(stranger))).andExpect(status().isNotFound());
		this.mvc.perform(post(page + "/accept").with(as(mentor)).with(csrf())).andExpect(status().is3xxRedirection());
		assertForms(page, mentor);
		assertForms(page, mentee, "withdraw-form");
		assertForms(page, admin, "approve-form", "reject-form");
		this.mvc.perform(post(page + "/approve").with(as(admin)).with(csrf())).andExpect(status().is3xxRedirection());
		assertForms(page, mentor, "pause-form", "end-form");
		assertForms(page, admin, "pause-form", "end-form", "rematch-form");
		this.mvc.perform(post(page + "/pause").with(as(mentee)).with(csrf()).param("reason", "Exams"))
			.andExpect(status().is3xxRedirection());
		assertForms(page, mentee, "resume-form", "end-form");
		this.mvc.perform(post(page + "/end").with(as(mentor)).with(csrf()).param("reason", "Done"))
			.andExpect(status().is3xxRedirection());
		assertForms(page, mentee);
		assertForms(page, admin, "rematch-form");
		// A refused action (the mentee approving) is 403, whatever the page offered.
		this.mvc.perform(post(page + "/approve").with(as(mentee)).with(csrf())).andExpect(status().isForbidden());
		this.mvc.perform(post(page + "/pause").with(as(mentee)).with(csrf()).param("reason", "x").param("version", "v1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This form is out of date; reload the page and try again.")));
	}

	static final List<String> FORMS = List.of("accept-form", "decline-form", "approve-form", "reject-form",
			"withdraw-form", "pause-form", "resume-form", "end-form", "rematch-form");

	/** The page shows these action forms and none of the others. */
	void assertForms(String page, Account who, String... expected) throws Exception {
		String html = this.mvc.perform(get(page).with(as(who))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		List<String> shown = FORMS.stream().filter(form -> html.contains("id=\"" + form + "\"")).toList();
		assertThat(shown).as(who.email()).containsExactlyInAnyOrder(expected);
	}

	@Test
	void pagesShowErrorsInline() throws Exception {
		Account mentee = this.t.account(this.t.university(), "CS", RoleName.MENTEE);
		this.mvc.perform(post("/mentorships/request").with(as(mentee)).with(csrf())
				.param("mentorId", String.valueOf(mentee.id())).param("goal", "x"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("You cannot ask yourself to be your mentor.")));
		Account mentor = this.t.mentor(this.t.university(), "CS", 1);
		long id = this.t.insert(mentor, mentee, "ENDED");
		this.mvc.perform(post("/mentorships/" + id + "/pause").with(as(mentee)).with(csrf()).param("reason", "x"))
			.andExpect(status().isConflict())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("cannot be paused")));
		this.mvc.perform(get("/mentorships/request").param("mentor", String.valueOf(mentor.id())).with(as(mentee)))
			.andExpect(status().isOk());
		this.mvc.perform(get("/mentorships").with(as(mentee))).andExpect(status().isOk());
	}

}
