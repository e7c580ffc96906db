package org.mentorhub.learning;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The learning API: authoring (administrators and coordinators only), the catalogue with search and
 * category, enrolment and completions with progress kept from the completion rows, recommendations to
 * active mentees, the mentor's view (audited), bad input as 400 problem JSON with nothing written, and
 * another institution's path or person as 404.
 */
@MentorHubIntegrationTest
class LearningApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	TestInstitution college;

	Account admin;

	Account mentee;

	Account mentor;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
		this.admin = this.college.anAdmin().create(this.jdbc);
		this.mentee = this.college.aMentee().inDepartment("CS").named("Lia Learner").create(this.jdbc);
		this.mentor = this.college.aMentor().inDepartment("CS").named("Max Mentor").create(this.jdbc);
		TestMentorships.plant(this.jdbc, this.mentor, this.mentee, "ACTIVE");
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	ResultActions call(Account caller, MockHttpServletRequestBuilder request, String json) throws Exception {
		MockHttpServletRequestBuilder r = request.with(as(caller)).with(csrf()).accept(MediaType.APPLICATION_JSON);
		if (json != null) {
			r = r.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return this.mvc.perform(r);
	}

	long id(ResultActions result) throws Exception {
		String body = result.andReturn().getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*$", "$1"));
	}

	long count(String sql, long id) {
		return this.jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

	long newPath(String title) throws Exception {
		return id(call(this.admin, post("/api/v1/learning/paths"),
				"{\"title\":\"" + title + "\",\"category\":\"Leadership\",\"description\":\"How to lead\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.category").value("leadership")));
	}

	long addModule(long path, String title) throws Exception {
		return id(call(this.admin, post("/api/v1/learning/paths/" + path + "/modules"),
				"{\"title\":\"" + title + "\",\"kind\":\"READING\",\"content\":\"Read it\",\"estimatedMinutes\":20}")
			.andExpect(status().isCreated()));
	}

	@Test
	void anAdministratorAuthorsAndPublishesAndALearnerCompletesThePath() throws Exception {
		long path = newPath("Lead a team");
		call(this.mentee, get("/api/v1/learning/paths/" + path), null).andExpect(status().isNotFound());
		call(this.admin, post("/api/v1/learning/paths/" + path + "/publish"), null).andExpect(status().isConflict());
		long first = addModule(path, "Why lead");
		long second = id(call(this.admin, post("/api/v1/learning/paths/" + path + "/modules"),
				"{\"title\":\"A talk\",\"kind\":\"VIDEO\",\"url\":\"https://example.org/talk\",\"estimatedMinutes\":15}")
			.andExpect(status().isCreated()));
		long resource = org.mentorhub.resource.ResourceFixtures.resource(this.jdbc, this.college.id(), this.admin.id(),
				"Library guide", true);
		long third = id(call(this.admin, post("/api/v1/learning/paths/" + path + "/modules"),
				"{\"title\":\"From the library\",\"kind\":\"RESOURCE\",\"resourceId\":" + resource
						+ ",\"estimatedMinutes\":5}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.resourceId").value(resource)));
		call(this.admin, post("/api/v1/learning/paths/" + path + "/modules/" + third + "/move"), "{\"direction\":\"up\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.modules[1].id").value(third))
			.andExpect(jsonPath("$.modules[2].id").value(second));
		call(this.admin, post("/api/v1/learning/paths/" + path + "/publish"), null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PUBLISHED"))
			.andExpect(jsonPath("$.moduleCount").value(3))
			.andExpect(jsonPath("$.totalMinutes").value(40));

		call(this.mentee, get("/api/v1/learning/paths?q=LEAD&category=leadership"), null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].title").value("Lead a team"));
		call(this.mentee, get("/api/v1/learning/paths?q=nothing-like-it"), null)
			.andExpect(jsonPath("$.total").value(0));
		call(this.mentee, put("/api/v1/learning/paths/" + path + "/modules/" + first + "/completion"), null)
			.andExpect(status().isNotFound());
		call(this.mentee, post("/api/v1/learning/paths/" + path + "/enrolment"), null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.progressPct").value(0));
		call(this.mentee, post("/api/v1/learning/paths/" + path + "/enrolment"), null).andExpect(status().isOk());
		assertThat(count("SELECT COUNT(*) FROM user_learning_progress WHERE path_id = :id", path)).isEqualTo(1);

		for (long module : List.of(first, second)) {
			call(this.mentee, put("/api/v1/learning/paths/" + path + "/modules/" + module + "/completion"), null)
				.andExpect(status().isOk());
		}
		call(this.mentee, put("/api/v1/learning/paths/" + path + "/modules/" + first + "/completion"), null)
			.andExpect(jsonPath("$.progressPct").value(66))
			.andExpect(jsonPath("$.completedAt").doesNotExist());
		call(this.mentee, put("/api/v1/learning/paths/" + path + "/modules/" + third + "/completion"), null)
			.andExpect(jsonPath("$.progressPct").value(100))
			.andExpect(jsonPath("$.completedAt").isNotEmpty());
		call(this.mentee, delete("/api/v1/learning/paths/" + path + "/modules/" + second + "/completion"), null)
			.andExpect(jsonPath("$.progressPct").value(66))
			.andExpect(jsonPath("$.completedAt").doesNotExist());
		call(this.mentee, get("/api/v1/learning/mine"), null)
			.andExpect(jsonPath("$[0].pathId").value(path))
			.andExpect(jsonPath("$[0].completedModules").value(2));

		// Editing a module of the published path keeps its id and the completions.
		call(this.admin, put("/api/v1/learning/paths/" + path + "/modules/" + first),
				"{\"title\":\"Why we lead\",\"kind\":\"EXERCISE\",\"content\":\"Write it down\",\"estimatedMinutes\":25}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(first))
			.andExpect(jsonPath("$.kind").value("EXERCISE"));
		call(this.mentee, get("/api/v1/learning/paths/" + path), null)
			.andExpect(jsonPath("$.modules[0].completed").value(true))
			.andExpect(jsonPath("$.progress.progressPct").value(66));
	}

	@Test
	void badInputIsA400WithNothingWritten() throws Exception {
		long path = newPath("Validated");
		call(this.admin, post("/api/v1/learning/paths"), "{\"title\":\"  \",\"category\":\"x\"}")
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("title")));
		call(this.admin, post("/api/v1/learning/paths"), "{\"title\":\"No category\"}")
			.andExpect(status().isBadRequest());
		String[][] cases = {
				{ "{\"title\":\"\",\"kind\":\"READING\",\"content\":\"x\",\"estimatedMinutes\":5}", "title" },
				{ "{\"title\":\"T\",\"kind\":\"READING\",\"content\":\"x\",\"estimatedMinutes\":0}", "estimatedMinutes" },
				{ "{\"title\":\"T\",\"kind\":\"READING\",\"content\":\"x\",\"estimatedMinutes\":100000}", "estimatedMinutes" },
				{ "{\"title\":\"T\",\"kind\":\"READING\",\"content\":\"x\"}", "estimatedMinutes" },
				{ "{\"title\":\"T\",\"kind\":\"PODCAST\",\"content\":\"x\",\"estimatedMinutes\":5}", "kind" },
				{ "{\"title\":\"T\",\"kind\":\"VIDEO\",\"url\":\"javascript:alert(1)\",\"estimatedMinutes\":5}", "url" },
				{ "{\"title\":\"T\",\"kind\":\"EXTERNAL_LINK\",\"url\":\"ftp://example.org/x\",\"estimatedMinutes\":5}", "url" },
				{ "{\"title\":\"T\",\"kind\":\"VIDEO\",\"estimatedMinutes\":5}", "url" },
				{ "{\"title\":\"T\",\"kind\":\"EXERCISE\",\"estimatedMinutes\":5}", "content" },
				{ "{\"title\":\"T\",\"kind\":\"RESOURCE\",\"estimatedMinutes\":5}", "resourceId" },
				{ "{\"title\":\"T\",\"kind\":\"RESOURCE\",\"resourceId\":-3,\"estimatedMinutes\":5}", "resourceId" },
				// A draft of the library, and a published resource of another institution, are not for a module.
				{ "{\"title\":\"T\",\"kind\":\"RESOURCE\",\"resourceId\":" + org.mentorhub.resource.ResourceFixtures
					.resource(this.jdbc, this.college.id(), this.admin.id(), "Draft", false) + ",\"estimatedMinutes\":5}",
						"resourceId" },
				{ "{\"title\":\"T\",\"kind\":\"RESOURCE\",\"resourceId\":" + org.mentorhub.resource.ResourceFixtures
					.resource(this.jdbc, org.mentorhub.TestInstitutions.aCompany().build(this.jdbc).id(), this.admin.id(),
							"Theirs", true) + ",\"estimatedMinutes\":5}", "resourceId" } };
		for (String[] bad : cases) {
			call(this.admin, post("/api/v1/learning/paths/" + path + "/modules"), bad[0])
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("\"" + bad[1] + "\"")));
		}
		assertThat(count("SELECT COUNT(*) FROM learning_path_modules WHERE path_id = :id", path)).isZero();
		call(this.admin, get("/api/v1/learning/paths?size=0"), null).andExpect(status().isBadRequest());
		call(this.admin, get("/api/v1/learning/paths?status=ARCHIVED"), null).andExpect(status().isBadRequest());
		long module = addModule(path, "Fine");
		call(this.admin, post("/api/v1/learning/paths/" + path + "/modules/" + module + "/move"), "{\"direction\":\"sideways\"}")
			.andExpect(status().isBadRequest());
		call(this.admin, put("/api/v1/learning/paths/" + path), "{\"title\":\"Renamed\",\"category\":\"x\",\"version\":99}")
			.andExpect(status().isConflict());
		call(this.admin, put("/api/v1/learning/paths/" + path), "{\"title\":\"Renamed\",\"category\":\"x\"}")
			.andExpect(status().isBadRequest());
	}

	@Test
	void theWrongUserGetsNotFoundOrForbidden() throws Exception {
		long path = newPath("Ours");
		long module = addModule(path, "Only one");
		call(this.admin, post("/api/v1/learning/paths/" + path + "/publish"), null).andExpect(status().isOk());
		LearningFixtures.Planted other = LearningFixtures.path(this.jdbc, this.college.id(), "Another", true, 1);

		// A module of another path is not found.
		call(this.mentee, post("/api/v1/learning/paths/" + path + "/enrolment"), null).andExpect(status().isOk());
		call(this.mentee, put("/api/v1/learning/paths/" + path + "/modules/" + other.modules().get(0) + "/completion"), null)
			.andExpect(status().isNotFound());
		call(this.admin, delete("/api/v1/learning/paths/" + path + "/modules/" + other.modules().get(0)), null)
			.andExpect(status().isNotFound());

		// A mentee does not author: 403 on a published path, 404 on a draft they cannot see.
		call(this.mentee, post("/api/v1/learning/paths"), "{\"title\":\"Mine\",\"category\":\"x\"}")
			.andExpect(status().isForbidden());
		call(this.mentee, post("/api/v1/learning/paths/" + path + "/modules"),
				"{\"title\":\"T\",\"kind\":\"READING\",\"content\":\"x\",\"estimatedMinutes\":5}")
			.andExpect(status().isForbidden());
		long draft = newPath("Hidden draft");
		call(this.mentee, put("/api/v1/learning/paths/" + draft), "{\"title\":\"Taken\",\"category\":\"x\",\"version\":0}")
			.andExpect(status().isNotFound());
		call(this.mentee, get("/api/v1/learning/paths?status=DRAFT"), null).andExpect(status().isForbidden());
		call(this.mentee, get("/api/v1/learning/paths"), null)
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Hidden draft"))));

		// Another institution's path and person are not found.
		TestInstitution company = aCompany().withDepartment("OPS").build(this.jdbc);
		Account outsider = company.anAdmin().create(this.jdbc);
		Account outsiderMentee = company.aMentee().inDepartment("OPS").create(this.jdbc);
		call(outsider, get("/api/v1/learning/paths/" + path), null).andExpect(status().isNotFound());
		call(outsider, post("/api/v1/learning/paths/" + path + "/unpublish"), null).andExpect(status().isNotFound());
		call(outsiderMentee, post("/api/v1/learning/paths/" + path + "/enrolment"), null).andExpect(status().isNotFound());
		call(this.mentor, post("/api/v1/learning/recommendations"),
				"{\"pathId\":" + path + ",\"menteeId\":" + outsiderMentee.id() + "}")
			.andExpect(status().isNotFound());

		// Only an active mentee may be recommended a path.
		Account notMine = this.college.aMentee().inDepartment("CS").create(this.jdbc);
		call(this.mentor, post("/api/v1/learning/recommendations"), "{\"pathId\":" + path + ",\"menteeId\":" + notMine.id() + "}")
			.andExpect(status().isNotFound());
		Account paused = this.college.aMentee().inDepartment("CS").create(this.jdbc);
		TestMentorships.plant(this.jdbc, this.mentor, paused, "PAUSED");
		call(this.mentor, post("/api/v1/learning/recommendations"), "{\"pathId\":" + path + ",\"menteeId\":" + paused.id() + "}")
			.andExpect(status().isNotFound());
		call(this.mentor, post("/api/v1/learning/recommendations"), "{\"pathId\":" + draft + ",\"menteeId\":" + this.mentee.id() + "}")
			.andExpect(status().isNotFound());
		call(this.mentor, post("/api/v1/learning/recommendations"), "{\"menteeId\":" + this.mentee.id() + "}")
			.andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM learning_recommendations WHERE mentor_id = :id")
			.param("id", this.mentor.id()).query(Long.class).single()).isZero();
	}

	@Test
	void aMentorRecommendsOnceAndSeesTheirMenteesProgressWhichIsAudited() throws Exception {
		LearningFixtures.Planted path = LearningFixtures.path(this.jdbc, this.college.id(), "Presenting", true, 4);
		long progress = LearningFixtures.enrol(this.jdbc, this.mentee.id(), path, 1);
		call(this.mentor, post("/api/v1/learning/recommendations"),
				"{\"pathId\":" + path.id() + ",\"menteeId\":" + this.mentee.id() + ",\"note\":\"Try it\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.mentorName").value("Max Mentor"))
			.andExpect(jsonPath("$.note").value("Try it"));
		call(this.mentor, post("/api/v1/learning/recommendations"),
				"{\"pathId\":" + path.id() + ",\"menteeId\":" + this.mentee.id() + "}")
			.andExpect(status().isConflict());
		call(this.mentee, get("/api/v1/learning/recommendations/mine"), null)
			.andExpect(jsonPath("$[0].pathTitle").value("Presenting"));
		call(this.mentor, get("/api/v1/learning/mentees"), null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].menteeName").value("Lia Learner"))
			.andExpect(jsonPath("$[0].paths[0].progressPct").value(25))
			.andExpect(jsonPath("$[0].recommendations[0].pathId").value(path.id()));
		List<Map<String, Object>> reads = this.jdbc.sql("""
				SELECT user_id FROM audit_logs WHERE action = 'LEARNING_PROGRESS_READ'
				AND entity = 'user_learning_progress' AND entity_id = :id""")
			.param("id", String.valueOf(progress))
			.query()
			.listOfRows();
		assertThat(reads).extracting(row -> ((Number) row.get("user_id")).longValue()).containsExactly(this.mentor.id());
		// Another mentor sees nobody.
		Account stranger = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		call(stranger, get("/api/v1/learning/mentees"), null).andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void aPublishedPathIsUnpublishedBeforeItIsDeleted() throws Exception {
		long path = newPath("Short lived");
		addModule(path, "One");
		call(this.admin, post("/api/v1/learning/paths/" + path + "/publish"), null).andExpect(status().isOk());
		call(this.admin, delete("/api/v1/learning/paths/" + path), null).andExpect(status().isConflict());
		call(this.admin, post("/api/v1/learning/paths/" + path + "/unpublish"), null)
			.andExpect(jsonPath("$.status").value("DRAFT"));
		call(this.admin, get("/api/v1/learning/paths?status=DRAFT"), null)
			.andExpect(content().string(containsString("Short lived")));
		call(this.admin, delete("/api/v1/learning/paths/" + path), null).andExpect(status().isNoContent());
		assertThat(count("SELECT COUNT(*) FROM learning_paths WHERE id = :id", path)).isZero();
	}

}
