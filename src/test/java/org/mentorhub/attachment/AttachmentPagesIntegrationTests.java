package org.mentorhub.attachment;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.goal.GoalFixtures;
import org.mentorhub.session.SessionNotesFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The attachment pages: the section on the goal page and the files of each update in its timeline, the
 * upload form (back to the record's page or the files page; a refused file shown beside the field with
 * 400, or in the swapped section with htmx), the goal update form with an optional file (a refused file
 * refuses the update), delete, and the files pages of sessions and mentorships; strangers get 404.
 */
@MentorHubIntegrationTest
@TestPropertySource(properties = "mentorhub.files.quota-per-owner=64KB")
class AttachmentPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	TestInstitution college;

	Account mentee;

	Account mentor;

	Account stranger;

	long mentorship;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
		this.mentee = this.college.aMentee().inDepartment("CS").create(this.jdbc);
		this.mentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		this.stranger = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		this.mentorship = TestMentorships.plant(this.jdbc, this.mentor, this.mentee, "ACTIVE");
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	static MockMultipartFile file(String name, byte[] content) {
		return new MockMultipartFile("file", name, "application/octet-stream", content);
	}

	long count(String type) {
		return this.jdbc.sql("SELECT COUNT(*) FROM attachments a WHERE a.related_type = :t AND a.owner_id IN (:o)")
			.param("t", type)
			.param("o", java.util.List.of(this.mentee.id(), this.mentor.id()))
			.query(Long.class)
			.single();
	}

	@Test
	void theGoalPageUploadsListsAndDeletesFilesWithoutJavaScript() throws Exception {
		long goal = GoalFixtures.goal(this.jdbc, this.mentee, "Finish the thesis", null);
		this.mvc.perform(get("/goals/" + goal).with(as(this.mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"attachments\"")))
			.andExpect(content().string(containsString("attachment-upload-form")));

		this.mvc.perform(multipart("/attachments/goal/" + goal).file(file("Plan.pdf", TestDocuments.pdf("p")))
			.param("back", "record").with(as(this.mentee)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/goals/" + goal + "?files=saved#attachments"));
		long id = this.jdbc.sql("SELECT id FROM attachments WHERE related_type = 'GOAL' AND related_id = :g")
			.param("g", goal).query(Long.class).single();
		this.mvc.perform(get("/goals/" + goal).param("files", "saved").with(as(this.mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Plan.pdf")))
			.andExpect(content().string(containsString("/attachments/" + id + "/content")))
			.andExpect(content().string(containsString("The file is uploaded.")))
			.andExpect(content().string(not(containsString("delete-attachment-" + id))));

		this.mvc.perform(post("/attachments/" + id + "/delete").param("back", "record").with(as(this.stranger)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/attachments/" + id + "/delete").with(as(this.mentee)).with(csrf()))
			.andExpect(redirectedUrl("/attachments/goal/" + goal + "?files=deleted#attachments"));
		assertThat(count("GOAL")).isZero();
	}

	@Test
	void aRefusedFileIsShownBesideTheFieldWithAndWithoutHtmx() throws Exception {
		long goal = GoalFixtures.goal(this.jdbc, this.mentee, "Finish the thesis", null);
		this.mvc.perform(multipart("/attachments/goal/" + goal).file(file("invoice.pdf", TestDocuments.exe()))
			.with(as(this.mentee)).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("attachment-problem")))
			.andExpect(content().string(containsString("not an allowed type")));
		this.mvc.perform(multipart("/attachments/goal/" + goal).file(file("macro.docx", TestDocuments.docxWithMacros()))
			.header("HX-Request", "true").with(as(this.mentee)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("contains macros")))
			.andExpect(content().string(not(containsString("<html"))));
		this.mvc.perform(multipart("/attachments/goal/" + goal).file(file("notes.txt", "Notes".getBytes(StandardCharsets.UTF_8)))
			.header("HX-Request", "true").with(as(this.mentee)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("notes.txt")))
			.andExpect(content().string(containsString("The file is uploaded.")));
		assertThat(count("GOAL")).isEqualTo(1);
	}

	@Test
	void aGoalUpdateTakesAnOptionalFileShownInItsTimelineAndARefusedFileRefusesTheUpdate() throws Exception {
		long goal = GoalFixtures.goal(this.jdbc, this.mentee, "Finish the thesis", null);
		this.mvc.perform(multipart("/goals/" + goal + "/updates").file(file("chapter.pdf", TestDocuments.pdf("c")))
			.param("progressPct", "40").param("note", "Chapter one").param("version", "0")
			.with(as(this.mentee)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		long update = this.jdbc.sql("SELECT MAX(id) FROM goal_updates WHERE goal_id = :g").param("g", goal)
			.query(Long.class).single();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM attachments WHERE related_type = 'GOAL_UPDATE' AND related_id = :u")
			.param("u", update).query(Long.class).single()).isEqualTo(1);
		this.mvc.perform(get("/goals/" + goal).with(as(this.mentor)))
			.andExpect(content().string(containsString("update-files-" + update)))
			.andExpect(content().string(containsString("chapter.pdf")));

		this.mvc.perform(multipart("/goals/" + goal + "/updates").file(file("chapter.docx", TestDocuments.fakeDocx()))
			.param("progressPct", "50").param("note", "Chapter two").param("version", "1")
			.with(as(this.mentee)).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("update-file-problem")));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM goal_updates WHERE goal_id = :g").param("g", goal)
			.query(Long.class).single()).isEqualTo(2);
		this.mvc.perform(multipart("/goals/" + goal + "/updates").file(file("x.pdf", TestDocuments.pdf("x")))
			.param("progressPct", "50").param("note", "Stranger").param("version", "1")
			.with(as(this.stranger)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(count("GOAL_UPDATE")).isEqualTo(1);
	}

	@Test
	void sessionAndMentorshipPagesLinkTheirFilesWhichStrangersCannotSee() throws Exception {
		SessionNotesFixtures.Pair pair = SessionNotesFixtures.pair(this.jdbc, this.mentor, this.mentee, "CONFIRMED");
		this.mvc.perform(get("/sessions/" + pair.sessionId()).with(as(this.mentor)))
			.andExpect(content().string(containsString("/attachments/session/" + pair.sessionId())));
		this.mvc.perform(multipart("/attachments/session/" + pair.sessionId()).file(file("agenda.pdf", TestDocuments.pdf("a")))
			.with(as(this.mentor)).with(csrf()))
			.andExpect(redirectedUrl("/attachments/session/" + pair.sessionId() + "?files=saved#attachments"));
		this.mvc.perform(get("/attachments/session/" + pair.sessionId()).with(as(this.mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("agenda.pdf")));
		this.mvc.perform(get("/attachments/session/" + pair.sessionId()).header("HX-Request", "true").with(as(this.mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<html"))));
		this.mvc.perform(get("/attachments/session/" + pair.sessionId()).with(as(this.stranger)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("agenda.pdf"))));

		this.mvc.perform(get("/mentorships/" + this.mentorship).with(as(this.mentee)))
			.andExpect(content().string(containsString("/attachments/mentorship/" + this.mentorship)));
		this.mvc.perform(get("/attachments/mentorship/" + this.mentorship).with(as(this.mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("attachment-upload-form")));
		this.mvc.perform(get("/attachments/mentorship/" + this.mentorship).with(as(this.stranger)))
			.andExpect(status().isNotFound());
		SessionNotesFixtures.Pair done = SessionNotesFixtures.pair(this.jdbc, this.mentor, this.mentee, "COMPLETED");
		this.mvc.perform(post("/sessions/" + done.sessionId() + "/feedback").param("rating", "5").param("comments", "Good")
			.with(as(this.mentee)).with(csrf()));
		long feedback = this.jdbc.sql("SELECT id FROM session_feedback WHERE session_id = :s").param("s", done.sessionId())
			.query(Long.class).single();
		this.mvc.perform(get("/sessions/" + done.sessionId() + "/feedback").with(as(this.mentee)))
			.andExpect(content().string(containsString("/attachments/feedback/" + feedback)));
		this.mvc.perform(get("/attachments/feedback/" + feedback).with(as(this.mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("attachment-upload-form")));
		this.mvc.perform(get("/attachments/feedback/" + feedback).with(as(this.stranger))).andExpect(status().isNotFound());
		this.mvc.perform(get("/attachments/nonsense/1").with(as(this.mentee))).andExpect(status().isNotFound());
		this.mvc.perform(get("/attachments/999999999/content").with(as(this.mentee))).andExpect(status().isNotFound())
			.andExpect(header().doesNotExist("Content-Disposition"));
	}

}
