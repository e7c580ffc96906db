package org.mentorhub.privacy.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.attachment.Attachments;
import org.mentorhub.attachment.Attachments.NewFile;
import org.mentorhub.attachment.Attachments.RelatedType;
import org.mentorhub.attachment.TestFiles;
import org.mentorhub.platform.privacy.PrivacyProvider;
import org.mentorhub.platform.privacy.PrivacyProviders;
import org.mentorhub.platform.privacy.RetentionRule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The download of one's own data (issue 22 part 2): built by a background job into a ZIP with one JSON file per
 * module, CSV files per table and the person's files, sentinels from several modules in it and the other
 * person's private note not; the ZIP is kept in the file store, not the database, and streamed; the link works
 * once, only for its owner, and not after 24 hours; the ZIP leaves the store after the download and when the
 * purge expires it; asking is audited and rate limited.
 */
@MentorHubIntegrationTest
class DataExportIntegrationTests {

	static final byte[] PDF = "%PDF-1.4\n% SENTINEL-FILE\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Attachments attachments;

	@Autowired
	DataExportRetention retention;

	@Autowired
	PrivacyProviders providers;

	TestInstitution college;

	Account mentor;

	Account student;

	@BeforeEach
	void aStudentWithAMentor() {
		this.college = TestInstitutions.aUniversity().build(this.jdbc);
		this.mentor = this.college.aMentor().create(this.jdbc);
		this.student = this.college.aStudent().create(this.jdbc);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	/** Asks for a download through the API: 202 with the job and the single-use link. */
	String requestExport(Account account) throws Exception {
		MvcResult result = this.mvc.perform(post("/api/v1/privacy/exports").with(as(account)).with(csrf()))
			.andExpect(status().isAccepted())
			.andExpect(header().exists("Location"))
			.andExpect(jsonPath("$.status").value("BUILDING"))
			.andExpect(jsonPath("$.jobId").isNumber())
			.andExpect(jsonPath("$.downloadUrl").value(containsString("/api/v1/privacy/exports/download/")))
			.andReturn();
		return result.getResponse().getContentAsString();
	}

	/** Polls the status until the job is done; returns the last status JSON. */
	String awaitReady(Account account, long id) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (true) {
			String json = this.mvc.perform(get("/api/v1/privacy/exports/{id}", id).with(as(account)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.downloadUrl").doesNotExist())
				.andReturn()
				.getResponse()
				.getContentAsString();
			if (!"BUILDING".equals(JsonPath.read(json, "$.status"))) {
				return json;
			}
			assertThat(Instant.now()).as("the download is gathered within a minute").isBefore(deadline);
			Thread.sleep(100);
		}
	}

	/** The key of the export's ZIP in the file store; null when it has none. */
	String archiveKey(long id) {
		return archiveKey(this.jdbc, id);
	}

	static String archiveKey(JdbcClient jdbc, long id) {
		java.util.List<String> keys = jdbc.sql("SELECT archive_key FROM privacy_exports WHERE id = ?").param(id)
			.query(String.class).list();
		return keys.isEmpty() ? null : keys.get(0);
	}

	static long id(String json) {
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	static String link(String json) {
		return JsonPath.read(json, "$.downloadUrl");
	}

	static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	static String text(Map<String, byte[]> entries, String name) {
		assertThat(entries).containsKey(name);
		return new String(entries.get(name), StandardCharsets.UTF_8);
	}

	long insert(String sql, Object... params) {
		org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql);
		for (Object param : params) {
			statement = statement.param(param);
		}
		statement.update(keys, "id");
		return keys.getKey().longValue();
	}

	@Test
	void theZipHoldsEveryModulesJsonCsvAndFilesWithTheSentinelsAndNothingOfTheOtherPerson() throws Exception {
		long mentorship = TestMentorships.plant(this.jdbc, this.mentor, this.student, "ACTIVE");
		long session = insert("""
				INSERT INTO mentoring_sessions (mentorship_id, mentor_id, mentee_id, title, scheduled_at)
				VALUES (?, ?, ?, 'SENTINEL-SESSION', CURRENT_TIMESTAMP)""", mentorship, this.mentor.id(),
				this.student.id());
		insert("INSERT INTO session_notes (session_id, created_by_id, content) VALUES (?, ?, 'SENTINEL-NOTE')", session,
				this.student.id());
		insert("INSERT INTO session_notes (session_id, created_by_id, content, is_private) VALUES (?, ?, 'MENTORS-PRIVATE-NOTE', TRUE)",
				session, this.mentor.id());
		long goal = insert("INSERT INTO goals (student_id, title) VALUES (?, '=SENTINEL-GOAL')", this.student.id());
		insert("INSERT INTO direct_messages (sender_id, receiver_id, message) VALUES (?, ?, 'SENTINEL-MESSAGE')",
				this.mentor.id(), this.student.id());
		this.jdbc.sql("DELETE FROM user_profiles WHERE user_id = ?").param(this.student.id()).update();
		this.jdbc.sql("INSERT INTO user_profiles (user_id, bio) VALUES (?, 'SENTINEL-BIO')").param(this.student.id()).update();
		Attachments.StoredFile file = this.attachments.store(new NewFile(RelatedType.GOAL, goal, this.college.id(),
				this.student.id(), "../my plan.pdf", PDF), this.attachments.attachmentRules());

		String created = requestExport(this.student);
		String ready = awaitReady(this.student, id(created));
		assertThat((String) JsonPath.read(ready, "$.status")).isEqualTo("READY");
		assertThat((Integer) JsonPath.read(ready, "$.percent")).isEqualTo(100);
		assertThat((String) JsonPath.read(ready, "$.expiresAt")).isNotNull();
		// The ZIP is in the file store, under the key the row keeps, and not in the database: no column of the
		// row holds bytes (V107 dropped privacy_exports.content).
		String key = archiveKey(id(created));
		assertThat(key).matches("[0-9a-f]{2}/[0-9a-f]{32}\\.archive");
		assertThat(TestFiles.stored(key)).isTrue();
		byte[] storedZip = Files.readAllBytes(TestFiles.ROOT.resolve(key));
		Map<String, Object> row = this.jdbc.sql("SELECT * FROM privacy_exports WHERE id = ?").param(id(created))
			.query().singleRow();
		assertThat(row.keySet()).map(column -> column.toLowerCase(java.util.Locale.ROOT)).doesNotContain("content");
		assertThat(row.values()).noneMatch(value -> value instanceof byte[] || value instanceof java.sql.Blob);
		assertThat(((Number) JsonPath.read(ready, "$.sizeBytes")).longValue()).isEqualTo(storedZip.length);

		byte[] zip = this.mvc.perform(get(link(created)).with(as(this.student)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/zip"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(header().longValue("Content-Length", storedZip.length))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(zip).as("the stored ZIP, streamed as it is").isEqualTo(storedZip);
		Map<String, byte[]> entries = unzip(zip);
		assertThat(entries).containsKeys("README.txt", "identity.json", "profile.json", "session.json", "goal.json",
				"messaging.json", "attachment.json", "audit.json", "privacy.json");
		assertThat(text(entries, "goal.json")).contains("=SENTINEL-GOAL").contains("\"legalBasis\"");
		assertThat(text(entries, "messaging.json")).contains("SENTINEL-MESSAGE");
		assertThat(text(entries, "profile.json")).contains("SENTINEL-BIO");
		assertThat(text(entries, "session.json")).contains("SENTINEL-NOTE", "SENTINEL-SESSION")
			.doesNotContain("MENTORS-PRIVATE-NOTE");
		assertThat(text(entries, "identity.json")).contains(this.student.email()).doesNotContain("password_hash");
		// CSV: a header of the table's columns; a formula is neutralised for spreadsheets.
		String goals = text(entries, "csv/goal/goals.csv");
		assertThat(goals.lines().findFirst().orElseThrow()).contains("title", "student_id");
		assertThat(goals).contains("'=SENTINEL-GOAL");
		assertThat(text(entries, "csv/messaging/direct_messages.csv")).contains("SENTINEL-MESSAGE");
		// The file the person uploaded, under a name that stays in its folder.
		String stored = entries.keySet().stream().filter(name -> name.startsWith("files/" + file.id() + "-")).findFirst()
			.orElseThrow(() -> new AssertionError("no file in " + entries.keySet()));
		assertThat(stored).endsWith(".pdf").doesNotContain("../");
		assertThat(entries.get(stored)).isEqualTo(PDF);
		assertThat(entries.keySet()).allMatch(name -> !name.startsWith("/") && !name.contains("/../"));
		// Nothing of anyone else, in any entry.
		entries.forEach((name, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as(name)
			.doesNotContain("MENTORS-PRIVATE-NOTE"));

		// Single use: once streamed, the ZIP is gone from the file store and the row forgets its key; the second
		// download is gone.
		assertThat(TestFiles.stored(key)).isFalse();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM privacy_exports WHERE id = ? AND archive_key IS NULL AND status = 'DOWNLOADED'")
			.param(id(created)).query(Integer.class).single()).isEqualTo(1);
		this.mvc.perform(get(link(created)).with(as(this.student)))
			.andExpect(status().isGone())
			.andExpect(jsonPath("$.detail").value(containsString("used already or has expired")));
		this.mvc.perform(get(link(created).replace("/api/v1/privacy", "/account/privacy")).with(as(this.student)))
			.andExpect(status().isGone());
		assertThat(this.jdbc.sql("SELECT action FROM audit_logs WHERE entity = 'privacy_exports' AND entity_id = ? ORDER BY id")
			.param(String.valueOf(id(created))).query(String.class).list())
			.containsExactly("PRIVACY_EXPORT_REQUESTED", "PRIVACY_EXPORT_READY", "PRIVACY_EXPORT_DOWNLOADED");
		// The token is stored only as its hash.
		String token = link(created).substring(link(created).lastIndexOf('/') + 1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM privacy_exports WHERE token_hash = ?").param(token)
			.query(Integer.class).single()).isZero();
	}

	@Test
	void someoneElsesLinkIsNotFoundAndLeavesTheDownloadToItsOwner() throws Exception {
		String created = requestExport(this.student);
		awaitReady(this.student, id(created));
		this.mvc.perform(get(link(created)).with(as(this.mentor))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/privacy/exports/{id}", id(created)).with(as(this.mentor)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(link(created).replace("/api/v1/privacy", "/account/privacy")).with(as(this.mentor)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(link(created)).with(as(this.student))).andExpect(status().isOk());
	}

	/** Runs the ZIP rule as the retention purge does with its default period (1 day). */
	int purge() {
		RetentionRule rule = this.retention.rules().stream()
			.filter(candidate -> candidate.key().equals(DataExportRetention.ZIPS))
			.findFirst()
			.orElseThrow();
		assertThat(rule.defaultDays()).isEqualTo(1);
		return rule.purge().purge(LocalDateTime.now(ZoneOffset.UTC).minusDays(rule.defaultDays()));
	}

	@Test
	void anExpiredLinkIsGoneAndThePurgeRemovesItsZip() throws Exception {
		String created = requestExport(this.student);
		awaitReady(this.student, id(created));
		// Not yet a day old: the purge leaves it.
		purge();
		assertThat(this.jdbc.sql("SELECT status FROM privacy_exports WHERE id = ?").param(id(created))
			.query(String.class).single()).isEqualTo("READY");
		// Ready 25 hours ago, so its link expired an hour ago.
		this.jdbc.sql("UPDATE privacy_exports SET ready_at = ?, expires_at = ? WHERE id = ?")
			.param(LocalDateTime.now(ZoneOffset.UTC).minusHours(25))
			.param(LocalDateTime.now(ZoneOffset.UTC).minusHours(1))
			.param(id(created))
			.update();
		this.mvc.perform(get(link(created)).with(as(this.student))).andExpect(status().isGone());
		String key = archiveKey(id(created));
		assertThat(TestFiles.stored(key)).as("a refused download leaves the ZIP to the purge").isTrue();
		assertThat(purge()).isPositive();
		assertThat(this.jdbc.sql("SELECT status FROM privacy_exports WHERE id = ?").param(id(created))
			.query(String.class).single()).isEqualTo("EXPIRED");
		// The purge removed the ZIP from the file store and the key from the row.
		assertThat(TestFiles.stored(key)).isFalse();
		assertThat(archiveKey(id(created))).isNull();
		this.mvc.perform(get(link(created)).with(as(this.student))).andExpect(status().isGone());
		// Idempotent: nothing more to do for this export.
		assertThat(purge()).isZero();
		assertThat(this.jdbc.sql("SELECT status FROM privacy_exports WHERE id = ?").param(id(created))
			.query(String.class).single()).isEqualTo("EXPIRED");
	}

	@Test
	void theErasureDeletesTheDownloadsWithTheirStoredZips() throws Exception {
		String created = requestExport(this.student);
		awaitReady(this.student, id(created));
		String key = archiveKey(id(created));
		assertThat(TestFiles.stored(key)).isTrue();
		PrivacyProvider privacy = this.providers.all().stream()
			.filter(provider -> provider.module().equals("privacy"))
			.findFirst()
			.orElseThrow();

		assertThat(privacy.erase(this.student.id())).containsEntry("privacy_exports", 1);

		assertThat(TestFiles.stored(key)).isFalse();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM privacy_exports WHERE user_id = ?").param(this.student.id())
			.query(Integer.class).single()).isZero();
		this.mvc.perform(get(link(created)).with(as(this.student))).andExpect(status().isNotFound());
		// Idempotent, as every provider's erasure.
		assertThat(privacy.erase(this.student.id())).containsEntry("privacy_exports", 0);
	}

	@Test
	void badTokensAndIdsAreNotFound() throws Exception {
		this.mvc.perform(get("/api/v1/privacy/exports/download/{t}", "not-a-token").with(as(this.student)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/privacy/exports/download/{t}", "A".repeat(43)).with(as(this.student)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/privacy/exports/{id}", 999_999_999L).with(as(this.student)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/privacy/exports/{id}", "abc").with(as(this.student)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void askingAgainWhileBuildingIsRefusedAndAskingIsRateLimited() throws Exception {
		Account fresh = this.college.aStudent().create(this.jdbc);
		requestExport(fresh);
		int refused = 0;
		int limited = 0;
		for (int i = 0; i < 3; i++) {
			int status = this.mvc.perform(post("/api/v1/privacy/exports").with(as(fresh)).with(csrf()))
				.andReturn()
				.getResponse()
				.getStatus();
			if (status == 429) {
				limited++;
			}
			else if (status == 409) {
				refused++;
			}
		}
		assertThat(limited).as("the fourth request within the hour").isEqualTo(1);
		assertThat(refused + limited).isLessThanOrEqualTo(3);
		this.mvc.perform(post("/account/privacy/exports").with(as(fresh)).with(csrf()))
			.andExpect(status().isTooManyRequests());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE user_id = ? AND action = 'PRIVACY_EXPORT_REQUESTED'")
			.param(fresh.id()).query(Integer.class).single()).isBetween(1, 3);
	}

	@Test
	void thePageShowsTheLinkOnceAndPollsTheProgress() throws Exception {
		Account fresh = this.college.aStudent().create(this.jdbc);
		this.mvc.perform(get("/account/privacy").with(as(fresh)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"export-request\"")))
			.andExpect(content().string(containsString("id=\"erasure-section\"")))
			.andExpect(content().string(containsString("id=\"consents\"")))
			.andExpect(content().string(containsString("id=\"disclosures\"")))
			.andExpect(content().string(not(containsString("export-link"))));
		String page = this.mvc.perform(post("/account/privacy/exports").with(as(fresh)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"export-link\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String href = page.replaceAll("(?s).*id=\"export-link\"[^>]*href=\"([^\"]+)\".*|(?s).*href=\"([^\"]+)\"[^>]*id=\"export-link\".*", "$1$2");
		assertThat(href).startsWith("/account/privacy/exports/download/");
		long id = this.jdbc.sql("SELECT MAX(id) FROM privacy_exports WHERE user_id = ?").param(fresh.id())
			.query(Long.class).single();
		awaitReady(fresh, id);
		this.mvc.perform(get("/account/privacy/exports/{id}", id).header("HX-Request", "true").with(as(fresh)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("export-progress")))
			.andExpect(content().string(not(containsString("hx-trigger"))))
			.andExpect(content().string(not(containsString("<html"))));
		this.mvc.perform(get("/account/privacy/exports/{id}", id).header("HX-Request", "true").with(as(this.mentor)))
			.andExpect(status().isNotFound());
		byte[] zip = this.mvc.perform(get(href).with(as(fresh)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(unzip(zip)).containsKey("identity.json");
		// The page no longer shows the link; the list shows the download as taken.
		this.mvc.perform(get("/account/privacy").with(as(fresh)))
			.andExpect(content().string(not(containsString("export-link"))))
			.andExpect(content().string(containsString("Downloaded")));
	}

}
