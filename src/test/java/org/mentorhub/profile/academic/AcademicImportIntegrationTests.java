package org.mentorhub.profile.academic;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.identity.RoleName;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.platform.imports.ImportApi;
import org.mentorhub.platform.imports.ImportIntegrationTest;
import org.mentorhub.platform.jobs.KilledInstance;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.platform.imports.ImportApi.PNG;
import static org.mentorhub.platform.imports.ImportApi.count;
import static org.mentorhub.platform.imports.ImportApi.file;
import static org.mentorhub.platform.imports.ImportApi.idOf;
import static org.mentorhub.platform.imports.ImportApi.outcomeOf;
import static org.mentorhub.platform.imports.ImportApi.problemsOf;
import static org.mentorhub.platform.imports.ImportApi.tooBig;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * CSV import of students' academic data: preview with per-row outcomes and problems, background
 * commit with audit, idempotence, bad files, bad rows, and who may import for whom, in a university of
 * its own.
 */
@MentorHubIntegrationTest
class AcademicImportIntegrationTests extends ImportIntegrationTest {

	AcademicImportIntegrationTests() {
		super(new String[] { "/api/v1/academic-imports", "/admin/academic-imports", "/{id}/progress", "/{id}" }, "CS",
				"BUS");
	}

	String scale;

	@BeforeEach
	void theScale() {
		this.scale = this.jdbc.sql("SELECT gpa_scale FROM institutions WHERE id = :id")
			.param("id", this.college.id())
			.query(BigDecimal.class)
			.single()
			.stripTrailingZeros()
			.toPlainString();
	}

	/** A student of the department with an academic record (null values: none recorded). */
	Student student(TestInstitution institution, String department, String gpa, String attendance, String risk) {
		Account account = institution.aStudent().inDepartment(department).create(this.jdbc);
		String roll = "AI-" + UUID.randomUUID().toString().substring(0, 12).toUpperCase();
		this.jdbc.sql("INSERT INTO student_profiles (user_id, roll_number, gpa, attendance_pct, risk_level) "
				+ "VALUES (:u, :r, :g, :a, :k)")
			.param("u", account.id())
			.param("r", roll)
			.param("g", gpa == null ? null : new BigDecimal(gpa))
			.param("a", attendance == null ? null : new BigDecimal(attendance))
			.param("k", risk)
			.update();
		return new Student(account, roll);
	}

	record Student(Account account, String roll) {

		long id() {
			return this.account.id();
		}

	}

	/** The record as "gpa attendance risk", with trailing zeros stripped. */
	String record(Student student) {
		return this.jdbc.sql("SELECT gpa, attendance_pct, risk_level FROM student_profiles WHERE user_id = :u")
			.param("u", student.id())
			.query((rs, n) -> plain(rs.getBigDecimal(1)) + " " + plain(rs.getBigDecimal(2)) + " " + rs.getString(3))
			.single();
	}

	static String plain(BigDecimal value) {
		return value == null ? "-" : value.stripTrailingZeros().toPlainString();
	}

	long academicAudits(Student student) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'STUDENT_ACADEMIC_UPDATED' AND entity_id = :id")
			.param("id", String.valueOf(student.id()))
			.query(Long.class)
			.single();
	}

	long importsBy(Account account) {
		return this.jdbc.sql("SELECT COUNT(*) FROM academic_imports WHERE uploaded_by_id = :u")
			.param("u", account.id())
			.query(Long.class)
			.single();
	}

	static MockMultipartFile csv(String text) {
		return ImportApi.csv("grades.csv", text);
	}

	String upload(Account account, String text) throws Exception {
		return this.imports.upload(account, csv(text));
	}

	void commit(Account account, long id) throws Exception {
		this.imports.commit(account, id);
	}

	String awaitFinished(Account account, long id) throws Exception {
		return this.imports.awaitSettled(account, id);
	}

	@Test
	void theUploadPreviewsEveryRowWithWhatItChangesAndChangesNothing() throws Exception {
		Student first = student(this.college, "CS", null, null, "LOW");
		Student updated = student(this.college, "BUS", "3.10", "80.00", "MEDIUM");
		Student same = student(this.college, "CS", "2.50", "75.50", "HIGH");
		Student blank = student(this.college, "CS", "3.00", null, "LOW");
		Student twice = student(this.college, "CS", "3.00", "90", "LOW");
		Student acme = student(aCompany().withDepartment("ENGR").build(this.jdbc), "ENGR", "3.00", "90", "LOW");
		String file = "roll_number,gpa,attendance,risk_level\n"
				+ first.roll() + ",3.40,91,\n" // line 2: NEW
				+ updated.roll() + ",3.1,85.5,high\n" // 3: UPDATE of attendance and risk
				+ same.roll() + ",2.5,75.5,HIGH\n" // 4: UNCHANGED
				+ blank.roll() + ",,,\n" // 5: UNCHANGED, nothing given
				+ twice.roll() + ",3.2,,\n" // 6: duplicate
				+ twice.roll() + ",3.3,,\n" // 7: duplicate
				+ ",3.0,90,\n" // 8: no roll number
				+ "NO-SUCH-ROLL,3.0,90,\n" // 9: unknown
				+ acme.roll() + ",3.0,90,\n" // 10: another institution's student is unknown here
				+ first.roll().toLowerCase() + "x,3.0,,\n"; // 11: unknown
		String preview = upload(this.admin, file);

		assertThat(count(preview, "$.summary.totalRows")).isEqualTo(10);
		assertThat(count(preview, "$.summary.validRows")).isEqualTo(2);
		assertThat(count(preview, "$.summary.unchangedRows")).isEqualTo(2);
		assertThat(count(preview, "$.summary.errorRows")).isEqualTo(6);
		assertThat((String) JsonPath.read(preview, "$.summary.status")).isEqualTo("PREVIEW");
		assertThat(outcomeOf(preview, 2)).isEqualTo("NEW");
		assertThat(JsonPath.read(preview, "$.rows[0].changes").toString()).isEqualTo("[\"gpa\",\"attendance\"]");
		assertThat((Integer) JsonPath.read(preview, "$.rows[0].studentId")).isEqualTo((int) first.id());
		assertThat(outcomeOf(preview, 3)).isEqualTo("UPDATE");
		assertThat(JsonPath.read(preview, "$.rows[1].changes").toString()).isEqualTo("[\"attendance\",\"risk_level\"]");
		assertThat(outcomeOf(preview, 4)).isEqualTo("UNCHANGED");
		assertThat(problemsOf(preview, 4)).contains("already holds these values");
		assertThat(outcomeOf(preview, 5)).isEqualTo("UNCHANGED");
		assertThat(problemsOf(preview, 5)).contains("gives no values");
		assertThat(problemsOf(preview, 6)).contains("also on line 7");
		assertThat(problemsOf(preview, 7)).contains("also on line 6");
		assertThat(outcomeOf(preview, 7)).isEqualTo("ERROR");
		assertThat(problemsOf(preview, 8)).contains("The roll number is missing.");
		assertThat(problemsOf(preview, 9)).contains("No student with this roll number.");
		assertThat(problemsOf(preview, 10)).contains("No student with this roll number.");
		assertThat(problemsOf(preview, 11)).contains("No student with this roll number.");
		assertThat((Object) JsonPath.read(preview, "$.rows[8].studentId")).isNull();

		assertThat(record(first)).isEqualTo("- - LOW");
		assertThat(record(updated)).isEqualTo("3.1 80 MEDIUM");
		assertThat(academicAudits(first) + academicAudits(updated)).isZero();
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'ACADEMIC_IMPORT_UPLOADED' AND entity_id = :id")
			.param("id", String.valueOf(idOf(preview)))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void valuesOutsideTheRulesAreRowErrors() throws Exception {
		Student a = student(this.college, "CS", "3.00", "90", "LOW");
		Student b = student(this.college, "CS", "3.00", "90", "LOW");
		Student c = student(this.college, "CS", "3.00", "90", "LOW");
		Student d = student(this.college, "CS", "3.00", "90", "LOW");
		Student e = student(this.college, "CS", "3.00", "90", "LOW");
		Student f = student(this.college, "CS", "3.00", "90", "LOW");
		Student g = student(this.college, "CS", "3.00", "90", "LOW");
		String over = new BigDecimal(this.scale).add(new BigDecimal("0.5")).toPlainString();
		String preview = upload(this.admin, "roll_number,gpa,attendance,risk_level\n"
				+ a.roll() + "," + over + ",,\n"
				+ b.roll() + ",-1,,\n"
				+ c.roll() + ",abc,,\n"
				+ d.roll() + ",,101,\n"
				+ e.roll() + ",3.255,-0.5,\n"
				+ f.roll() + ",,,SEVERE\n"
				+ g.roll() + "," + this.scale + ",100%,medium\n");

		assertThat(problemsOf(preview, 2)).contains("The GPA " + over + " is outside 0 to " + this.scale
				+ " (your institution's scale).");
		assertThat(problemsOf(preview, 3)).contains("The GPA -1 is outside 0 to " + this.scale);
		assertThat(problemsOf(preview, 4)).contains("'abc' is not a GPA.");
		assertThat(problemsOf(preview, 5)).contains("The attendance 101 is outside 0 to 100 %.");
		assertThat(problemsOf(preview, 6)).contains("more than two decimals", "The attendance -0.5 is outside");
		assertThat(problemsOf(preview, 7)).contains("Unknown risk level 'SEVERE'. Use low, medium or high.");
		for (int line = 2; line <= 7; line++) {
			assertThat(outcomeOf(preview, line)).as("line %d", line).isEqualTo("ERROR");
		}
		assertThat(outcomeOf(preview, 8)).as("the top of the scale, 100 % and a lower-case level are fine")
			.isEqualTo("UPDATE");
		assertThat(count(preview, "$.summary.validRows")).isEqualTo(1);

		long id = idOf(preview);
		commit(this.admin, id);
		String done = awaitFinished(this.admin, id);
		assertThat(count(done, "$.appliedRows")).isEqualTo(1);
		for (Student untouched : List.of(a, b, c, d, e, f)) {
			assertThat(record(untouched)).isEqualTo("3 90 LOW");
		}
		assertThat(record(g)).isEqualTo(this.scale + " 100 MEDIUM");
	}

	@Test
	void committingAppliesTheRowsInTheBackgroundAuditsEachAndASecondImportChangesNothing() throws Exception {
		Student first = student(this.college, "CS", null, null, "LOW");
		Student updated = student(this.college, "BUS", "3.10", "80.00", "MEDIUM");
		Student bad = student(this.college, "CS", "2.00", "60", "HIGH");
		String file = "risk_level;attendance;gpa;roll_number\n" // any order, semicolons
				+ ";91;3,4;" + first.roll() + "\n" // a decimal comma
				+ "high;85.5 %;;" + updated.roll() + "\n" // a blank GPA stays
				+ ";;abc;" + bad.roll() + "\n";
		long id = idOf(upload(this.admin, file));

		commit(this.admin, id);
		String done = awaitFinished(this.admin, id);

		assertThat((String) JsonPath.read(done, "$.status")).isEqualTo("COMMITTED");
		assertThat(count(done, "$.percent")).isEqualTo(100);
		assertThat(count(done, "$.appliedRows")).isEqualTo(2);
		assertThat(record(first)).isEqualTo("3.4 91 LOW");
		assertThat(record(updated)).isEqualTo("3.1 85.5 HIGH");
		assertThat(record(bad)).isEqualTo("2 60 HIGH");
		Map<String, Object> audit = this.jdbc.sql("""
				SELECT user_id, before_state, after_state FROM audit_logs
				WHERE action = 'STUDENT_ACADEMIC_UPDATED' AND entity = 'student_profiles' AND entity_id = :id""")
			.param("id", String.valueOf(updated.id()))
			.query()
			.singleRow();
		assertThat(((Number) audit.get("user_id")).longValue()).isEqualTo(this.admin.id());
		assertThat(String.valueOf(audit.get("before_state"))).contains("\"attendancePct\":\"80\"", "\"riskLevel\":\"MEDIUM\"");
		assertThat(String.valueOf(audit.get("after_state"))).contains("\"attendancePct\":\"85.5\"", "\"riskLevel\":\"HIGH\"",
				"\"academicImportId\":" + id);
		assertThat(academicAudits(first)).isEqualTo(1);
		assertThat(academicAudits(bad)).isZero();
		assertThat(this.jdbc.sql("SELECT action FROM audit_logs WHERE entity = 'academic_imports' AND entity_id = :id ORDER BY id")
			.param("id", String.valueOf(id))
			.query(String.class)
			.list()).containsExactly("ACADEMIC_IMPORT_UPLOADED", "ACADEMIC_IMPORT_COMMIT_STARTED",
					"ACADEMIC_IMPORT_COMMITTED");
		this.mvc.perform(get("/api/v1/academic-imports/{id}", id).with(as(this.admin)))
			.andExpect(jsonPath("$.rows[0].outcome").value("APPLIED"))
			.andExpect(jsonPath("$.rows[1].outcome").value("APPLIED"))
			.andExpect(jsonPath("$.rows[1].changes[0]").value("attendance"))
			.andExpect(jsonPath("$.rows[2].outcome").value("ERROR"));

		String again = upload(this.admin, file);
		assertThat(count(again, "$.summary.validRows")).isZero();
		assertThat(count(again, "$.summary.unchangedRows")).isEqualTo(2);
		long againId = idOf(again);
		commit(this.admin, againId);
		assertThat(count(awaitFinished(this.admin, againId), "$.appliedRows")).isZero();
		assertThat(academicAudits(first)).isEqualTo(1);
		assertThat(academicAudits(updated)).isEqualTo(1);
		assertThat(record(first)).isEqualTo("3.4 91 LOW");
	}

	@Test
	void aRowIsCheckedAgainWhenCommittedAndAnImportIsCommittedOrDiscardedOnlyOnce() throws Exception {
		Student moving = student(this.college, "CS", "3.00", "90", "LOW");
		Student staying = student(this.college, "CS", "3.00", "90", "LOW");
		Account coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		long id = idOf(upload(coordinator, "roll_number,gpa\n" + moving.roll() + ",3.5\n" + staying.roll() + ",3.6\n"));
		// The student moves to another department between the preview and the commit.
		this.jdbc.sql("UPDATE users SET department_id = (SELECT id FROM departments WHERE code = 'BUS' AND "
				+ "institution_id = users.institution_id) WHERE id = :u").param("u", moving.id()).update();

		commit(coordinator, id);
		this.mvc.perform(post("/api/v1/academic-imports/{id}/commit", id).with(as(coordinator)).with(csrf()))
			.andExpect(status().isConflict());
		awaitFinished(coordinator, id);
		this.mvc.perform(post("/api/v1/academic-imports/{id}/discard", id).with(as(coordinator)).with(csrf()))
			.andExpect(status().isConflict());

		this.mvc.perform(get("/api/v1/academic-imports/{id}", id).with(as(coordinator)))
			.andExpect(jsonPath("$.rows[0].outcome").value("ERROR"))
			.andExpect(jsonPath("$.rows[0].problems[0]").value("This student is not in your department."))
			.andExpect(jsonPath("$.rows[1].outcome").value("APPLIED"));
		assertThat(record(moving)).isEqualTo("3 90 LOW");
		assertThat(record(staying)).isEqualTo("3.6 90 LOW");
	}

	@Test
	void discardingAppliesNothing() throws Exception {
		Student student = student(this.college, "CS", "3.00", "90", "LOW");
		long id = idOf(upload(this.admin, "roll_number,gpa,risk_level\n" + student.roll() + ",1.5,HIGH\n"));

		this.mvc.perform(post("/api/v1/academic-imports/{id}/discard", id).with(as(this.admin)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DISCARDED"));

		this.mvc.perform(post("/api/v1/academic-imports/{id}/commit", id).with(as(this.admin)).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("discarded")));
		this.mvc.perform(get("/api/v1/academic-imports/{id}", id).with(as(this.admin)))
			.andExpect(jsonPath("$.rows[0].outcome").value("SKIPPED"));
		assertThat(record(student)).isEqualTo("3 90 LOW");
		assertThat(academicAudits(student)).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'ACADEMIC_IMPORT_DISCARDED' AND entity_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void badFilesAreRefusedWithAClearMessageAndNothingIsKept() throws Exception {
		Student student = student(this.college, "CS", "3.00", "90", "LOW");
		byte[] tooBig = tooBig(AcademicImportFile.MAX_BYTES);
		byte[] png = PNG;
		byte[] pdf = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);
		byte[] latin1 = ("roll_number,gpa\n" + student.roll() + ",3.0\nJos\u00e9,3.1\n").getBytes(StandardCharsets.ISO_8859_1);
		StringBuilder tooLong = new StringBuilder("roll_number,gpa\n");
		for (int i = 0; i < 5001; i++) {
			tooLong.append("R").append(i).append(",3.0\n");
		}
		Object[][] cases = { { file("big.csv", tooBig), "larger than 2 MB" },
				{ file("grades.csv", png), "This is not a CSV file." },
				{ file("grades.pdf.csv", pdf), "This is not a CSV file." },
				{ file("grades.csv", latin1), "not UTF-8 text" },
				{ csv(tooLong.toString()), "more than 5,000 rows" },
				{ csv(student.roll() + ",3.0,90\n"), "The first row must be a header" },
				{ csv("roll_number,gpa,grade\n" + student.roll() + ",3.0,A\n"), "Unknown column 'grade'." },
				{ csv("roll_number\n" + student.roll() + "\n"), "Add at least one of the columns" },
				{ csv("roll_number,gpa,GPA\n" + student.roll() + ",3.0,3.0\n"), "named twice" },
				{ csv("roll_number,gpa\n"), "no students" },
				{ csv("\n\n"), "The file is empty." },
				{ csv("roll_number,gpa\n\"" + student.roll() + ",3.0\n"), "not valid CSV" },
				{ file("grades.csv", new byte[0]), "Send a CSV file" } };
		long importsBefore = this.jdbc.sql("SELECT COUNT(*) FROM academic_imports").query(Long.class).single();
		for (Object[] bad : cases) {
			// A fresh administrator for each, as refused uploads count against the upload budget too.
			this.imports.assertRefused(this.college.anAdmin().create(this.jdbc), (MockMultipartFile) bad[0], (String) bad[1]);
		}
		this.mvc.perform(multipart("/api/v1/academic-imports").with(as(this.admin)).with(csrf()))
			.andExpect(status().isBadRequest());
		// The page shows the problem inline.
		Account pageAdmin = this.college.anAdmin().create(this.jdbc);
		this.mvc.perform(multipart("/admin/academic-imports").file(file("photo.csv", png)).with(as(pageAdmin)).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This is not a CSV file.")))
			.andExpect(content().string(containsString("id=\"file-error\"")));
		this.mvc.perform(multipart("/admin/academic-imports").file(file("big.csv", tooBig)).with(as(pageAdmin)).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("larger than 2 MB")));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM academic_imports").query(Long.class).single())
			.isEqualTo(importsBefore);
		assertThat(record(student)).isEqualTo("3 90 LOW");
	}

	/** Who read the import's rows, by the audit log. */
	List<Long> importReads(long id) {
		return this.jdbc.sql("SELECT user_id FROM audit_logs WHERE action = 'ACADEMIC_IMPORT_READ' AND entity = "
				+ "'academic_imports' AND entity_id = :id ORDER BY id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.list();
	}

	@Test
	void aCoordinatorImportsOnlyForTheirDepartmentAndSeesOnlyTheirOwnImports() throws Exception {
		Student own = student(this.college, "CS", "3.00", "90", "LOW");
		Student other = student(this.college, "BUS", "3.77", "66.6", "HIGH");
		Account coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		String preview = upload(coordinator, "roll_number,gpa\n" + own.roll() + ",3.5\n" + other.roll() + ",1.0\n");

		assertThat(outcomeOf(preview, 2)).isEqualTo("UPDATE");
		assertThat(outcomeOf(preview, 3)).isEqualTo("ERROR");
		assertThat(problemsOf(preview, 3)).contains("This student is not in your department.");
		assertThat((Object) JsonPath.read(preview, "$.rows[1].studentId")).isNull();
		assertThat((Object) JsonPath.read(preview, "$.rows[1].studentName")).isNull();
		String otherName = this.jdbc.sql("SELECT full_name FROM users WHERE id = :u").param("u", other.id())
			.query(String.class)
			.single();
		assertThat(preview).doesNotContain(otherName, other.account().email(), "\"studentId\":" + other.id());
		long id = idOf(preview);
		commit(coordinator, id);
		awaitFinished(coordinator, id);
		assertThat(record(own)).isEqualTo("3.5 90 LOW");
		assertThat(record(other)).isEqualTo("3.77 66.6 HIGH");

		// The administrator sees the coordinator's import; another coordinator of the same department does not.
		this.mvc.perform(get("/api/v1/academic-imports/{id}", id).with(as(coordinator))).andExpect(status().isOk());
		assertThat(importReads(id)).as("the uploader's own read is no disclosure").isEmpty();
		this.mvc.perform(get("/api/v1/academic-imports/{id}", id).with(as(this.admin))).andExpect(status().isOk());
		assertThat(importReads(id)).as("QUALITY S12: a read of risk data").containsExactly(this.admin.id());
		Account colleague = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		this.mvc.perform(get("/api/v1/academic-imports/{id}", id).with(as(colleague))).andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/academic-imports/{id}", id).with(as(colleague))).andExpect(status().isNotFound());
		assertThat(importReads(id)).as("a refused read shows and records nothing").containsExactly(this.admin.id());
		this.mvc.perform(get("/api/v1/academic-imports").with(as(colleague)))
			.andExpect(jsonPath("$[*].id", not(hasItem((int) id))));
		// Nor does the coordinator see the administrator's, which may hold other departments' data.
		long adminImport = idOf(upload(this.admin, "roll_number,gpa\n" + other.roll() + ",3.0\n"));
		this.mvc.perform(get("/api/v1/academic-imports/{id}", adminImport).with(as(coordinator)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString(other.roll()))));
		this.mvc.perform(post("/api/v1/academic-imports/{id}/commit", adminImport).with(as(coordinator)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/academic-imports/{id}/progress", adminImport).with(as(this.college.anAdmin().create(this.jdbc))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PREVIEW"));
	}

	@Test
	void anotherInstitutionsImportIsNotFoundAndOtherRolesMayNotImport() throws Exception {
		Student student = student(this.college, "CS", "3.00", "90", "LOW");
		long id = idOf(upload(this.admin, "roll_number,gpa\n" + student.roll() + ",3.9\n"));
		Account acme = aCompany().build(this.jdbc).anAdmin().create(this.jdbc);
		this.imports.assertNotFoundFor(acme, id, student.roll());
		// The company's administrator importing the university's roll number finds no such student.
		String acmePreview = upload(acme, "roll_number,gpa\n" + student.roll() + ",1.0\n");
		assertThat(problemsOf(acmePreview, 2)).contains("No student with this roll number.");

		Account mentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		for (Account caller : List.of(mentor, student.account())) {
			this.mvc
				.perform(multipart("/api/v1/academic-imports").file(csv("roll_number,gpa\n" + student.roll() + ",4\n"))
					.with(as(caller))
					.with(csrf()))
				.andExpect(status().isForbidden());
			this.mvc.perform(post("/api/v1/academic-imports/{id}/commit", id).with(as(caller)).with(csrf()))
				.andExpect(status().isForbidden());
			this.mvc.perform(get("/api/v1/academic-imports/{id}", id).with(as(caller))).andExpect(status().isForbidden());
			this.mvc.perform(get("/admin/academic-imports").with(as(caller))).andExpect(status().isForbidden());
			this.mvc.perform(get("/admin/academic-imports/template.csv").with(as(caller))).andExpect(status().isForbidden());
			assertThat(importsBy(caller)).isZero();
		}
		this.mvc.perform(get("/api/v1/academic-imports").with(as(TestAccounts.anAccount(RoleName.PLATFORM_ADMIN).create(this.jdbc))))
			.andExpect(status().isForbidden());
		this.mvc.perform(multipart("/api/v1/academic-imports").file(csv("roll_number,gpa\nX,1\n")).with(as(this.admin)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/academic-imports/{id}/progress", id).with(as(this.admin)))
			.andExpect(jsonPath("$.status").value("PREVIEW"));
		assertThat(record(student)).isEqualTo("3 90 LOW");
	}

	@Test
	void thePagesPreviewCommitShowProgressAndOfferATemplate() throws Exception {
		Student student = student(this.college, "CS", "3.00", "90", "LOW");
		this.mvc.perform(get("/admin/academic-imports").with(as(this.admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
			.andExpect(content().string(containsString("id=\"csv-example\"")))
			.andExpect(content().string(containsString("0 to your institution&#39;s scale (" + this.scale + ")")))
			.andExpect(content().string(containsString("href=\"/admin/academic-imports/template.csv\"")));
		this.mvc.perform(get("/admin/academic-imports/template.csv").with(as(this.admin)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(content().string(containsString("roll_number,gpa,attendance,risk_level")));
		String location = this.imports.uploadThroughPage(this.admin,
				csv("roll_number,gpa,attendance\n" + student.roll() + ",3.5,\nNOPE-" + student.roll() + ",9,\n"));
		long id = ImportApi.idOfPage(location);

		this.imports.assertPageShows(this.admin, location, "No student with this roll number.",
				"2 rows: 1 to apply, 1 with problems, 0 unchanged.", ">Update</span>", ">Error</span>",
				"<span>Changes:</span>", "href=\"/people/" + student.id() + "\"", "Apply the change of 1 student<",
				"id=\"discard-open\"");
		this.imports.commitThroughPage(this.admin, location);
		this.mvc.perform(get("/admin/academic-imports").with(as(this.admin)))
			.andExpect(content().string(containsString("href=\"/admin/academic-imports/" + id + "\"")));
		assertThat(record(student)).isEqualTo("3.5 90 LOW");

		Account discarder = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		String second = this.mvc
			.perform(multipart("/admin/academic-imports").file(csv("roll_number,gpa\n" + student.roll() + ",2.0\n"))
				.with(as(discarder))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.imports.discardThroughPage(discarder, second, "grades.csv");
		assertThat(record(student)).isEqualTo("3.5 90 LOW");
	}

	@Test
	void theOpenApiDocumentDescribesTheImportApi() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"/api/v1/academic-imports\"")))
			.andExpect(content().string(containsString("\"/api/v1/academic-imports/{id}\"")))
			.andExpect(content().string(containsString("\"/api/v1/academic-imports/{id}/progress\"")))
			.andExpect(content().string(containsString("\"/api/v1/academic-imports/{id}/commit\"")))
			.andExpect(content().string(containsString("\"/api/v1/academic-imports/{id}/discard\"")))
			.andExpect(content().string(containsString("Academic imports")));
	}

	@Test
	void aBurstOfUploadsIsSlowedDownWith429() throws Exception {
		String body = "roll_number,gpa\nBURST,3.0\n";
		int status = 0;
		int calls = 0;
		while (calls <= AcademicImportPageController.UPLOADS_PER_PERIOD && status != 429) {
			status = this.mvc
				.perform(multipart("/api/v1/academic-imports").file(csv(body)).with(as(this.admin)).with(csrf()))
				.andReturn()
				.getResponse()
				.getStatus();
			calls++;
		}
		assertThat(status).isEqualTo(429);
		assertThat(calls).isEqualTo(AcademicImportPageController.UPLOADS_PER_PERIOD + 1);
		assertThat(importsBy(this.admin)).isEqualTo(AcademicImportPageController.UPLOADS_PER_PERIOD);
	}

	long killedWhileCommitting(long importId, int attempts) {
		return ImportApi.killedWhileCommitting(this.jdbc, this.clock, "academic_imports", AcademicImportCommit.KIND,
				importId, this.admin.id(), attempts);
	}

	@Test
	void aCommitInterruptedByARestartIsResumedToTheEnd() throws Exception {
		Student first = student(this.college, "CS", null, null, "LOW");
		Student second = student(this.college, "BUS", "3.10", "80.00", "MEDIUM");
		long id = idOf(upload(this.admin, "roll_number,gpa,attendance,risk_level\n" + first.roll() + ",3.40,91,\n"
				+ second.roll() + ",3.2,,\n"));
		long job = killedWhileCommitting(id, 1);

		this.jobs.recoverInterrupted();

		String done = awaitFinished(this.admin, id);
		assertThat((String) JsonPath.read(done, "$.status")).isEqualTo("COMMITTED");
		assertThat(count(done, "$.appliedRows")).isEqualTo(2);
		assertThat(record(first)).isEqualTo("3.4 91 LOW");
		assertThat(record(second)).isEqualTo("3.2 80 MEDIUM");
		assertThat(academicAudits(first) + academicAudits(second)).isEqualTo(2);
		assertThat(KilledInstance.stateOf(this.jdbc, job)).isEqualTo("SUCCEEDED 2 null");
	}

	@Test
	void aCommitInterruptedTooOftenFailsWithAReasonAndIsRetriedThroughTheJobsApi() throws Exception {
		Student student = student(this.college, "CS", "2.00", "70", "HIGH");
		long id = idOf(upload(this.admin, "roll_number,gpa\n" + student.roll() + ",3.9\n"));
		long job = killedWhileCommitting(id, 3);

		this.jobs.recoverInterrupted();

		String failed = awaitFinished(this.admin, id);
		assertThat((String) JsonPath.read(failed, "$.status")).isEqualTo("FAILED");
		assertThat((String) JsonPath.read(failed, "$.failureReason")).contains("Interrupted by a restart");
		assertThat(record(student)).isEqualTo("2 70 HIGH");
		Account coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		this.mvc.perform(post("/api/v1/academic-imports/{id}/retry", id).with(as(coordinator)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/jobs/{id}/retry", job).with(as(coordinator)).with(csrf()))
			.andExpect(status().isNotFound());

		this.mvc.perform(post("/api/v1/jobs/{id}/retry", job).with(as(this.admin)).with(csrf()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.kind").value("profile.academic-import"));

		String done = awaitFinished(this.admin, id);
		assertThat((String) JsonPath.read(done, "$.status")).isEqualTo("COMMITTED");
		assertThat(record(student)).isEqualTo("3.9 70 HIGH");
		this.mvc.perform(post("/api/v1/academic-imports/{id}/retry", id).with(as(this.admin)).with(csrf()))
			.andExpect(status().isConflict());
	}

}
