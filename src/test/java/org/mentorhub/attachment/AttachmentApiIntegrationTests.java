package org.mentorhub.attachment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The attachments API for every related type: the owning module's rules decide (happy path, wrong
 * user as 404, managers see and delete), the content checks (a program renamed .pdf, a DOCX with
 * macros, a zip without content types, an empty file, the quota), the download's headers and audit,
 * and files following their goal when it is deleted. The quota is small here (64 KB) to reach it.
 */
@MentorHubIntegrationTest
@TestPropertySource(properties = "mentorhub.files.quota-per-owner=64KB")
class AttachmentApiIntegrationTests {

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

	Account coordinator;

	long mentorship;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").withDepartment("BUS").build(this.jdbc);
		this.mentee = this.college.aMentee().inDepartment("CS").create(this.jdbc);
		this.mentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		this.stranger = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		this.coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		this.mentorship = TestMentorships.plant(this.jdbc, this.mentor, this.mentee, "ACTIVE");
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	ResultActions upload(Account caller, String type, long relatedId, String name, byte[] content) throws Exception {
		return this.mvc.perform(multipart("/api/v1/attachments/" + type + "/" + relatedId)
			.file(new MockMultipartFile("file", name, "application/octet-stream", content))
			.with(as(caller))
			.with(csrf()));
	}

	ResultActions list(Account caller, String type, long relatedId) throws Exception {
		return this.mvc.perform(get("/api/v1/attachments/" + type + "/" + relatedId).with(as(caller)));
	}

	ResultActions download(Account caller, long id) throws Exception {
		return this.mvc.perform(get("/api/v1/attachments/" + id + "/content").with(as(caller)));
	}

	long id(ResultActions result) throws Exception {
		String body = result.andReturn().getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*$", "$1"));
	}

	long files(String type, long relatedId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM attachments WHERE related_type = :t AND related_id = :r")
			.param("t", type)
			.param("r", relatedId)
			.query(Long.class)
			.single();
	}

	long reads(long attachment) {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'ATTACHMENT_READ' AND entity_id = :id")
			.param("id", String.valueOf(attachment))
			.query(Long.class)
			.single();
	}

	/** The ATTACHMENT_READ rows of the file that name this person as their subject (their disclosure log). */
	long readsAbout(long attachment, Account subject) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM audit_logs
				WHERE action = 'ATTACHMENT_READ' AND entity_id = :id AND subject_user_id = :subject""")
			.param("id", String.valueOf(attachment))
			.param("subject", subject.id())
			.query(Long.class)
			.single();
	}

	long goal() {
		return GoalFixtures.goal(this.jdbc, this.mentee, "Finish the thesis", null);
	}

	long firstUpdateOf(long goal) {
		return this.jdbc.sql("SELECT MIN(id) FROM goal_updates WHERE goal_id = :g").param("g", goal).query(Long.class)
			.single();
	}

	@Test
	void aGoalsFilesAreUploadedListedDownloadedAndDeletedByWhoeverMaySeeTheGoal() throws Exception {
		long goal = goal();
		byte[] pdf = TestDocuments.pdf("plan");

		long file = id(upload(this.mentee, "goal", goal, "Plan.pdf", pdf).andExpect(status().isCreated())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/attachments/")))
			.andExpect(jsonPath("$.fileName").value("Plan.pdf"))
			.andExpect(jsonPath("$.mimeType").value("application/pdf"))
			.andExpect(jsonPath("$.relatedType").value("goal"))
			.andExpect(jsonPath("$.uploaderId").value(this.mentee.id())));

		list(this.mentor, "goal", goal).andExpect(status().isOk())
			.andExpect(jsonPath("$.mayAdd").value(true))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].id").value(file))
			.andExpect(jsonPath("$.items[0].mayDelete").value(false))
			.andExpect(jsonPath("$.items[0].uploaderName").isNotEmpty());
		download(this.mentor, file).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Content-Disposition", containsString("Plan.pdf")))
			.andExpect(content().bytes(pdf));
		assertThat(reads(file)).as("a mentor reading a mentee's file is audited").isEqualTo(1);
		download(this.mentee, file).andExpect(status().isOk());
		assertThat(reads(file)).as("the owner's own reads are not").isEqualTo(1);
		assertThat(readsAbout(file, this.mentee)).as("the read is in the student's disclosure log").isEqualTo(1);

		this.mvc.perform(delete("/api/v1/attachments/" + file).with(as(this.mentor)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete("/api/v1/attachments/" + file).with(as(this.mentee)).with(csrf()))
			.andExpect(status().isNoContent());
		assertThat(files("GOAL", goal)).isZero();
	}

	@Test
	void aGoalsFilesAreNotFoundForAStrangerAndForAPastMentor() throws Exception {
		long goal = goal();
		long file = id(upload(this.mentee, "goal", goal, "plan.pdf", TestDocuments.pdf("x")).andExpect(status().isCreated()));

		list(this.stranger, "goal", goal).andExpect(status().isNotFound());
		download(this.stranger, file).andExpect(status().isNotFound());
		upload(this.stranger, "goal", goal, "mine.pdf", TestDocuments.pdf("y")).andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/v1/attachments/" + file).with(as(this.stranger)).with(csrf()))
			.andExpect(status().isNotFound());

		this.jdbc.sql("UPDATE mentorships SET status = 'ENDED', ended_at = CURRENT_TIMESTAMP WHERE id = :id")
			.param("id", this.mentorship)
			.update();
		list(this.mentor, "goal", goal).andExpect(status().isNotFound());
		download(this.mentor, file).andExpect(status().isNotFound());
		assertThat(files("GOAL", goal)).isEqualTo(1);
	}

	@Test
	void aGoalUpdatesFilesFollowTheGoal() throws Exception {
		long goal = goal();
		long update = firstUpdateOf(goal);
		upload(this.mentor, "goal-update", update, "notes.txt", "Chapter two".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.mimeType").value("text/plain"))
			.andExpect(jsonPath("$.relatedType").value("goal-update"));
		list(this.stranger, "goal-update", update).andExpect(status().isNotFound());
		String storage = this.jdbc.sql("SELECT storage_path FROM attachments WHERE related_type = 'GOAL_UPDATE' AND related_id = :r")
			.param("r", update)
			.query(String.class)
			.single();
		upload(this.mentee, "goal", goal, "plan.pdf", TestDocuments.pdf("x")).andExpect(status().isCreated());
		assertThat(TestFiles.ROOT.resolve(storage)).exists();

		this.mvc.perform(delete("/api/v1/goals/" + goal).param("version", "0").with(as(this.mentee)).with(csrf()))
			.andExpect(status().isNoContent());

		await().atMost(Duration.ofSeconds(20))
			.until(() -> files("GOAL", goal) == 0 && files("GOAL_UPDATE", update) == 0);
		await().atMost(Duration.ofSeconds(20)).until(() -> !TestFiles.ROOT.resolve(storage).toFile().exists());
	}

	@Test
	void aSessionsFilesAreForExactlyItsParticipantsAndTheirCoordinators() throws Exception {
		SessionNotesFixtures.Pair pair = SessionNotesFixtures.pair(this.jdbc, this.mentor, this.mentee, "CONFIRMED");
		long file = id(upload(this.mentee, "session", pair.sessionId(), "agenda.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.mimeType").value("text/csv"))
			.andExpect(jsonPath("$.fileName").value("agenda.csv")));

		list(this.mentor, "session", pair.sessionId()).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].id").value(file));
		list(this.coordinator, "session", pair.sessionId()).andExpect(status().isOk())
			.andExpect(jsonPath("$.mayAdd").value(false))
			.andExpect(jsonPath("$.items[0].mayDelete").value(true));
		download(this.coordinator, file).andExpect(status().isOk());
		assertThat(reads(file)).isEqualTo(1);
		upload(this.coordinator, "session", pair.sessionId(), "x.pdf", TestDocuments.pdf("x"))
			.andExpect(status().isForbidden());

		Account otherCoordinator = this.college.aCoordinator().inDepartment("BUS").create(this.jdbc);
		list(otherCoordinator, "session", pair.sessionId()).andExpect(status().isNotFound());
		list(this.stranger, "session", pair.sessionId()).andExpect(status().isNotFound());
		download(this.stranger, file).andExpect(status().isNotFound());
	}

	@Test
	void aFeedbacksFilesAreForWhoeverMayReadThatFeedback() throws Exception {
		SessionNotesFixtures.Pair pair = SessionNotesFixtures.pair(this.jdbc, this.mentor, this.mentee, "COMPLETED");
		long feedback = feedback(pair, this.mentee, this.mentor);

		long file = id(upload(this.mentee, "feedback", feedback, "notes.pdf", TestDocuments.pdf("fb"))
			.andExpect(status().isCreated()));
		upload(this.mentor, "feedback", feedback, "mine.pdf", TestDocuments.pdf("x"))
			.andExpect(status().isNotFound());
		list(this.mentor, "feedback", feedback).andExpect(status().isNotFound());
		list(this.coordinator, "feedback", feedback).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].id").value(file));
		download(this.stranger, file).andExpect(status().isNotFound());
	}

	@Test
	void aMentorshipsFilesAreForThePairAndTheManagers() throws Exception {
		long file = id(upload(this.mentor, "mentorship", this.mentorship, "reading list.pdf", TestDocuments.pdf("m"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.fileName").value("reading list.pdf")));
		list(this.mentee, "mentorship", this.mentorship).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].id").value(file));
		list(this.coordinator, "mentorship", this.mentorship).andExpect(status().isOk());
		list(this.stranger, "mentorship", this.mentorship).andExpect(status().isNotFound());
		download(this.stranger, file).andExpect(status().isNotFound());
		download(this.mentee, file).andExpect(status().isOk());
		assertThat(reads(file)).as("the mentee's own reads are not disclosures").isZero();
		download(this.mentor, file).andExpect(status().isOk());
		download(this.coordinator, file).andExpect(status().isOk());
		assertThat(readsAbout(file, this.mentee)).as("the mentor's and the coordinator's reads, in the mentee's log")
			.isEqualTo(2);
		this.mvc.perform(delete("/api/v1/attachments/" + file).with(as(this.coordinator)).with(csrf()))
			.andExpect(status().isNoContent());
	}

	@Test
	void officeDocumentsAreToldByTheirContentTypesAndMacrosAreRefused() throws Exception {
		long goal = goal();
		upload(this.mentee, "goal", goal, "essay.docx", TestDocuments.docx()).andExpect(status().isCreated())
			.andExpect(jsonPath("$.mimeType")
				.value("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
			.andExpect(jsonPath("$.fileName").value("essay.docx"));

		upload(this.mentee, "goal", goal, "essay.docx", TestDocuments.docxWithMacros()).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(content().string(containsString("macros")));
		upload(this.mentee, "goal", goal, "essay.docx", TestDocuments.fakeDocx()).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("not a Word, Excel or PowerPoint")));
		assertThat(files("GOAL", goal)).isEqualTo(1);
	}

	@Test
	void badFilesAreRefusedWithAClearMessageAndNothingStored() throws Exception {
		long goal = goal();
		upload(this.mentee, "goal", goal, "invoice.pdf", TestDocuments.exe()).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("not an allowed type")));
		upload(this.mentee, "goal", goal, "empty.pdf", new byte[0]).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose a file")));
		this.mvc.perform(multipart("/api/v1/attachments/goal/" + goal).with(as(this.mentee)).with(csrf()))
			.andExpect(status().isBadRequest());
		upload(this.mentee, "avatar", this.mentee.id(), "x.pdf", TestDocuments.pdf("x")).andExpect(status().isNotFound());
		upload(this.mentee, "nonsense", goal, "x.pdf", TestDocuments.pdf("x")).andExpect(status().isNotFound());
		list(this.mentee, "resource", 1).andExpect(status().isNotFound());
		assertThat(files("GOAL", goal)).isZero();
	}

	@Test
	void aFileOverTheOwnersQuotaIsRefused() throws Exception {
		long goal = goal();
		byte[] big = new byte[40 * 1024];
		java.util.Arrays.fill(big, (byte) 'a');
		upload(this.mentee, "goal", goal, "one.txt", big).andExpect(status().isCreated());
		upload(this.mentee, "goal", goal, "two.txt", big).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("quota")));
		assertThat(files("GOAL", goal)).isEqualTo(1);
	}

	@Test
	void uploadsAreRateLimitedAcrossThePageAndTheApiAndARefusedOneStoresNothing() throws Exception {
		long goal = goal();
		for (int i = 0; i < AttachmentFiles.UPLOAD_CAPACITY; i++) {
			upload(this.mentee, "goal", goal, "note" + i + ".txt", ("note " + i).getBytes(StandardCharsets.UTF_8))
				.andExpect(status().isCreated());
		}
		upload(this.mentee, "goal", goal, "one-more.txt", "more".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"));
		this.mvc.perform(multipart("/attachments/goal/" + goal)
			.file(new MockMultipartFile("file", "page.txt", "text/plain", "page".getBytes(StandardCharsets.UTF_8)))
			.with(as(this.mentee))
			.with(csrf())).andExpect(status().isTooManyRequests());
		assertThat(files("GOAL", goal)).isEqualTo(AttachmentFiles.UPLOAD_CAPACITY);
		upload(this.mentor, "goal", goal, "mentor.txt", "mentor".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isCreated());
	}

	long feedback(SessionNotesFixtures.Pair pair, Account giver, Account recipient) {
		org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO session_feedback (session_id, giver_id, recipient_id, type, rating, comments, visibility,
				                              created_at, updated_at)
				VALUES (:s, :g, :r, 'MENTEE_TO_MENTOR', 5, 'Helpful', 'SHARED', :now, :now)""")
			.param("s", pair.sessionId())
			.param("g", giver.id())
			.param("r", recipient.id())
			.param("now", LocalDateTime.now(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

}
