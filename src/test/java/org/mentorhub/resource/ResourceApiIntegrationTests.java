package org.mentorhub.resource;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.CapturedEvents;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.attachment.TestDocuments;
import org.mentorhub.platform.AbuseReported;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The library API: who adds, publishes, sees and comments on resources, bad input as 400 problem JSON
 * with nothing written (an unknown type, a link that is not http or https, a polyglot file, an empty
 * comment), comments on drafts (409) and on another institution's resources (404), moderation's
 * tombstone, reports and shares as events, and the settings that let mentors add resources.
 */
@MentorHubIntegrationTest
class ResourceApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationContext context;

	TestInstitution college;

	Account admin;

	Account coordinator;

	Account mentor;

	Account mentee;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").withDepartment("BUS").build(this.jdbc);
		this.admin = this.college.anAdmin().create(this.jdbc);
		this.coordinator = this.college.aCoordinator().inDepartment("BUS").create(this.jdbc);
		this.mentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		this.mentee = this.college.aMentee().inDepartment("CS").create(this.jdbc);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	ResultActions create(Account caller, String json) throws Exception {
		return this.mvc.perform(post("/api/v1/resources").with(as(caller)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(json));
	}

	ResultActions upload(Account caller, String name, String mime, byte[] content, String type) throws Exception {
		return this.mvc.perform(multipart("/api/v1/resources").file(new MockMultipartFile("file", name, mime, content))
			.param("title", "Uploaded").param("type", type).param("tags", "handbook, First Year")
			.with(as(caller)).with(csrf()).accept(MediaType.APPLICATION_JSON));
	}

	ResultActions comment(Account caller, long resource, String json) throws Exception {
		return this.mvc.perform(post("/api/v1/resources/" + resource + "/comments").with(as(caller)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(json));
	}

	long id(ResultActions result) throws Exception {
		String body = result.andReturn().getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*$", "$1"));
	}

	long resources() {
		return this.jdbc.sql("SELECT COUNT(*) FROM resources WHERE institution_id = :i").param("i", this.college.id())
			.query(Long.class).single();
	}

	long comments(long resource) {
		return this.jdbc.sql("SELECT COUNT(*) FROM resource_comments WHERE resource_id = :r").param("r", resource)
			.query(Long.class).single();
	}

	@Test
	void anAdministratorUploadsAPdfGuidebookThatIsADraftUntilPublished() throws Exception {
		long id = id(upload(this.admin, "guide.pdf", "application/pdf", TestDocuments.pdf("guide"), "guidebook")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.type").value("GUIDEBOOK"))
			.andExpect(jsonPath("$.published").value(false))
			.andExpect(jsonPath("$.fileType").value("application/pdf"))
			.andExpect(jsonPath("$.tags.length()").value(2)));
		// A draft is not found by a mentee, in the list or by id.
		this.mvc.perform(get("/api/v1/resources/" + id).with(as(this.mentee))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/resources?tag=handbook").with(as(this.mentee)))
			.andExpect(jsonPath("$.total").value(0));
		comment(this.admin, id, "{\"content\":\"Early\"}").andExpect(status().isConflict());

		this.mvc.perform(post("/api/v1/resources/" + id + "/publication").with(as(this.coordinator)).with(csrf()))
			.andExpect(status().isOk()).andExpect(jsonPath("$.published").value(true));
		this.mvc.perform(post("/api/v1/resources/" + id + "/publication").with(as(this.admin)).with(csrf()))
			.andExpect(status().isConflict());
		this.mvc.perform(get("/api/v1/resources?tag=HANDBOOK").with(as(this.mentee)))
			.andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(id));
		this.mvc.perform(get("/api/v1/resources").param("q", "first year").param("type", "GUIDEBOOK").with(as(this.mentee)))
			.andExpect(jsonPath("$.total").value(1));
		this.mvc.perform(get("/api/v1/resources/" + id + "/file").with(as(this.mentee)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", containsString("inline")))
			.andExpect(header().string("Content-Security-Policy", ResourceFiles.CONTENT_SECURITY_POLICY));
		// The generic attachment endpoints know the type now, with the resource's rules.
		this.mvc.perform(get("/api/v1/attachments/resource/" + id).with(as(this.mentee)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.mayAdd").value(false));

		this.mvc.perform(delete("/api/v1/resources/" + id + "/publication").with(as(this.mentor)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete("/api/v1/resources/" + id + "/publication").with(as(this.admin)).with(csrf()))
			.andExpect(status().isOk()).andExpect(jsonPath("$.published").value(false));
	}

	@Test
	void badInputIsRefusedWithNothingWritten() throws Exception {
		long before = resources();
		create(this.admin, "{\"title\":\"T\",\"type\":\"PODCAST\",\"url\":\"https://example.org\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("type"));
		for (String url : new String[] { "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,hi",
				"ftp://example.org/x", "//example.org/x", "/relative", "https://", "vbscript:msgbox" }) {
			create(this.admin, "{\"title\":\"T\",\"type\":\"STORY\",\"url\":\"" + url + "\"}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("url"));
		}
		create(this.admin, "{\"title\":\"\",\"type\":\"STORY\",\"url\":\"https://example.org\"}")
			.andExpect(status().isBadRequest());
		create(this.admin, "{\"title\":\"T\",\"type\":\"STORY\"}").andExpect(status().isBadRequest());
		// A polyglot: HTML with a script behind a GIF header, named .pdf; the content decides (a GIF is no resource).
		byte[] polyglot = "GIF89a/*<html><script>alert(1)</script>*/".getBytes(StandardCharsets.US_ASCII);
		upload(this.admin, "guide.pdf", "application/pdf", polyglot, "GUIDEBOOK")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		upload(this.admin, "page.pdf", "application/pdf",
				"<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII), "GUIDEBOOK")
			.andExpect(status().isBadRequest());
		upload(this.admin, "setup.pdf", "application/pdf", TestDocuments.exe(), "GUIDEBOOK")
			.andExpect(status().isBadRequest());
		assertThat(resources()).isEqualTo(before);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM attachments WHERE related_type = 'RESOURCE' AND institution_id = :i")
			.param("i", this.college.id()).query(Long.class).single()).isZero();
	}

	@Test
	void onlyAdministratorsAndCoordinatorsAddUnlessTheInstitutionLetsMentors() throws Exception {
		String link = "{\"title\":\"Link\",\"type\":\"COURSE\",\"url\":\"https://example.org/c\"}";
		create(this.mentor, link).andExpect(status().isForbidden());
		create(this.mentee, link).andExpect(status().isForbidden());
		this.mvc.perform(put("/api/v1/resources/settings").with(as(this.coordinator)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"mentorsMayAdd\":true}")).andExpect(status().isForbidden());
		this.mvc.perform(put("/api/v1/resources/settings").with(as(this.admin)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"mentorsMayAdd\":true}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.mentorsMayAdd").value(true));
		create(this.mentor, link).andExpect(status().isCreated()).andExpect(jsonPath("$.uploaderId").value(this.mentor.id()));
		create(this.mentee, link).andExpect(status().isForbidden());
	}

	@Test
	void commentsAreEditedByTheirAuthorAndRemovedByModeratorsLeavingATombstone() throws Exception {
		long resource = ResourceFixtures.resource(this.jdbc, this.college.id(), this.admin.id(), "Guide", true);
		comment(this.mentee, resource, "{\"content\":\"   \"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("content"));
		comment(this.mentee, resource, "{}").andExpect(status().isBadRequest());
		assertThat(comments(resource)).isZero();
		long comment = id(comment(this.mentee, resource, "{\"content\":\"<script>alert(1)</script> Helpful\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.content").value("<script>alert(1)</script> Helpful")));

		this.mvc.perform(put("/api/v1/resources/comments/" + comment).with(as(this.mentor)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"content\":\"Hijacked\"}")).andExpect(status().isForbidden());
		this.mvc.perform(put("/api/v1/resources/comments/" + comment).with(as(this.mentee)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"content\":\"Very helpful\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.edited").value(true));
		this.mvc.perform(post("/api/v1/resources/comments/" + comment + "/removal").with(as(this.mentor)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete("/api/v1/resources/comments/" + comment).with(as(this.coordinator)).with(csrf()))
			.andExpect(status().isForbidden());

		this.mvc.perform(post("/api/v1/resources/comments/" + comment + "/removal").with(as(this.coordinator)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.removed").value(true))
			.andExpect(jsonPath("$.content").doesNotExist());
		this.mvc.perform(get("/api/v1/resources/" + resource).with(as(this.mentor)))
			.andExpect(jsonPath("$.comments.length()").value(1))
			.andExpect(jsonPath("$.comments[0].removed").value(true))
			.andExpect(jsonPath("$.comments[0].authorName").doesNotExist());
		assertThat(this.jdbc.sql("SELECT content FROM resource_comments WHERE id = :c").param("c", comment)
			.query(String.class).single()).isEmpty();
		this.mvc.perform(post("/api/v1/resources/comments/" + comment + "/removal").with(as(this.admin)).with(csrf()))
			.andExpect(status().isConflict());

		long own = id(comment(this.mentor, resource, "{\"content\":\"Mine\"}"));
		this.mvc.perform(delete("/api/v1/resources/comments/" + own).with(as(this.mentor)).with(csrf()))
			.andExpect(status().isNoContent());
		assertThat(comments(resource)).isOne();
	}

	@Test
	void anotherInstitutionsResourcesAndCommentsAreNotFound() throws Exception {
		TestInstitution other = aCompany().build(this.jdbc);
		Account otherAdmin = other.anAdmin().create(this.jdbc);
		long theirs = ResourceFixtures.resource(this.jdbc, other.id(), otherAdmin.id(), "Theirs", true);
		long theirComment = ResourceFixtures.comment(this.jdbc, theirs, otherAdmin.id(), "Their comment");
		this.mvc.perform(get("/api/v1/resources/" + theirs).with(as(this.admin))).andExpect(status().isNotFound());
		comment(this.mentee, theirs, "{\"content\":\"Hello\"}").andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/resources/comments/" + theirComment + "/removal").with(as(this.admin)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/resources/" + theirs + "/file").with(as(this.admin))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/attachments/resource/" + theirs).with(as(this.admin))).andExpect(status().isNotFound());
		assertThat(comments(theirs)).isOne();
		this.mvc.perform(get("/api/v1/resources?q=Theirs").with(as(this.admin))).andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void aReportQuotesOnlyTheCommentAndAShareNamesTheMentee() throws Exception {
		long resource = ResourceFixtures.resource(this.jdbc, this.college.id(), this.admin.id(), "Guide", true);
		long comment = ResourceFixtures.comment(this.jdbc, resource, this.mentor.id(), "Rude words");
		ResourceFixtures.comment(this.jdbc, resource, this.mentee.id(), "Another comment");
		try (CapturedEvents<AbuseReported> reports = CapturedEvents.of(this.context, AbuseReported.class);
				CapturedEvents<ResourceShared> shares = CapturedEvents.of(this.context, ResourceShared.class)) {
			this.mvc.perform(post("/api/v1/resources/comments/" + comment + "/reports").with(as(this.mentee)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Unkind\"}")).andExpect(status().isAccepted());
			assertThat(reports.matching(r -> r.itemId() == comment)).singleElement().satisfies(r -> {
				assertThat(r.itemKind()).isEqualTo("RESOURCE_COMMENT");
				assertThat(r.quotedText()).isEqualTo("Rude words");
				assertThat(r.reportedUserId()).isEqualTo(this.mentor.id());
				assertThat(r.institutionId()).isEqualTo(this.college.id());
				assertThat(r.reason()).isEqualTo("Unkind");
			});

			String share = "{\"menteeId\":" + this.mentee.id() + ",\"note\":\"Read this\"}";
			this.mvc.perform(post("/api/v1/resources/" + resource + "/shares").with(as(this.mentor)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(share)).andExpect(status().isNotFound());
			TestMentorships.plant(this.jdbc, this.mentor, this.mentee, "ACTIVE");
			this.mvc.perform(post("/api/v1/resources/" + resource + "/shares").with(as(this.mentor)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(share)).andExpect(status().isAccepted());
			assertThat(shares.matching(s -> s.resourceId() == resource)).singleElement().satisfies(s -> {
				assertThat(s.menteeId()).isEqualTo(this.mentee.id());
				assertThat(s.mentorId()).isEqualTo(this.mentor.id());
				assertThat(s.note()).isEqualTo("Read this");
			});
		}
	}

	@Test
	void unknownFiltersAreBadRequests() throws Exception {
		this.mvc.perform(get("/api/v1/resources?type=PODCAST").with(as(this.mentee))).andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/resources?sort=oldest").with(as(this.mentee))).andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/resources?size=0").with(as(this.mentee))).andExpect(status().isBadRequest());
	}

}
