package org.mentorhub.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** CSV import of people: preview with per-row problems, background commit, idempotence, bad files, tenancy. */
@MentorHubIntegrationTest
class UserImportIntegrationTests {

	static final String HEADER = "email,full_name,role,department_code\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String login) {
		return user(this.users.loadUserByUsername(login));
	}

	static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	static MockMultipartFile file(String name, byte[] content) {
		return new MockMultipartFile("file", name, "text/csv", content);
	}

	static MockMultipartFile csv(String text) {
		return file("people.csv", text.getBytes(StandardCharsets.UTF_8));
	}

	long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	String upload(String login, MockMultipartFile file) throws Exception {
		return this.mvc.perform(multipart("/api/v1/user-imports").file(file).with(as(login)).with(csrf()))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	static long idOf(String json) {
		return ((Number) JsonPath.read(json, "$.summary.id")).longValue();
	}

	/** Polls the import until the background commit has finished. */
	String awaitFinished(long id) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (true) {
			String json = this.mvc.perform(get("/api/v1/user-imports/{id}", id).with(as("admin@northbridge.demo")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			if (!"COMMITTING".equals(JsonPath.read(json, "$.status"))) {
				return json;
			}
			assertThat(Instant.now()).as("the import finishes within a minute").isBefore(deadline);
			Thread.sleep(200);
		}
	}

	@Test
	void theUploadPreviewsEveryRowWithItsProblemsAndCreatesNobody() throws Exception {
		String t = tag();
		long usersBefore = count("users");
		String preview = upload("admin@northbridge.demo", csv(HEADER
				+ "ada." + t + "@example.edu,Ada Lovelace,MENTOR,cs\n"
				+ "alan." + t + "@example.edu,Alan Turing,mentee,\n"
				+ "not-an-email,Bad Address,MENTEE,\n"
				+ "ADA." + t + "@example.edu,Ada Again,MENTEE,\n"
				+ "STUDENT@northbridge.demo,Emma Walker,MENTEE,CS\n"
				+ "grace." + t + "@example.edu,Grace Hopper,MENTOR,NOPE\n"
				+ "linus." + t + "@example.edu,Linus,WIZARD,\n"
				+ "pat." + t + "@example.edu,Pat,PLATFORM_ADMIN,\n"
				+ "cora." + t + "@example.edu,Cora Coordinator,COORDINATOR,\n"
				+ "eng." + t + "@example.edu,Ellen Engineer,MENTOR,ENGR\n"));

		assertThat((Integer) JsonPath.read(preview, "$.summary.totalRows")).isEqualTo(10);
		assertThat((Integer) JsonPath.read(preview, "$.summary.validRows")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(preview, "$.summary.unchangedRows")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(preview, "$.summary.invalidRows")).isEqualTo(7);
		assertThat((String) JsonPath.read(preview, "$.summary.status")).isEqualTo("PREVIEW");
		assertThat(problemsOf(preview, 4)).contains("'not-an-email' is not a valid e-mail address.");
		assertThat(problemsOf(preview, 5)).contains("This e-mail address is already on line 2 of the file.");
		assertThat(problemsOf(preview, 6)).contains(UserImports.ALREADY_EXISTS);
		assertThat(outcomeOf(preview, 6)).isEqualTo("UNCHANGED");
		assertThat(problemsOf(preview, 7)).contains("Unknown department code 'NOPE'. Use one of: BUS, CS, ");
		assertThat(problemsOf(preview, 8)).contains("Unknown role 'WIZARD'");
		assertThat(problemsOf(preview, 9)).contains("cannot be imported");
		assertThat(problemsOf(preview, 10)).contains("A coordinator needs a department code.");
		assertThat(problemsOf(preview, 11)).as("another institution's department code is unknown here")
			.contains("Unknown department code 'ENGR'");
		assertThat(outcomeOf(preview, 2)).isEqualTo("PENDING");
		assertThat(count("users")).isEqualTo(usersBefore);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'USER_IMPORT_UPLOADED' AND entity_id = :id")
			.param("id", String.valueOf(idOf(preview)))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	static String problemsOf(String preview, int line) {
		return JsonPath.read(preview, "$.rows[?(@.line == " + line + ")].problems[*]").toString();
	}

	static String outcomeOf(String preview, int line) {
		net.minidev.json.JSONArray outcomes = JsonPath.read(preview, "$.rows[?(@.line == " + line + ")].outcome");
		return (String) outcomes.get(0);
	}

	@Test
	void committingInvitesTheValidRowsInTheBackgroundAndARerunCreatesNobodyTwice() throws Exception {
		String t = tag();
		String file = HEADER + "ada." + t + "@example.edu,Ada Lovelace,MENTOR,cs\n"
				+ "alan." + t + "@example.edu,Alan Turing,MENTEE,\n" + "broken-" + t + ",Bad Row,MENTEE,\n";
		long id = idOf(upload("admin@northbridge.demo", csv(file)));

		this.mvc.perform(post("/api/v1/user-imports/{id}/commit", id).with(as("admin@northbridge.demo")).with(csrf()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("COMMITTING"));
		String done = awaitFinished(id);

		assertThat((String) JsonPath.read(done, "$.status")).isEqualTo("COMMITTED");
		assertThat((Integer) JsonPath.read(done, "$.percent")).isEqualTo(100);
		assertThat((Integer) JsonPath.read(done, "$.createdRows")).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT u.status, d.code FROM users u JOIN departments d ON d.id = u.department_id "
				+ "WHERE u.email = :e")
			.param("e", "ada." + t + "@example.edu")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.single()).isEqualTo("INVITED CS");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outbox_mails WHERE recipient = :e")
			.param("e", "alan." + t + "@example.edu")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT action FROM audit_logs WHERE entity = 'user_imports' AND entity_id = :id ORDER BY id")
			.param("id", String.valueOf(id))
			.query(String.class)
			.list()).containsExactly("USER_IMPORT_UPLOADED", "USER_IMPORT_COMMIT_STARTED", "USER_IMPORT_COMMITTED");
		this.mvc.perform(get("/api/v1/user-imports/{id}/rows", id).with(as("admin@northbridge.demo")))
			.andExpect(jsonPath("$.rows[0].outcome").value("CREATED"))
			.andExpect(jsonPath("$.rows[2].outcome").value("INVALID"));

		long usersBefore = count("users");
		String rerun = upload("admin@northbridge.demo", csv(file));
		assertThat((Integer) JsonPath.read(rerun, "$.summary.validRows")).isZero();
		assertThat((Integer) JsonPath.read(rerun, "$.summary.unchangedRows")).isEqualTo(2);
		long rerunId = idOf(rerun);
		this.mvc.perform(post("/api/v1/user-imports/{id}/commit", rerunId).with(as("admin@northbridge.demo")).with(csrf()))
			.andExpect(status().isAccepted());
		assertThat((Integer) JsonPath.read(awaitFinished(rerunId), "$.createdRows")).isZero();
		assertThat(count("users")).isEqualTo(usersBefore);
	}

	@Test
	void anImportIsCommittedOrDiscardedOnlyOnce() throws Exception {
		String t = tag();
		long discarded = idOf(upload("admin@northbridge.demo", csv(HEADER + "dis." + t + "@example.edu,Dis Card,MENTEE,\n")));
		this.mvc.perform(post("/api/v1/user-imports/{id}/discard", discarded).with(as("admin@northbridge.demo")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DISCARDED"));
		this.mvc.perform(post("/api/v1/user-imports/{id}/commit", discarded).with(as("admin@northbridge.demo")).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("discarded")));
		this.mvc.perform(get("/api/v1/user-imports/{id}/rows", discarded).with(as("admin@northbridge.demo")))
			.andExpect(jsonPath("$.rows[0].outcome").value("SKIPPED"));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM users WHERE email = :e")
			.param("e", "dis." + t + "@example.edu")
			.query(Long.class)
			.single()).isZero();

		long committed = idOf(upload("admin@northbridge.demo", csv(HEADER + "once." + t + "@example.edu,Once Only,MENTEE,\n")));
		this.mvc.perform(post("/api/v1/user-imports/{id}/commit", committed).with(as("admin@northbridge.demo")).with(csrf()))
			.andExpect(status().isAccepted());
		this.mvc.perform(post("/api/v1/user-imports/{id}/commit", committed).with(as("admin@northbridge.demo")).with(csrf()))
			.andExpect(status().isConflict());
		awaitFinished(committed);
		this.mvc.perform(post("/api/v1/user-imports/{id}/discard", committed).with(as("admin@northbridge.demo")).with(csrf()))
			.andExpect(status().isConflict());
	}

	@Test
	void thePagesPreviewCommitAndShowProgress() throws Exception {
		String t = tag();
		this.mvc.perform(get("/admin/users/import").with(as("admin@northbridge.demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"csv-example\"")))
			.andExpect(content().string(containsString("enctype=\"multipart/form-data\"")));
		String location = this.mvc
			.perform(multipart("/admin/users/import")
				.file(csv(HEADER + "page." + t + "@example.edu,Paige Turner,MENTEE,PSY\nbad@,Bad Row,MENTEE,\n"))
				.with(as("admin@northbridge.demo"))
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrlPattern("/admin/users/import/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		this.mvc.perform(get(location).with(as("admin@northbridge.demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&#39;bad@&#39; is not a valid e-mail address.")))
			.andExpect(content().string(containsString("2 rows: 1 to import, 1 with problems, 0 already have an account.")))
			.andExpect(content().string(containsString(">Ready</span>")))
			.andExpect(content().string(containsString(">Problem</span>")))
			.andExpect(content().string(containsString("Import the valid row<")))
			.andExpect(content().string(containsString("id=\"discard-button\"")));
		this.mvc.perform(post(location + "/commit").with(as("admin@northbridge.demo")).with(csrf()))
			.andExpect(status().isFound());
		awaitFinished(id);
		this.mvc.perform(get(location + "/progress").header("HX-Request", "true").with(as("admin@northbridge.demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("100%")))
			.andExpect(content().string(not(containsString("hx-trigger"))))
			.andExpect(content().string(not(containsString("<html"))));
		this.mvc.perform(get(location).with(as("admin@northbridge.demo")))
			.andExpect(content().string(containsString("The import is complete.")))
			.andExpect(content().string(not(containsString("id=\"commit-button\""))));
	}

	@Test
	void aRunningImportsProgressPollsItselfAndOffersARefreshLink() throws Exception {
		String t = tag();
		StringBuilder many = new StringBuilder(HEADER);
		for (int i = 0; i < 40; i++) {
			many.append("bulk").append(i).append('.').append(t).append("@example.edu,Bulk Person ").append(i).append(",MENTEE,\n");
		}
		long id = idOf(upload("admin@northbridge.demo", csv(many.toString())));
		this.mvc.perform(post("/admin/users/import/{id}/commit", id).with(as("admin@northbridge.demo")).with(csrf()))
			.andExpect(status().isFound());
		String running = this.mvc.perform(get("/admin/users/import/{id}/progress", id).with(as("admin@northbridge.demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		if (running.contains("Importing")) {
			assertThat(running).contains("hx-trigger=\"every 1s\"", "id=\"refresh-link\"");
		}
		assertThat((Integer) JsonPath.read(awaitFinished(id), "$.createdRows")).isEqualTo(40);
	}

	@Test
	void badFilesAreRefusedWithAClearMessageAndNothingIsKept() throws Exception {
		long importsBefore = count("user_imports");
		byte[] tooBig = new byte[UserImportFile.MAX_BYTES + 10];
		java.util.Arrays.fill(tooBig, (byte) 'a');
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		StringBuilder tooLong = new StringBuilder(HEADER);
		for (int i = 0; i < 5001; i++) {
			tooLong.append("row").append(i).append("@example.edu,Row ").append(i).append(",MENTEE,\n");
		}
		Object[][] cases = { { file("big.csv", tooBig), "larger than 2 MB" },
				{ file("people.csv", png), "not a CSV file" },
				{ csv(tooLong.toString()), "more than 5,000 rows" },
				{ csv("mail,name\nx@example.edu,X\n"), "Missing: email, full_name, role, department_code." },
				{ file("people.csv", new byte[0]), "Send a CSV file" } };
		for (Object[] bad : cases) {
			this.mvc
				.perform(multipart("/api/v1/user-imports").file((MockMultipartFile) bad[0])
					.with(as("admin@northbridge.demo"))
					.with(csrf()))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("file"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString((String) bad[1])));
		}
		this.mvc.perform(multipart("/api/v1/user-imports").with(as("admin@northbridge.demo")).with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(multipart("/admin/users/import").file(file("photo.csv", png))
				.with(as("admin@northbridge.demo"))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This is not a CSV file.")));
		this.mvc
			.perform(multipart("/admin/users/import").file(file("big.csv", tooBig))
				.with(as("admin@northbridge.demo"))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("larger than 2 MB")));
		assertThat(count("user_imports")).isEqualTo(importsBefore);
	}

	@Test
	void anotherInstitutionsImportIsNotFoundAndOtherRolesMayNotImport() throws Exception {
		String t = tag();
		long id = idOf(upload("admin@northbridge.demo", csv(HEADER + "secret." + t + "@example.edu,Secret Person,MENTEE,\n")));
		this.mvc.perform(get("/api/v1/user-imports/{id}/rows", id).with(as("admin@acme.demo")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("secret." + t))));
		this.mvc.perform(get("/admin/users/import/{id}", id).with(as("admin@acme.demo"))).andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/users/import/{id}/progress", id).with(as("admin@acme.demo")))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/user-imports/{id}/commit", id).with(as("admin@acme.demo")).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/admin/users/import/{id}/discard", id).with(as("admin@acme.demo")).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/user-imports").with(as("admin@acme.demo")))
			.andExpect(jsonPath("$[*].id", not(hasItem((int) id))));

		long importsBefore = count("user_imports");
		for (String login : new String[] { "mentor@northbridge.demo", "coordinator@northbridge.demo",
				"platform@mentorhub.demo" }) {
			this.mvc
				.perform(multipart("/api/v1/user-imports").file(csv(HEADER + "x." + t + "@example.edu,X,MENTEE,\n"))
					.with(as(login))
					.with(csrf()))
				.andExpect(status().isForbidden());
			this.mvc.perform(post("/api/v1/user-imports/{id}/commit", id).with(as(login)).with(csrf()))
				.andExpect(status().isForbidden());
			this.mvc.perform(get("/admin/users/import").with(as(login))).andExpect(status().isForbidden());
		}
		this.mvc.perform(multipart("/api/v1/user-imports").file(csv(HEADER + "x@example.edu,X,MENTEE,\n"))
			.with(as("admin@northbridge.demo"))).andExpect(status().isForbidden());
		assertThat(count("user_imports")).isEqualTo(importsBefore);
		this.mvc.perform(get("/api/v1/user-imports/{id}", id).with(as("admin@northbridge.demo")))
			.andExpect(jsonPath("$.status").value("PREVIEW"));
	}

	@Test
	void aBurstOfUploadsIsSlowedDownWith429() throws Exception {
		String body = HEADER + "burst@example.edu,Burst,MENTEE,\n";
		int status = 0;
		for (int i = 0; i <= UserImports.UPLOADS_PER_WINDOW && status != 429; i++) {
			status = this.mvc.perform(multipart("/api/v1/user-imports").file(csv(body)).with(as("admin@acme.demo")).with(csrf()))
				.andReturn()
				.getResponse()
				.getStatus();
		}
		assertThat(status).isEqualTo(429);
	}

}
