package org.mentorhub.privacy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.attachment.Attachments;
import org.mentorhub.attachment.Attachments.NewFile;
import org.mentorhub.attachment.Attachments.RelatedType;
import org.mentorhub.platform.privacy.PrivacyProvider;
import org.mentorhub.platform.privacy.PrivacyProviders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 22's "done means", end to end: for one student, a distinct sentinel is planted in the data of every
 * module that has a privacy provider (the providers are enumerated, so a new module without a sentinel fails
 * here), including a file she uploaded whose content holds one. The real download (API, background job, ZIP)
 * holds every sentinel, in some entry. After the real erasure (request, cooling-off over, approval by her
 * institution's administrator, the job), no text column of any table of the database and no stored file holds
 * a sentinel, except the named exceptions: the pseudonymised audit rows and what a documented legal hold
 * keeps. No log line written meanwhile holds one. Her mentor keeps his own private note.
 */
@MentorHubIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PrivacyEndToEndIntegrationTests {

	/** Modules whose personal tables have no free text to hold a sentinel: a planted row stands in. */
	static final Map<String, String> WITHOUT_FREE_TEXT = Map.of("calendar",
			"a feed token is stored only as its hash, a secret never exported",
			"report", "a dashboard subscription holds only its scope and frequency");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	UserDetailsService users;

	@Autowired
	Attachments attachments;

	@Autowired
	PrivacyProviders providers;

	@Value("${mentorhub.files.root}")
	Path files;

	/** Common to this run's sentinels, so that one LIKE finds any of them. */
	final String run = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	/** Module → its sentinel. */
	final Map<String, String> sentinels = new LinkedHashMap<>();

	/** Module → the id of the row planted where the module has no free text. */
	final Map<String, Long> markers = new LinkedHashMap<>();

	String sentinel(String module) {
		return this.sentinels.computeIfAbsent(module, m -> this.run + "-" + m + "-sentinel");
	}

	@Test
	void theDownloadHoldsEverySentinelAndAfterTheErasureNoTableFileOrLogLineDoes(CapturedOutput output)
			throws Exception {
		TestInstitution college = TestInstitutions.aUniversity().build(this.jdbc);
		Account admin = college.anAdmin().create(this.jdbc);
		Account mentor = college.aMentor().create(this.jdbc);
		// Identity: her name; organization: her address, which is also her institution's contact address.
		Account student = college.aStudent()
			.named(sentinel("identity"))
			.withEmail(sentinel("organization") + "@example.test")
			.create(this.jdbc);
		this.sentinels.put("organization", student.email());
		long me = student.id();

		String mentorsNote = "Mentor's own private note " + UUID.randomUUID();
		plantEverywhere(college, mentor, student, mentorsNote);
		// Privacy: the reason she gives when she asks for the erasure (before the download, so that it is in it).
		long request = askForErasure(student);
		assertThat(this.providers.all()).extracting(PrivacyProvider::module)
			.allSatisfy(module -> assertThat(this.sentinels.containsKey(module) || this.markers.containsKey(module))
				.as("a sentinel planted in the data of module %s (add one here for a new module)", module)
				.isTrue());

		// (a) The real download holds every sentinel, in some entry (JSON, CSV or file).
		Map<String, byte[]> zip = download(student);
		String everything = zip.values().stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8))
			.reduce("", String::concat);
		this.sentinels.forEach((module, sentinel) -> assertThat(everything)
			.as("the download holds the sentinel of module %s", module).contains(sentinel));
		assertThat(everything).as("the file on her feedback").contains(this.run + "-feedback-file");
		this.markers.forEach((module, id) -> assertThat(
				JsonPath.<List<Number>>read(new String(zip.get(module + ".json"), StandardCharsets.UTF_8), "$.tables.*[*].id"))
			.as("the download holds the row planted in module %s", module)
			.anyMatch(rowId -> rowId.longValue() == id));
		assertThat(everything).doesNotContain(mentorsNote);

		// (b) The real erasure: asked (above), cooling-off over, approved by her administrator, the job.
		this.jdbc.sql("UPDATE privacy_erasure_requests SET eligible_at = ? WHERE id = ?")
			.params(LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1), request).update();
		this.mvc.perform(post("/api/v1/privacy/erasure-requests/{id}/approve", request).with(as(admin)).with(csrf())
			.accept(MediaType.APPLICATION_JSON)).andExpect(status().isOk());
		await(() -> "COMPLETED".equals(this.jdbc.sql("SELECT status FROM privacy_erasure_requests WHERE id = ?")
			.param(request).query(String.class).single()));
		// The last mail to the former address is written by a listener after the job.
		await(() -> count("SELECT COUNT(*) FROM outbox_mails WHERE recipient = ? AND subject = ?", student.email(),
				"Your MentorHub data was erased") == 1);

		Map<String, List<String>> found = sentinelsInTheDatabase();
		// The named exceptions, each asserted.
		// 1. The audit log is pseudonymised, not deleted: her rows keep their before/after text.
		List<String> audit = found.remove("audit_logs");
		assertThat(audit).as("the planted audit row, pseudonymised").isNotEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE after_state LIKE ? AND NOT ("
				+ "user_id = ? AND actor_label = 'former member' AND ip IS NULL AND user_agent IS NULL)")
			.params("%" + this.run + "%", me).query(Long.class).single())
			.as("every audit row holding a sentinel is her pseudonymised row").isZero();
		// 2. Legal hold (FERPA education record, on by default): her student record.
		assertThat(found.remove("student_profiles")).as("the held student record").hasSize(1);
		// 3. Legal hold (safety records): the issue she reported and her message on it.
		assertThat(found.remove("reported_issues")).as("the held safety record").hasSize(1);
		assertThat(found.remove("issue_messages")).as("the held safety record's message").hasSize(1);
		// 4. The last mail, to the former address, telling her what was kept (docs/privacy.md): only its
		// recipient, the address, holds a sentinel (not its text).
		assertThat(found.remove("outbox_mails")).as("only the last mail's address")
			.containsExactly("recipient: " + student.email());
		// 5. The record that the last mail was to be sent (the ErasureCompleted event's publication), which
		// carries the former address and nothing else of hers, until the retention rule completed-events
		// deletes it (30 days).
		assertThat(found.remove("event_publication")).as("only the last mail's event")
			.singleElement()
			.satisfies(row -> assertThat(row).contains("\"email\":\"" + student.email() + "\"")
				.doesNotContain(sentinel("identity")));
		assertThat(found).as("sentinels left in the database after the erasure").isEmpty();
		this.markers.forEach((module, id) -> assertThat(this.providers.all().stream()
			.filter(provider -> provider.module().equals(module))
			.findFirst()
			.orElseThrow()
			.export(me)
			.values()
			.stream()
			.mapToInt(List::size)
			.sum()).as("no row of module %s names her", module).isZero());
		assertThat(filesHoldingASentinel()).as("stored files holding a sentinel").isEmpty();
		assertThat(output.getAll()).as("the log is captured").contains("Erasure request " + request + " completed");
		assertThat(output.getAll().lines().filter(line -> line.contains(this.run)))
			.as("log lines holding a sentinel").isEmpty();

		// (c) Her mentor keeps his own private note on their shared session.
		assertThat(this.jdbc.sql("SELECT content FROM session_notes WHERE created_by_id = ? AND is_private = TRUE")
			.param(mentor.id()).query(String.class).list()).containsExactly(mentorsNote);
	}

	void plantEverywhere(TestInstitution college, Account mentor, Account student, String mentorsNote) {
		long me = student.id();
		long mentorship = TestMentorships.plant(this.jdbc, mentor, student, "ACTIVE");
		long session = insert("""
				INSERT INTO mentoring_sessions (mentorship_id, mentor_id, mentee_id, title, scheduled_at)
				VALUES (?, ?, ?, 'Shared session', CURRENT_TIMESTAMP)""", mentorship, mentor.id(), me);
		insert("INSERT INTO session_notes (session_id, created_by_id, content, is_private) VALUES (?, ?, ?, TRUE)",
				session, mentor.id(), mentorsNote);

		this.jdbc.sql("""
				INSERT INTO relationship_health (mentorship_id, institution_id, mentor_id, mentee_id, health, reasons,
				                                 computed_at)
				VALUES (?, ?, ?, ?, 'AT_RISK', ?, CURRENT_TIMESTAMP)""")
			.params(mentorship, college.id(), mentor.id(), me, sentinel("alert"))
			.update();
		long goal = insert("INSERT INTO goals (student_id, title) VALUES (?, ?)", me, sentinel("goal"));
		this.attachments.store(new NewFile(RelatedType.GOAL, goal, college.id(), me, "my plan.pdf",
				pdf(sentinel("attachment"))),
				this.attachments.attachmentRules());
		insert("""
				INSERT INTO audit_logs (user_id, actor_label, action, entity, after_state, ip, user_agent)
				VALUES (?, ?, 'TEST', 'test', ?, '192.0.2.7', ?)""", me, this.run + "-audit-actor", sentinel("audit"),
				this.run + "-audit-browser");
		this.markers.put("calendar", insert(
				"INSERT INTO calendar_feed_tokens (user_id, token_hash, created_at) VALUES (?, ?, CURRENT_TIMESTAMP)", me,
				UUID.randomUUID().toString().replace("-", "")));
		// Identity: the name is planted with the account.
		insert("""
				INSERT INTO microsoft_tokens (user_id, microsoft_email, access_token, expires_at)
				VALUES (?, ?, 'not-a-real-token', CURRENT_TIMESTAMP)""", me,
				sentinel("integration") + "@outlook.test");
		this.sentinels.put("integration", sentinel("integration") + "@outlook.test");
		long path = insert("INSERT INTO learning_paths (institution_id, title, category) VALUES (?, 'A path', 'CAREER')",
				college.id());
		insert("INSERT INTO learning_recommendations (path_id, mentor_id, mentee_id, note) VALUES (?, ?, ?, ?)", path,
				mentor.id(), me, sentinel("learning"));
		insert("""
				INSERT INTO mentorship_request_choices (institution_id, mentee_id, mentor_id, preference_rank, goal)
				VALUES (?, ?, ?, 2, ?)""", college.id(), me, mentor.id(), sentinel("mentorship"));
		insert("""
				INSERT INTO user_connections (requester_id, receiver_id, user_low_id, user_high_id, status, note)
				VALUES (?, ?, ?, ?, 'ACCEPTED', ?)""", me, mentor.id(), Math.min(me, mentor.id()),
				Math.max(me, mentor.id()), sentinel("messaging"));
		insert("INSERT INTO notifications (user_id, type, title) VALUES (?, 'SESSION_CONFIRMED', ?)", me,
				sentinel("notification"));
		this.jdbc.sql("UPDATE institutions SET contact_email = ? WHERE id = ?").params(student.email(), college.id())
			.update();
		insert("INSERT INTO outbox_mails (recipient, subject, body_text) VALUES (?, 'A planted mail', ?)",
				student.email(), sentinel("platform"));
		this.jdbc.sql("INSERT INTO privacy_consents (user_id, kind, given_at, text_version) VALUES (?, 'SUPPORT_CHAT', CURRENT_TIMESTAMP, 'v1')")
			.param(me)
			.update();
		this.jdbc.sql("DELETE FROM user_profiles WHERE user_id = ?").param(me).update();
		this.jdbc.sql("INSERT INTO user_profiles (user_id, bio) VALUES (?, ?)").params(me, sentinel("profile")).update();
		this.jdbc.sql("DELETE FROM student_profiles WHERE user_id = ?").param(me).update();
		this.jdbc.sql("INSERT INTO student_profiles (user_id, roll_number, program) VALUES (?, ?, ?)")
			.params(me, "R" + me, this.run + "-held-programme").update();
		this.markers.put("report", insert("""
				INSERT INTO report_subscriptions (owner_id, institution_id, frequency, next_run_at, created_at)
				VALUES (?, ?, 'WEEKLY', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""", me, college.id()));
		long resource = insert("INSERT INTO resources (institution_id, title, type) VALUES (?, 'A resource', 'GUIDEBOOK')",
				college.id());
		insert("INSERT INTO resource_comments (resource_id, user_id, content) VALUES (?, ?, ?)", resource, me,
				sentinel("resource"));
		insert("INSERT INTO session_notes (session_id, created_by_id, content) VALUES (?, ?, ?)", session, me,
				sentinel("session"));
		// A file on the feedback she gave: it goes with the feedback.
		long feedback = insert("""
				INSERT INTO session_feedback (session_id, giver_id, recipient_id, type, rating, comments)
				VALUES (?, ?, ?, 'MENTEE_TO_MENTOR', 5, 'Thank you')""", session, me, mentor.id());
		this.attachments.store(new NewFile(RelatedType.FEEDBACK, feedback, college.id(), me, "feedback.pdf",
				pdf(this.run + "-feedback-file")), this.attachments.attachmentRules());
		long issue = insert("INSERT INTO reported_issues (institution_id, user_id, title, description) VALUES (?, ?, 'An issue', ?)",
				college.id(), me, sentinel("support"));
		insert("INSERT INTO issue_messages (issue_id, user_id, message) VALUES (?, ?, ?)", issue, me,
				this.run + "-held-issue-message");
		insert("""
				INSERT INTO milestone_logs (user_id, type, title, milestone_date)
				VALUES (?, 'CAREER', ?, CURRENT_DATE)""", me, sentinel("wellbeing"));
	}

	/** A small PDF whose content holds the text. */
	static byte[] pdf(String text) {
		return ("%PDF-1.4\n% " + text + "\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
	}

	long askForErasure(Account student) throws Exception {
		String body = this.mvc.perform(post("/api/v1/privacy/erasure-requests").with(as(student)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.content("{\"password\":\"mentorhub-demo\",\"reason\":\"" + sentinel("privacy") + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	/** Asks for the download through the API, waits for the job, and downloads the ZIP once. */
	Map<String, byte[]> download(Account student) throws Exception {
		String created = this.mvc.perform(post("/api/v1/privacy/exports").with(as(student)).with(csrf()))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		await(() -> !"BUILDING".equals(this.jdbc.sql("SELECT status FROM privacy_exports WHERE id = ?").param(id)
			.query(String.class).single()));
		byte[] zip = this.mvc.perform(get((String) JsonPath.read(created, "$.downloadUrl")).with(as(student)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	/**
	 * Every text column of every table (JDBC metadata), searched for this run's sentinels: table → the rows'
	 * matching values, as "column: value".
	 */
	Map<String, List<String>> sentinelsInTheDatabase() throws SQLException {
		Map<String, List<String>> found = new LinkedHashMap<>();
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			String quote = meta.getIdentifierQuoteString().trim();
			Map<String, List<String>> columns = new LinkedHashMap<>();
			try (ResultSet rs = meta.getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
				while (rs.next()) {
					if (isText(rs.getInt("DATA_TYPE"))) {
						columns.computeIfAbsent(rs.getString("TABLE_NAME"), t -> new ArrayList<>())
							.add(rs.getString("COLUMN_NAME"));
					}
				}
			}
			Set<String> tables = new TreeSet<>();
			try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%",
					new String[] { "TABLE" })) {
				while (rs.next()) {
					tables.add(rs.getString("TABLE_NAME"));
				}
			}
			assertThat(tables).as("the scan sees the application's tables")
				.anyMatch(table -> table.equalsIgnoreCase("session_notes"));
			for (String table : tables) {
				for (String column : columns.getOrDefault(table, List.of())) {
					List<String> values = this.jdbc
						.sql("SELECT " + quote + column + quote + " FROM " + quote + table + quote + " WHERE " + quote + column
								+ quote + " LIKE ?")
						.param("%" + this.run + "%")
						.query((rs, n) -> column.toLowerCase(Locale.ROOT) + ": " + rs.getString(1))
						.list();
					if (!values.isEmpty()) {
						found.computeIfAbsent(table.toLowerCase(Locale.ROOT), t -> new ArrayList<>()).addAll(values);
					}
				}
			}
		}
		return found;
	}

	static boolean isText(int type) {
		return type == Types.CHAR || type == Types.VARCHAR || type == Types.LONGVARCHAR || type == Types.CLOB
				|| type == Types.NCHAR || type == Types.NVARCHAR || type == Types.LONGNVARCHAR || type == Types.NCLOB;
	}

	List<Path> filesHoldingASentinel() throws IOException {
		if (!Files.isDirectory(this.files)) {
			return List.of();
		}
		byte[] needle = this.run.getBytes(StandardCharsets.US_ASCII);
		try (Stream<Path> all = Files.walk(this.files)) {
			return all.filter(Files::isRegularFile).filter(file -> contains(read(file), needle)).toList();
		}
	}

	static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	long insert(String sql, Object... params) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(sql).params(params).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	static void await(Supplier<Boolean> condition) throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofSeconds(60));
		while (!condition.get()) {
			assertThat(Instant.now()).as("waited a minute").isBefore(until);
			Thread.sleep(50);
		}
	}

}
