package org.mentorhub.identity.imports;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.identity.RoleName;
import org.mentorhub.platform.imports.ImportApi;
import org.mentorhub.platform.imports.ImportIntegrationTest;
import org.springframework.mock.web.MockMultipartFile;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.platform.imports.ImportApi.PNG;
import static org.mentorhub.platform.imports.ImportApi.file;
import static org.mentorhub.platform.imports.ImportApi.idOf;
import static org.mentorhub.platform.imports.ImportApi.outcomeOf;
import static org.mentorhub.platform.imports.ImportApi.problemsOf;
import static org.mentorhub.platform.imports.ImportApi.tag;
import static org.mentorhub.platform.imports.ImportApi.tooBig;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * CSV import of people, in a university of its own: preview with per-row problems, background commit,
 * idempotence, bad files, tenancy.
 */
@MentorHubIntegrationTest
class UserImportIntegrationTests extends ImportIntegrationTest {

	static final String HEADER = "email,full_name,role,department_code\n";

	/** The user import's paths. */
	static final String[] PATHS = { "/api/v1/user-imports", "/admin/users/import", "/{id}", "/{id}/rows" };

	UserImportIntegrationTests() {
		super(PATHS, "BUS", "CS", "PSY");
	}

	static MockMultipartFile csv(String text) {
		return ImportApi.csv("people.csv", text);
	}

	long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	String upload(String text) throws Exception {
		return this.imports.upload(this.admin, csv(text));
	}

	@Test
	void theUploadPreviewsEveryRowWithItsProblemsAndCreatesNobody() throws Exception {
		String t = tag();
		Account existing = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		aCompany().withDepartment("ENGR").build(this.jdbc);
		long usersBefore = count("users");
		String preview = upload(HEADER
				+ "ada." + t + "@example.edu,Ada Lovelace,MENTOR,cs\n"
				+ "alan." + t + "@example.edu,Alan Turing,mentee,\n"
				+ "not-an-email,Bad Address,MENTEE,\n"
				+ "ADA." + t + "@example.edu,Ada Again,MENTEE,\n"
				+ existing.email().toUpperCase() + ",Emma Walker,MENTEE,CS\n"
				+ "grace." + t + "@example.edu,Grace Hopper,MENTOR,NOPE\n"
				+ "linus." + t + "@example.edu,Linus,WIZARD,\n"
				+ "pat." + t + "@example.edu,Pat,PLATFORM_ADMIN,\n"
				+ "cora." + t + "@example.edu,Cora Coordinator,COORDINATOR,\n"
				+ "eng." + t + "@example.edu,Ellen Engineer,MENTOR,ENGR\n");

		assertThat((Integer) JsonPath.read(preview, "$.summary.totalRows")).isEqualTo(10);
		assertThat((Integer) JsonPath.read(preview, "$.summary.validRows")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(preview, "$.summary.unchangedRows")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(preview, "$.summary.invalidRows")).isEqualTo(7);
		assertThat((String) JsonPath.read(preview, "$.summary.status")).isEqualTo("PREVIEW");
		assertThat(problemsOf(preview, 4)).contains("'not-an-email' is not a valid e-mail address.");
		assertThat(problemsOf(preview, 5)).contains("This e-mail address is already on line 2 of the file.");
		assertThat(problemsOf(preview, 6)).contains(UserImports.ALREADY_EXISTS);
		assertThat(outcomeOf(preview, 6)).isEqualTo("UNCHANGED");
		assertThat(problemsOf(preview, 7)).contains("Unknown department code 'NOPE'. Use one of: BUS, CS, PSY.");
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

	@Test
	void committingInvitesTheValidRowsInTheBackgroundAndARerunCreatesNobodyTwice() throws Exception {
		String t = tag();
		String file = HEADER + "ada." + t + "@example.edu,Ada Lovelace,MENTOR,cs\n"
				+ "alan." + t + "@example.edu,Alan Turing,MENTEE,\n" + "broken-" + t + ",Bad Row,MENTEE,\n";
		long id = idOf(upload(file));

		this.imports.commit(this.admin, id);
		String done = this.imports.awaitSettled(this.admin, id);

		assertThat((String) JsonPath.read(done, "$.status")).isEqualTo("COMMITTED");
		assertThat((Integer) JsonPath.read(done, "$.percent")).isEqualTo(100);
		assertThat((Integer) JsonPath.read(done, "$.createdRows")).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT u.status, d.code, u.institution_id FROM users u "
				+ "JOIN departments d ON d.id = u.department_id WHERE u.email = :e")
			.param("e", "ada." + t + "@example.edu")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3))
			.single()).isEqualTo("INVITED CS " + this.college.id());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outbox_mails WHERE recipient = :e")
			.param("e", "alan." + t + "@example.edu")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT action FROM audit_logs WHERE entity = 'user_imports' AND entity_id = :id ORDER BY id")
			.param("id", String.valueOf(id))
			.query(String.class)
			.list()).containsExactly("USER_IMPORT_UPLOADED", "USER_IMPORT_COMMIT_STARTED", "USER_IMPORT_COMMITTED");
		String rows = this.imports.rows(this.admin, id);
		assertThat(outcomeOf(rows, 2)).isEqualTo("CREATED");
		assertThat(outcomeOf(rows, 4)).isEqualTo("INVALID");

		long usersBefore = count("users");
		String rerun = upload(file);
		assertThat((Integer) JsonPath.read(rerun, "$.summary.validRows")).isZero();
		assertThat((Integer) JsonPath.read(rerun, "$.summary.unchangedRows")).isEqualTo(2);
		long rerunId = idOf(rerun);
		this.imports.commit(this.admin, rerunId);
		assertThat((Integer) JsonPath.read(this.imports.awaitSettled(this.admin, rerunId), "$.createdRows")).isZero();
		assertThat(count("users")).isEqualTo(usersBefore);
	}

	@Test
	void anImportIsCommittedOrDiscardedOnlyOnce() throws Exception {
		String t = tag();
		long discarded = idOf(upload(HEADER + "dis." + t + "@example.edu,Dis Card,MENTEE,\n"));
		this.mvc.perform(post("/api/v1/user-imports/{id}/discard", discarded).with(as(this.admin)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DISCARDED"));
		this.mvc.perform(post("/api/v1/user-imports/{id}/commit", discarded).with(as(this.admin)).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("discarded")));
		assertThat(outcomeOf(this.imports.rows(this.admin, discarded), 2)).isEqualTo("SKIPPED");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM users WHERE email = :e")
			.param("e", "dis." + t + "@example.edu")
			.query(Long.class)
			.single()).isZero();

		long committed = idOf(upload(HEADER + "once." + t + "@example.edu,Once Only,MENTEE,\n"));
		this.imports.commit(this.admin, committed);
		this.mvc.perform(post("/api/v1/user-imports/{id}/commit", committed).with(as(this.admin)).with(csrf()))
			.andExpect(status().isConflict());
		this.imports.awaitSettled(this.admin, committed);
		this.mvc.perform(post("/api/v1/user-imports/{id}/discard", committed).with(as(this.admin)).with(csrf()))
			.andExpect(status().isConflict());
	}

	@Test
	void thePagesPreviewCommitAndShowProgress() throws Exception {
		String t = tag();
		this.mvc.perform(get("/admin/users/import").with(as(this.admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"csv-example\"")))
			.andExpect(content().string(containsString("enctype=\"multipart/form-data\"")));
		String location = this.imports.uploadThroughPage(this.admin,
				csv(HEADER + "page." + t + "@example.edu,Paige Turner,MENTEE,PSY\nbad@,Bad Row,MENTEE,\n"));

		this.imports.assertPageShows(this.admin, location, "&#39;bad@&#39; is not a valid e-mail address.",
				"2 rows: 1 to import, 1 with problems, 0 already have an account.", ">Ready</span>", ">Problem</span>",
				"Import the valid row<", "id=\"discard-open\"");
		this.imports.commitThroughPage(this.admin, location);
	}

	@Test
	void thePageAsksBeforeDiscardingAnImport() throws Exception {
		String t = tag();
		String location = this.imports.uploadThroughPage(this.admin,
				csv(HEADER + "gone." + t + "@example.edu,Gone Again,MENTEE,\n"));

		this.imports.discardThroughPage(this.admin, location, "people.csv");

		assertThat(outcomeOf(this.imports.rows(this.admin, ImportApi.idOfPage(location)), 2)).isEqualTo("SKIPPED");
	}

	@Test
	void aRunningImportsProgressPollsItselfAndOffersARefreshLink() throws Exception {
		String t = tag();
		StringBuilder many = new StringBuilder(HEADER);
		for (int i = 0; i < 40; i++) {
			many.append("bulk").append(i).append('.').append(t).append("@example.edu,Bulk Person ").append(i).append(",MENTEE,\n");
		}
		long id = idOf(upload(many.toString()));
		this.mvc.perform(post("/admin/users/import/{id}/commit", id).with(as(this.admin)).with(csrf()))
			.andExpect(status().isFound());
		String running = this.mvc.perform(get("/admin/users/import/{id}/progress", id).with(as(this.admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		if (running.contains("Importing")) {
			assertThat(running).contains("hx-trigger=\"every 1s\"", "id=\"refresh-link\"");
		}
		assertThat((Integer) JsonPath.read(this.imports.awaitSettled(this.admin, id), "$.createdRows")).isEqualTo(40);
	}

	@Test
	void badFilesAreRefusedWithAClearMessageAndNothingIsKept() throws Exception {
		long importsBefore = count("user_imports");
		byte[] tooBig = tooBig(UserImportFile.MAX_BYTES);
		StringBuilder tooLong = new StringBuilder(HEADER);
		for (int i = 0; i < 5001; i++) {
			tooLong.append("row").append(i).append("@example.edu,Row ").append(i).append(",MENTEE,\n");
		}
		this.imports.assertRefused(this.admin, file("big.csv", tooBig), "larger than 2 MB");
		this.imports.assertRefused(this.admin, file("people.csv", PNG), "not a CSV file");
		this.imports.assertRefused(this.admin, csv(tooLong.toString()), "more than 5,000 rows");
		this.imports.assertRefused(this.admin, csv("mail,name\nx@example.edu,X\n"),
				"Missing: email, full_name, role, department_code.");
		this.imports.assertRefused(this.admin, file("people.csv", new byte[0]), "Send a CSV file");
		this.mvc.perform(multipart("/api/v1/user-imports").with(as(this.admin)).with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(multipart("/admin/users/import").file(file("photo.csv", PNG))
				.with(as(this.admin))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This is not a CSV file.")));
		this.mvc
			.perform(multipart("/admin/users/import").file(file("big.csv", tooBig))
				.with(as(this.admin))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("larger than 2 MB")));
		assertThat(count("user_imports")).isEqualTo(importsBefore);
	}

	@Test
	void anotherInstitutionsImportIsNotFoundAndOtherRolesMayNotImport() throws Exception {
		String t = tag();
		long id = idOf(upload(HEADER + "secret." + t + "@example.edu,Secret Person,MENTEE,\n"));
		Account stranger = aCompany().build(this.jdbc).anAdmin().create(this.jdbc);
		this.imports.assertNotFoundFor(stranger, id, "secret." + t);

		long importsBefore = count("user_imports");
		for (Account other : new Account[] { this.college.aMentor().create(this.jdbc),
				this.college.aCoordinator().inDepartment("CS").create(this.jdbc),
				TestAccounts.anAccount(RoleName.PLATFORM_ADMIN).create(this.jdbc) }) {
			this.mvc
				.perform(multipart("/api/v1/user-imports").file(csv(HEADER + "x." + t + "@example.edu,X,MENTEE,\n"))
					.with(as(other))
					.with(csrf()))
				.andExpect(status().isForbidden());
			this.mvc.perform(post("/api/v1/user-imports/{id}/commit", id).with(as(other)).with(csrf()))
				.andExpect(status().isForbidden());
			this.mvc.perform(get("/admin/users/import").with(as(other))).andExpect(status().isForbidden());
		}
		this.mvc.perform(multipart("/api/v1/user-imports").file(csv(HEADER + "x@example.edu,X,MENTEE,\n"))
			.with(as(this.admin))).andExpect(status().isForbidden());
		assertThat(count("user_imports")).isEqualTo(importsBefore);
		this.mvc.perform(get("/api/v1/user-imports/{id}", id).with(as(this.admin)))
			.andExpect(jsonPath("$.status").value("PREVIEW"));
	}

	@Test
	void aBurstOfUploadsIsSlowedDownWith429() throws Exception {
		String body = HEADER + "burst@example.edu,Burst,MENTEE,\n";
		int status = 0;
		for (int i = 0; i <= UserImports.UPLOADS_PER_WINDOW && status != 429; i++) {
			status = this.mvc.perform(multipart("/api/v1/user-imports").file(csv(body)).with(as(this.admin)).with(csrf()))
				.andReturn()
				.getResponse()
				.getStatus();
		}
		assertThat(status).isEqualTo(429);
	}

}
