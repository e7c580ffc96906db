package org.mentorhub.resource;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.StatementCounter;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.attachment.TestDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The library pages: the form with its errors beside the fields (400, nothing written), the library's
 * cards, search and htmx results, the resource page with its content and comments, the tombstone,
 * stored XSS payloads shown as text everywhere, another institution's resource as 404, and a fixed
 * number of statements for the library and the resource page whatever the number of rows.
 */
@MentorHubIntegrationTest
class ResourcePagesIntegrationTests {

	static final String XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	TestInstitution college;

	Account admin;

	Account coordinator;

	Account mentee;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
		this.admin = this.college.anAdmin().create(this.jdbc);
		this.coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		this.mentee = this.college.aMentee().inDepartment("CS").create(this.jdbc);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	long resources() {
		return this.jdbc.sql("SELECT COUNT(*) FROM resources WHERE institution_id = :i").param("i", this.college.id())
			.query(Long.class).single();
	}

	@Test
	void theFormShowsItsProblemsBesideTheFieldsAndWritesNothing() throws Exception {
		this.mvc.perform(get("/resources/new").with(as(this.admin))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"resource-form\"")));
		this.mvc.perform(get("/resources/new").with(as(this.mentee))).andExpect(status().isForbidden());
		this.mvc.perform(post("/resources").with(as(this.admin)).with(csrf())
			.param("title", "Bad link").param("type", "STORY").param("url", "javascript:alert(1)"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("url-error")))
			.andExpect(content().string(containsString("starts with http:// or https://")));
		this.mvc.perform(post("/resources").with(as(this.admin)).with(csrf())
			.param("title", "Bad type").param("type", "PODCAST").param("url", "https://example.org"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Unknown type")));
		this.mvc.perform(multipart("/resources").file(new MockMultipartFile("file", "x.pdf", "application/pdf",
				"<html><script>alert(1)</script></html>".getBytes()))
			.param("title", "Polyglot").param("type", "GUIDEBOOK").with(as(this.admin)).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("file-error")));
		assertThat(resources()).isZero();
		this.mvc.perform(multipart("/resources").file(new MockMultipartFile("file", "guide.pdf", "application/pdf",
				TestDocuments.pdf("guide")))
			.param("title", "Guide").param("type", "GUIDEBOOK").param("tags", "handbook").param("publish", "true")
			.with(as(this.admin)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/resources/*?saved=created"));
		assertThat(resources()).isOne();
	}

	@Test
	void storedXssIsInertInTheLibraryAndOnTheResourcePage() throws Exception {
		long id = ResourceFixtures.resource(this.jdbc, this.college.id(), this.admin.id(), "Title " + XSS, true);
		this.jdbc.sql("UPDATE resources SET description = :d, category = :c WHERE id = :id")
			.param("d", "Description " + XSS).param("c", "cat" + XSS).param("id", id).update();
		ResourceFixtures.tag(this.jdbc, id, this.college.id(), "tag" + XSS);
		ResourceFixtures.comment(this.jdbc, id, this.mentee.id(), "Comment " + XSS);
		for (String uri : List.of("/resources", "/resources?tag=tag" + XSS, "/resources/" + id)) {
			this.mvc.perform(get("/resources").param("q", "").with(as(this.mentee))).andExpect(status().isOk());
			this.mvc.perform(get(uri.startsWith("/resources?") ? "/resources" : uri)
				.param("tag", uri.startsWith("/resources?") ? "tag" + XSS : "").with(as(this.mentee)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("<script>alert"))))
				.andExpect(content().string(not(containsString("<img src=x"))))
				.andExpect(content().string(containsString("&lt;script&gt;alert(")));
		}
		this.mvc.perform(get("/api/v1/resources/" + id).with(as(this.mentee)))
			.andExpect(content().contentTypeCompatibleWith("application/json"));
	}

	@Test
	void theLibrarySearchesFiltersAndAnswersHtmxWithTheResultsOnly() throws Exception {
		long guide = ResourceFixtures.resource(this.jdbc, this.college.id(), this.admin.id(), "Breathing guide", true);
		ResourceFixtures.tag(this.jdbc, guide, this.college.id(), "wellbeing");
		long draft = ResourceFixtures.resource(this.jdbc, this.college.id(), this.admin.id(), "Secret draft", false);
		this.mvc.perform(get("/resources").param("tag", "Wellbeing").with(as(this.mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("resource-" + guide)))
			.andExpect(content().string(containsString("bi-book")))
			.andExpect(content().string(not(containsString("Secret draft"))));
		this.mvc.perform(get("/resources").param("q", "secret").with(as(this.coordinator)))
			.andExpect(content().string(containsString("resource-" + draft)));
		this.mvc.perform(get("/resources").param("q", "breathing").header("HX-Request", "true").with(as(this.mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("library-results")))
			.andExpect(content().string(not(containsString("<html"))));
		this.mvc.perform(get("/resources").param("type", "PODCAST").with(as(this.mentee))).andExpect(status().isBadRequest());
	}

	@Test
	void aCommentIsPostedRemovedToATombstoneAndRefusedWhenEmptyOrOnADraft() throws Exception {
		long id = ResourceFixtures.resource(this.jdbc, this.college.id(), this.admin.id(), "Guide", true);
		this.mvc.perform(post("/resources/" + id + "/comments").param("content", "  ").with(as(this.mentee)).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("content-error")))
			.andExpect(content().string(containsString("Write a comment.")));
		this.mvc.perform(post("/resources/" + id + "/comments").param("content", "Helpful").with(as(this.mentee)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		long comment = this.jdbc.sql("SELECT id FROM resource_comments WHERE resource_id = :r").param("r", id)
			.query(Long.class).single();
		this.mvc.perform(post("/resources/comments/" + comment + "/remove").with(as(this.coordinator)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/resources/" + id).with(as(this.mentee)))
			.andExpect(content().string(containsString("Comment removed by a moderator")))
			.andExpect(content().string(not(containsString("Helpful"))));

		long draft = ResourceFixtures.resource(this.jdbc, this.college.id(), this.admin.id(), "Draft", false);
		this.mvc.perform(post("/resources/" + draft + "/comments").param("content", "Early").with(as(this.admin)).with(csrf()))
			.andExpect(status().isConflict());
		this.mvc.perform(post("/resources/" + draft + "/comments").param("content", "Early").with(as(this.mentee)).with(csrf()))
			.andExpect(status().isNotFound());
		TestInstitution other = aCompany().build(this.jdbc);
		long theirs = ResourceFixtures.resource(this.jdbc, other.id(), other.anAdmin().create(this.jdbc).id(), "Theirs", true);
		this.mvc.perform(get("/resources/" + theirs).with(as(this.admin))).andExpect(status().isNotFound());
		this.mvc.perform(post("/resources/" + theirs + "/comments").param("content", "Hi").with(as(this.mentee)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM resource_comments WHERE resource_id IN (:r)")
			.param("r", List.of(draft, theirs)).query(Long.class).single()).isZero();
	}

	@Test
	void theLibraryAndTheResourcePageTakeAFixedNumberOfStatements() throws Exception {
		long pdf = ResourceFixtures.pdfResource(this.jdbc, this.college.id(), this.admin.id(), "Counted", "counted");
		grow(pdf, 2);
		long library = count("/resources", this.mentee);
		long libraryApi = count("/api/v1/resources", this.mentee);
		long discussed = count("/resources?sort=discussed&q=resource", this.coordinator);
		long page = count("/resources/" + pdf, this.mentee);
		long pageApi = count("/api/v1/resources/" + pdf, this.mentee);
		grow(pdf, 8);
		assertThat(count("/resources", this.mentee)).isEqualTo(library);
		assertThat(count("/api/v1/resources", this.mentee)).isEqualTo(libraryApi);
		assertThat(count("/resources?sort=discussed&q=resource", this.coordinator)).isEqualTo(discussed);
		assertThat(count("/resources/" + pdf, this.mentee)).isEqualTo(page);
		assertThat(count("/api/v1/resources/" + pdf, this.mentee)).isEqualTo(pageApi);
		assertThat(List.of(library, libraryApi, discussed, page, pageApi)).allMatch(n -> n <= 20);
	}

	long count(String uri, Account who) throws Exception {
		this.mvc.perform(get(uri).with(as(who))).andExpect(status().isOk());
		return StatementCounter.count(() -> this.mvc.perform(get(uri).with(as(who))).andExpect(status().isOk()));
	}

	/** More resources with tags and comments, and more comments on the counted page. */
	void grow(long counted, int n) {
		for (int i = 0; i < n; i++) {
			long r = ResourceFixtures.resource(this.jdbc, this.college.id(), this.admin.id(), "Resource " + i, i % 3 != 0);
			ResourceFixtures.tag(this.jdbc, r, this.college.id(), "topic" + (i % 4));
			ResourceFixtures.tag(this.jdbc, r, this.college.id(), "extra" + i + "-" + counted);
			ResourceFixtures.comment(this.jdbc, r, this.mentee.id(), "On " + i);
			ResourceFixtures.comment(this.jdbc, counted, i % 2 == 0 ? this.mentee.id() : this.coordinator.id(), "More " + i);
		}
	}

}
