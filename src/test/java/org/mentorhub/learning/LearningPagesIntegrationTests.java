package org.mentorhub.learning;

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
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The learning pages without JavaScript (post, then redirect; bad input inline with 400) and their
 * htmx twins: authoring with the modules editor, the catalogue with search, the path page's toggles,
 * my learning and the mentor's view with the recommendation form; the wrong user gets 404 or 403.
 */
@MentorHubIntegrationTest
class LearningPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	TestInstitution college;

	Account coordinator;

	Account mentee;

	Account mentor;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
		this.coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		this.mentee = this.college.aMentee().inDepartment("CS").named("Mia Mentee").create(this.jdbc);
		this.mentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		TestMentorships.plant(this.jdbc, this.mentor, this.mentee, "ACTIVE");
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	long modules(long path) {
		return this.jdbc.sql("SELECT COUNT(*) FROM learning_path_modules WHERE path_id = :p").param("p", path)
			.query(Long.class).single();
	}

	@Test
	void aCoordinatorAuthorsAPathWithTheModulesEditor() throws Exception {
		this.mvc.perform(get("/learning/paths/new").with(as(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"path-form\"")));
		this.mvc.perform(post("/learning/paths").with(as(this.coordinator)).with(csrf()).param("title", " ")
				.param("category", "leadership"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Give it a title.")));
		String location = this.mvc.perform(post("/learning/paths").with(as(this.coordinator)).with(csrf())
				.param("title", "Giving feedback").param("category", "Communication").param("description", "Kindly"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/learning/paths/*/edit?saved=created"))
			.andReturn().getResponse().getRedirectedUrl();
		long path = Long.parseLong(location.replaceAll("^/learning/paths/(\\d+)/edit.*$", "$1"));
		String[][] bad = { { "estimatedMinutes", "0", "from 1 to 10000" }, { "estimatedMinutes", "100000", "from 1 to 10000" },
				{ "estimatedMinutes", "ten", "whole minutes" }, { "kind", "PODCAST", "Choose a kind" },
				{ "url", "javascript:alert(1)", "https://" } };
		for (String[] b : bad) {
			java.util.Map<String, String> fields = new java.util.LinkedHashMap<>(java.util.Map.of("title", "Typed title",
					"kind", "VIDEO", "url", "https://example.org/v", "estimatedMinutes", "10"));
			fields.put(b[0], b[1]);
			var request = post("/learning/paths/" + path + "/modules").with(as(this.coordinator)).with(csrf());
			fields.forEach((name, value) -> request.param(name, value));
			this.mvc.perform(request)
				.andExpect(status().isBadRequest())
				.andExpect(content().string(allOf(containsString(b[2]), containsString("Typed title"))));
		}
		assertThat(modules(path)).isZero();
		for (String title : new String[] { "Listen", "Ask", "Say" }) {
			this.mvc.perform(post("/learning/paths/" + path + "/modules").with(as(this.coordinator)).with(csrf())
					.param("title", title).param("kind", "EXERCISE").param("content", "Practise: " + title)
					.param("estimatedMinutes", "15"))
				.andExpect(redirectedUrl("/learning/paths/" + path + "/edit?saved=module"));
		}
		long say = this.jdbc.sql("SELECT id FROM learning_path_modules WHERE path_id = :p AND title = 'Say'")
			.param("p", path).query(Long.class).single();
		this.mvc.perform(post("/learning/paths/" + path + "/modules/" + say + "/move").with(as(this.coordinator))
				.with(csrf()).param("direction", "up"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/learning/paths/" + path + "/modules/" + say).with(as(this.coordinator)).with(csrf())
				.param("title", "Say it").param("kind", "EXERCISE").param("content", "").param("estimatedMinutes", "15"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Describe the exercise.")));
		this.mvc.perform(post("/learning/paths/" + path + "/publish").with(as(this.coordinator)).with(csrf()))
			.andExpect(redirectedUrl("/learning/paths/" + path + "/edit?saved=published"));
		this.mvc.perform(get("/learning/paths/" + path + "/edit").with(as(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("1. Listen"), containsString("2. Say"),
					containsString("3. Ask"), containsString("id=\"unpublish\""))));
		this.mvc.perform(get("/learning?q=feedback&category=communication").with(as(this.mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Giving feedback"),
					not(containsString("No published path matches.")))));
		this.mvc.perform(get("/learning?q=unrelated").with(as(this.mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString("Giving feedback")),
					containsString("No published path matches."), not(containsString("id=\"catalogue-table\"")))));
	}

	@Test
	void aLearnerEnrolsAndTogglesModulesWithAndWithoutHtmx() throws Exception {
		LearningFixtures.Planted path = LearningFixtures.path(this.jdbc, this.college.id(), "Time management", true, 2);
		this.mvc.perform(post("/learning/paths/" + path.id() + "/modules/" + path.modules().get(0) + "/complete")
				.with(as(this.mentee)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/learning/paths/" + path.id()).with(as(this.mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"enrol\""), not(containsString("id=\"edit-path\"")))));
		this.mvc.perform(post("/learning/paths/" + path.id() + "/enrol").with(as(this.mentee)).with(csrf()))
			.andExpect(redirectedUrl("/learning/paths/" + path.id() + "?saved=enrolled"));
		this.mvc.perform(post("/learning/paths/" + path.id() + "/modules/" + path.modules().get(0) + "/complete")
				.with(as(this.mentee)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/learning/paths/" + path.id() + "/modules/" + path.modules().get(1) + "/complete")
				.header("HX-Request", "true").with(as(this.mentee)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"path-modules\""), containsString("100%"),
					containsString("id=\"path-completed\""), not(containsString("<html")))));
		this.mvc.perform(post("/learning/paths/" + path.id() + "/modules/" + path.modules().get(1) + "/uncomplete")
				.header("HX-Request", "true").with(as(this.mentee)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("50%"), not(containsString("id=\"path-completed\"")))));
		this.mvc.perform(get("/learning/mine").with(as(this.mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Time management"), containsString("1 of 2 modules done"),
					not(containsString("You follow no learning path yet.")))));
	}

	@Test
	void aMentorRecommendsFromThePathPageAndSeesTheMenteesPage() throws Exception {
		LearningFixtures.Planted path = LearningFixtures.path(this.jdbc, this.college.id(), "Networking", true, 2);
		this.mvc.perform(get("/learning/paths/" + path.id()).with(as(this.mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"recommend-form\""), containsString("Mia Mentee"))));
		String longNote = "x".repeat(LearningPaths.MAX_NOTE + 1);
		this.mvc.perform(post("/learning/recommendations").with(as(this.mentor)).with(csrf())
				.param("pathId", String.valueOf(path.id())).param("menteeId", String.valueOf(this.mentee.id()))
				.param("note", longNote).param("from", "path"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("at most 1000 characters")));
		this.mvc.perform(post("/learning/recommendations").with(as(this.mentor)).with(csrf())
				.param("pathId", String.valueOf(path.id())).param("menteeId", String.valueOf(this.mentee.id()))
				.param("note", "Good for you").param("from", "path"))
			.andExpect(redirectedUrl("/learning/paths/" + path.id() + "?saved=recommended"));
		this.mvc.perform(post("/learning/recommendations").with(as(this.mentor)).with(csrf())
				.param("pathId", String.valueOf(path.id())).param("menteeId", String.valueOf(this.mentee.id()))
				.param("from", "mentees"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("already recommended")));
		Account stranger = this.college.aMentee().inDepartment("CS").create(this.jdbc);
		this.mvc.perform(post("/learning/recommendations").with(as(this.mentor)).with(csrf())
				.param("pathId", String.valueOf(path.id())).param("menteeId", String.valueOf(stranger.id())))
			.andExpect(status().isNotFound());
		LearningFixtures.enrol(this.jdbc, this.mentee.id(), path, 1);
		this.mvc.perform(get("/learning/mentees").with(as(this.mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Mia Mentee"), containsString("Networking"),
					containsString("50%"), containsString("id=\"recommend-" + this.mentee.id() + "\""),
					containsString("My mentees&#39; learning"), not(containsString("You have no active mentees")))));
		Account lonely = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		this.mvc.perform(get("/learning/mentees").with(as(lonely)))
			.andExpect(content().string(allOf(containsString("You have no active mentees"),
					not(containsString("Mia Mentee")))));
		this.mvc.perform(get("/learning/mine").with(as(this.mentee)))
			.andExpect(content().string(allOf(containsString("Recommended to me"), containsString("Good for you"))));
	}

	@Test
	void theWrongUserFindsNothingAndAMenteeDoesNotAuthor() throws Exception {
		LearningFixtures.Planted draft = LearningFixtures.path(this.jdbc, this.college.id(), "Secret draft", false, 1);
		LearningFixtures.Planted published = LearningFixtures.path(this.jdbc, this.college.id(), "Open path", true, 1);
		this.mvc.perform(get("/learning/paths/" + draft.id()).with(as(this.mentee))).andExpect(status().isNotFound());
		this.mvc.perform(get("/learning/paths/" + draft.id() + "/edit").with(as(this.mentee))).andExpect(status().isNotFound());
		this.mvc.perform(get("/learning/paths/" + published.id() + "/edit").with(as(this.mentee))).andExpect(status().isForbidden());
		this.mvc.perform(get("/learning/paths/new").with(as(this.mentee))).andExpect(status().isForbidden());
		this.mvc.perform(post("/learning/paths").with(as(this.mentee)).with(csrf()).param("title", "Mine")
				.param("category", "x"))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/learning").with(as(this.mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Open path"), not(containsString("Secret draft")),
					not(containsString("id=\"drafts\"")))));
		this.mvc.perform(get("/learning").with(as(this.coordinator)))
			.andExpect(content().string(allOf(containsString("id=\"drafts\""), containsString("Secret draft"))));
		TestInstitution company = aCompany().withDepartment("OPS").build(this.jdbc);
		Account outsider = company.anAdmin().create(this.jdbc);
		this.mvc.perform(get("/learning/paths/" + published.id()).with(as(outsider))).andExpect(status().isNotFound());
		this.mvc.perform(post("/learning/paths/" + published.id() + "/unpublish").with(as(outsider)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/learning").with(as(outsider)))
			.andExpect(content().string(not(containsString("Open path"))));
	}

}
