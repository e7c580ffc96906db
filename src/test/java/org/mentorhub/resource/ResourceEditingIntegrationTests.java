package org.mentorhub.resource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.attachment.TestDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Changing and deleting a resource: the uploader and the moderators do it (403 for another member, 404
 * for another institution), with the input rules of a new resource (400 with nothing changed), a file
 * resource keeps its file (a link is refused), deleting takes its tags, comments and file along, and
 * each change and deletion leaves an audit row with the state before.
 */
@MentorHubIntegrationTest
class ResourceEditingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	TestInstitution college;

	Account admin;

	Account coordinator;

	Account mentor;

	Account mentee;

	Account outsider;

	long resource;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").withDepartment("BUS").build(this.jdbc);
		this.admin = this.college.anAdmin().create(this.jdbc);
		this.coordinator = this.college.aCoordinator().inDepartment("BUS").create(this.jdbc);
		this.mentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		this.mentee = this.college.aMentee().inDepartment("CS").create(this.jdbc);
		TestInstitution other = aUniversity().withDepartment("CS").build(this.jdbc);
		this.outsider = other.anAdmin().create(this.jdbc);
		this.resource = ResourceFixtures.resource(this.jdbc, this.college.id(), this.mentor.id(), "Study skills", true);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	ResultActions change(Account caller, long id, String json) throws Exception {
		return this.mvc.perform(put("/api/v1/resources/" + id).with(as(caller)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(json));
	}

	String title(long id) {
		return this.jdbc.sql("SELECT title FROM resources WHERE id = :id").param("id", id).query(String.class).single();
	}

	long audits(String action, long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = :a AND entity_id = :id")
			.param("a", action)
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single();
	}

	@Test
	void theUploaderChangesEverythingAndTheChangeIsAudited() throws Exception {
		change(this.mentor, this.resource, """
				{"title":"Study skills, second edition","type":"course","category":"skills","tags":["Exams","Focus"],
				 "url":"https://example.org/second","description":"Updated."}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Study skills, second edition"))
			.andExpect(jsonPath("$.type").value("COURSE"))
			.andExpect(jsonPath("$.url").value("https://example.org/second"))
			.andExpect(jsonPath("$.tags.length()").value(2))
			.andExpect(jsonPath("$.published").value(true));
		assertThat(audits("RESOURCE_UPDATED", this.resource)).isEqualTo(1);
		String before = this.jdbc.sql("SELECT before_state FROM audit_logs WHERE action = 'RESOURCE_UPDATED' AND entity_id = :id")
			.param("id", String.valueOf(this.resource))
			.query(String.class)
			.single();
		assertThat(before).contains("Study skills").contains("GUIDEBOOK");
	}

	@Test
	void moderatorsOfAnyDepartmentChangeItAndOtherMembersAreRefused() throws Exception {
		change(this.coordinator, this.resource, "{\"title\":\"By the coordinator\",\"type\":\"STORY\",\"url\":\"https://example.org/c\"}")
			.andExpect(status().isOk());
		change(this.mentee, this.resource, "{\"title\":\"By the mentee\",\"type\":\"STORY\",\"url\":\"https://example.org/m\"}")
			.andExpect(status().isForbidden());
		change(this.outsider, this.resource, "{\"title\":\"By an outsider\",\"type\":\"STORY\",\"url\":\"https://example.org/o\"}")
			.andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/v1/resources/" + this.resource).with(as(this.mentee)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete("/api/v1/resources/" + this.resource).with(as(this.outsider)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(title(this.resource)).isEqualTo("By the coordinator");
	}

	@Test
	void badInputIsRefusedWithNothingChanged() throws Exception {
		change(this.mentor, this.resource, "{\"title\":\"\",\"type\":\"poem\",\"url\":\"javascript:alert(1)\"}")
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("title")))
			.andExpect(content().string(containsString("type")))
			.andExpect(content().string(containsString("url")));
		change(this.mentor, this.resource, "{\"title\":\"No link\",\"type\":\"STORY\"}")
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Give the web link")));
		change(this.mentor, this.resource, "{\"title\":\"" + "x".repeat(Resources.MAX_TITLE + 1) + "\",\"type\":\"STORY\",\"url\":\"https://example.org/x\"}")
			.andExpect(status().isBadRequest());
		this.mvc.perform(put("/api/v1/resources/" + this.resource).with(as(this.mentor)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"title\":")).andExpect(status().isBadRequest());
		assertThat(title(this.resource)).isEqualTo("Study skills");
		assertThat(audits("RESOURCE_UPDATED", this.resource)).isZero();
	}

	@Test
	void aFileResourceKeepsItsFileAndDeletingItRemovesTheFileCommentsAndTags() throws Exception {
		String body = this.mvc.perform(multipart("/api/v1/resources")
			.file(new MockMultipartFile("file", "guide.pdf", "application/pdf", TestDocuments.pdf("guide")))
			.param("title", "Guide").param("type", "GUIDEBOOK").param("tags", "handbook")
			.with(as(this.admin)).with(csrf()).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long file = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*$", "$1"));
		change(this.admin, file, "{\"title\":\"Guide\",\"type\":\"GUIDEBOOK\",\"url\":\"https://example.org/instead\"}")
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This resource is a file")));
		change(this.admin, file, "{\"title\":\"The guide\",\"type\":\"GUIDEBOOK\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.fileType").value("application/pdf"));
		ResourceFixtures.comment(this.jdbc, file, this.mentee.id(), "Useful");

		this.mvc.perform(delete("/api/v1/resources/" + file).with(as(this.admin)).with(csrf()))
			.andExpect(status().isNoContent());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM resources WHERE id = :id").param("id", file).query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM resource_comments WHERE resource_id = :id").param("id", file)
			.query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM resource_tags WHERE resource_id = :id").param("id", file)
			.query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM attachments WHERE related_type = 'RESOURCE' AND related_id = :id")
			.param("id", file).query(Long.class).single()).isZero();
		assertThat(audits("RESOURCE_DELETED", file)).isEqualTo(1);
		this.mvc.perform(get("/api/v1/resources/" + file).with(as(this.admin))).andExpect(status().isNotFound());
	}

	@Test
	void thePagesEditAndDeleteWithErrorsInline() throws Exception {
		this.mvc.perform(get("/resources/" + this.resource + "/edit").with(as(this.mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Study skills")))
			.andExpect(content().string(containsString("https://example.org/r")));
		this.mvc.perform(get("/resources/" + this.resource + "/edit").with(as(this.mentee)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/resources/" + this.resource + "/edit").with(as(this.mentor)).with(csrf())
			.param("title", "").param("type", "STORY").param("url", "https://example.org/p"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Give the resource a title.")));
		this.mvc.perform(post("/resources/" + this.resource + "/edit").with(as(this.mentor)).with(csrf())
			.param("title", "Renamed").param("type", "STORY").param("url", "https://example.org/p").param("tags", "a, b"))
			.andExpect(redirectedUrl("/resources/" + this.resource + "?saved=updated"));
		assertThat(title(this.resource)).isEqualTo("Renamed");
		this.mvc.perform(get("/resources/" + this.resource).with(as(this.mentor)))
			.andExpect(content().string(containsString("resource-delete")));
		this.mvc.perform(post("/resources/" + this.resource + "/delete").with(as(this.mentor)).with(csrf()))
			.andExpect(redirectedUrl("/resources?saved=deleted"));
		this.mvc.perform(get("/resources?saved=deleted").with(as(this.mentor)))
			.andExpect(content().string(containsString("The resource was deleted.")));
	}

}
