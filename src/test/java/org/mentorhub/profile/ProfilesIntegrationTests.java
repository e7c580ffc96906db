package org.mentorhub.profile;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Profiles through the API: editing, visibility, the protected academic record, tags and audit. */
@MentorHubIntegrationTest
class ProfilesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	/** A university of this test's own, with the departments CS and BUS. */
	TestInstitution college;

	/** Another institution, whose administrator must see nothing of the university. */
	TestInstitution company;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").withDepartment("BUS").build(this.jdbc);
		this.company = aCompany().build(this.jdbc);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	/** The university's administrator. */
	RequestPostProcessor admin() {
		return as(this.college.anAdmin().create(this.jdbc));
	}

	/** The coordinator of the university's CS department. */
	RequestPostProcessor coordinator() {
		return as(this.college.aCoordinator().inDepartment("CS").create(this.jdbc));
	}

	/** The other institution's administrator. */
	RequestPostProcessor otherInstitutionsAdmin() {
		return as(this.company.anAdmin().create(this.jdbc));
	}

	static String unique() {
		return UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	Account student(String department) {
		Account student = this.college.aStudent().inDepartment(department).create(this.jdbc);
		this.jdbc.sql("INSERT INTO student_profiles (user_id, roll_number, gpa, attendance_pct, risk_level) "
				+ "VALUES (:u, :r, 3.10, 88.50, 'MEDIUM')")
			.param("u", student.id())
			.param("r", "R" + unique())
			.update();
		return student;
	}

	Account mentorOf(Account mentee) {
		Account mentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		// The count matches the mentorships, as the mentorship module keeps it.
		this.jdbc.sql("INSERT INTO mentor_profiles (user_id, max_mentees, current_mentee_count) VALUES (:u, 5, 1)")
			.param("u", mentor.id())
			.update();
		this.jdbc.sql("INSERT INTO mentorships (institution_id, mentor_id, mentee_id, status) "
				+ "VALUES (:i, :m, :e, 'ACTIVE')")
			.param("i", mentee.institutionId())
			.param("m", mentor.id())
			.param("e", mentee.id())
			.update();
		return mentor;
	}

	/** A mentor of the institution's CS department with active mentorships of fresh mentees, and the matching count. */
	static Account mentorWithMentees(JdbcClient jdbc, TestInstitution college, int max, int mentees) {
		Account mentor = college.aMentor().inDepartment("CS").create(jdbc);
		return withMentees(jdbc, mentor, max, mentees, () -> college.aStudent().inDepartment("CS").create(jdbc));
	}

	private static Account withMentees(JdbcClient jdbc, Account mentor, int max, int mentees,
			java.util.function.Supplier<Account> aMentee) {
		jdbc.sql("INSERT INTO mentor_profiles (user_id, max_mentees, current_mentee_count) VALUES (:u, :max, :n)")
			.param("u", mentor.id())
			.param("max", max)
			.param("n", mentees)
			.update();
		for (int i = 0; i < mentees; i++) {
			Account mentee = aMentee.get();
			jdbc.sql("INSERT INTO mentorships (institution_id, mentor_id, mentee_id, status) VALUES (:i, :m, :e, 'ACTIVE')")
				.param("i", mentor.institutionId())
				.param("m", mentor.id())
				.param("e", mentee.id())
				.update();
		}
		return mentor;
	}

	long auditRows(String action, long entityId, long actorId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = :a AND entity_id = :e AND user_id = :u")
			.param("a", action)
			.param("e", String.valueOf(entityId))
			.param("u", actorId)
			.query(Long.class)
			.single();
	}

	ResultActions putJson(String uri, RequestPostProcessor who, String json) throws Exception {
		return this.mvc.perform(put(uri).with(who).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	String academicJson(String roll, String gpa, String attendance, String risk) {
		return "{\"rollNumber\":" + (roll == null ? "null" : "\"" + roll + "\"") + ",\"gpa\":" + gpa
				+ ",\"attendancePct\":" + attendance + ",\"riskLevel\":\"" + risk + "\"}";
	}

	@Test
	void aUserEditsTheirOwnProfileAndReadsItBack() throws Exception {
		Account me = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		putJson("/api/v1/profiles/me", as(me), "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"title\":\"Dr\","
				+ "\"phone\":\"+44 20 1234\",\"bio\":\"Engines\",\"position\":\"Analyst\",\"organization\":\"Test University\","
				+ "\"yearsOfExperience\":12,\"areaOfExpertise\":\"Maths\",\"preferredCommunication\":\"video\","
				+ "\"goalsText\":\"Publish\",\"visibility\":\"MENTORSHIPS\",\"skills\":[\"Java\",\"java \",\"Rust\"],"
				+ "\"interests\":[\"Poetry\"]}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.firstName").value("Ada"))
			.andExpect(jsonPath("$.preferredCommunication").value("VIDEO"))
			.andExpect(jsonPath("$.visibility").value("MENTORSHIPS"))
			.andExpect(jsonPath("$.skills.length()").value(2));
		this.mvc.perform(get("/api/v1/profiles/me").with(as(me)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.yearsOfExperience").value(12))
			.andExpect(jsonPath("$.interests[0]").value("Poetry"));
		assertThat(auditRows("PROFILE_UPDATED", me.id(), me.id())).isEqualTo(1);
	}

	@Test
	void javaAndJavaAreOneTagOfTheInstitutionAndAreSuggested() throws Exception {
		String name = "Zq" + unique().toLowerCase(Locale.ROOT);
		Account one = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		Account two = this.college.aMentor().inDepartment("BUS").create(this.jdbc);
		putJson("/api/v1/profiles/me", as(one), "{\"skills\":[\"" + name + "\"]}").andExpect(status().isOk());
		putJson("/api/v1/profiles/me", as(two), "{\"skills\":[\"" + name.toUpperCase(Locale.ROOT) + "\"]}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.skills[0]").value(name));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM tags WHERE slug = :s")
			.param("s", name.toLowerCase(Locale.ROOT))
			.query(Long.class)
			.single()).isEqualTo(1);
		this.mvc.perform(get("/api/v1/tags").param("q", name.substring(0, 6).toUpperCase(Locale.ROOT)).with(as(one)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.tags", hasItem(name)));
		this.mvc.perform(get("/api/v1/tags").param("q", name.substring(0, 6)).with(otherInstitutionsAdmin()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(name))));
	}

	@Test
	void badProfileInputIsRefusedFieldByFieldAndNothingIsWritten() throws Exception {
		Account me = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		putJson("/api/v1/profiles/me", as(me), "{\"firstName\":\"Kept\",\"yearsOfExperience\":81,"
				+ "\"preferredCommunication\":\"PIGEON\",\"visibility\":\"EVERYONE\",\"phone\":\"call me<script>\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("yearsOfExperience")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("preferredCommunication")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("visibility")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("phone")));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM user_profiles WHERE user_id = :u")
			.param("u", me.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aCapacityBelowTheCurrentMenteeCountIsRefusedWithAClearMessage() throws Exception {
		Account mentor = mentorWithMentees(this.jdbc, this.college, 5, 3);
		putJson("/api/v1/profiles/me", as(mentor), "{\"mentor\":{\"maxMentees\":2}}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("mentor.maxMentees"))
			.andExpect(jsonPath("$.errors[0].message", containsString("cannot be below 3")));
		putJson("/api/v1/profiles/me", as(mentor), "{\"mentor\":{\"maxMentees\":101}}").andExpect(status().isBadRequest());
		putJson("/api/v1/profiles/me", as(mentor),
				"{\"mentor\":{\"designation\":\"Professor\",\"maxMentees\":3,\"supportsNewMothers\":true}}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mentor.maxMentees").value(3))
			.andExpect(jsonPath("$.mentor.currentMenteeCount").value(3))
			.andExpect(jsonPath("$.mentor.supportsNewMothers").value(true));
	}

	@Test
	void aPrivateProfileIsHiddenFromOthersButNotFromTheAdministrator() throws Exception {
		Account owner = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		Account other = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		putJson("/api/v1/profiles/me", as(owner), "{\"bio\":\"secret-bio\",\"visibility\":\"PRIVATE\"}")
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/profiles/" + owner.id()).with(as(other))).andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("secret-bio"))));
		this.mvc.perform(get("/api/v1/profiles/" + owner.id()).with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.bio").value("secret-bio"));
		this.mvc.perform(get("/api/v1/profiles/" + owner.id()).with(otherInstitutionsAdmin()))
			.andExpect(status().isNotFound());
	}

	@Test
	void anAdministratorEditsAnyProfileOfTheInstitutionButNotAnother() throws Exception {
		Account owner = this.college.aStudent().inDepartment("BUS").create(this.jdbc);
		putJson("/api/v1/profiles/" + owner.id(), admin(), "{\"title\":\"Mx\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Mx"));
		putJson("/api/v1/profiles/" + owner.id(), otherInstitutionsAdmin(), "{\"title\":\"Hacked\"}")
			.andExpect(status().isNotFound());
		Account peer = this.college.aStudent().inDepartment("BUS").create(this.jdbc);
		putJson("/api/v1/profiles/" + owner.id(), as(peer), "{\"title\":\"Hacked\"}").andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT title FROM user_profiles WHERE user_id = :u")
			.param("u", owner.id())
			.query(String.class)
			.single()).isEqualTo("Mx");
	}

	@Test
	void academicDataIsShownToTheStudentTheirMentorTheCoordinatorAndTheAdministratorOnly() throws Exception {
		Account student = student("CS");
		Account mentor = mentorOf(student);
		String uri = "/api/v1/profiles/" + student.id();
		this.mvc.perform(get(uri).with(as(student))).andExpect(jsonPath("$.student.academic.gpa").value(3.1));
		this.mvc.perform(get(uri).with(as(mentor))).andExpect(jsonPath("$.student.academic.riskLevel").value("MEDIUM"));
		this.mvc.perform(get(uri).with(coordinator()))
			.andExpect(jsonPath("$.student.academic.attendancePct").value(88.5));
		this.mvc.perform(get(uri).with(admin())).andExpect(jsonPath("$.student.academic.gpa").value(3.1));
		// A fellow mentee and the mentor of another student see the profile but not the record.
		Account mentee = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		Account otherMentor = mentorOf(student("CS"));
		for (Account outsider : new Account[] { mentee, otherMentor }) {
			this.mvc.perform(get(uri).with(as(outsider)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.student.academic").value(nullValue()))
				.andExpect(content().string(not(containsString("88.5"))));
		}
		this.mvc.perform(get(uri).with(otherInstitutionsAdmin())).andExpect(status().isNotFound());
		// Every read by someone other than the student is audited; the student's own is not.
		assertThat(auditRows(Profiles.RISK_READ, student.id(), mentor.id())).isEqualTo(1);
		assertThat(auditRows(Profiles.RISK_READ, student.id(), student.id())).isZero();
		assertThat(auditRows(Profiles.RISK_READ, student.id(), mentee.id())).isZero();
	}

	@Test
	void coordinatorsAndAdministratorsChangeAcademicDataAndEveryChangeIsAudited() throws Exception {
		Account student = student("CS");
		String uri = "/api/v1/students/" + student.id() + "/academic";
		putJson(uri, coordinator(), academicJson(null, "3.75", "91", "LOW"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.student.academic.gpa").value(3.75));
		String after = this.jdbc.sql("SELECT after_state FROM audit_logs WHERE action = 'STUDENT_ACADEMIC_UPDATED' "
				+ "AND entity_id = :e")
			.param("e", String.valueOf(student.id()))
			.query(String.class)
			.single();
		assertThat(after).contains("3.75").contains("LOW");
		putJson(uri, admin(), academicJson(null, "2", "50", "HIGH")).andExpect(status().isOk());
	}

	@Test
	void mentorsStudentsAndOtherInstitutionsCannotChangeAcademicData() throws Exception {
		Account student = student("CS");
		Account mentor = mentorOf(student);
		String uri = "/api/v1/students/" + student.id() + "/academic";
		putJson(uri, as(mentor), academicJson(null, "4", "100", "LOW")).andExpect(status().isForbidden());
		putJson(uri, as(student), academicJson(null, "4", "100", "LOW")).andExpect(status().isForbidden());
		putJson(uri, otherInstitutionsAdmin(), academicJson(null, "4", "100", "LOW")).andExpect(status().isNotFound());
		Account otherDepartment = student("BUS");
		putJson("/api/v1/students/" + otherDepartment.id() + "/academic", coordinator(),
				academicJson(null, "4", "100", "LOW"))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT gpa FROM student_profiles WHERE user_id = :u")
			.param("u", student.id())
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("3.10");
	}

	@Test
	void badAcademicInputIsRefusedAndNothingIsWritten() throws Exception {
		Account student = student("CS");
		Account other = student("CS");
		String taken = this.jdbc.sql("SELECT roll_number FROM student_profiles WHERE user_id = :u")
			.param("u", other.id())
			.query(String.class)
			.single();
		String uri = "/api/v1/students/" + student.id() + "/academic";
		RequestPostProcessor admin = admin();
		putJson(uri, admin, academicJson(null, "4.01", "50", "LOW")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("gpa"))
			.andExpect(jsonPath("$.errors[0].message", containsString("between 0 and 4")));
		putJson(uri, admin, academicJson(null, "-1", "50", "LOW")).andExpect(status().isBadRequest());
		putJson(uri, admin, academicJson(null, "3", "100.5", "LOW")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("attendancePct"));
		putJson(uri, admin, academicJson(null, "3", "50", "EXTREME")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("riskLevel"));
		putJson(uri, admin, academicJson(taken, "3", "50", "LOW")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(Profiles.ROLL_NUMBER_TAKEN));
		assertThat(this.jdbc.sql("SELECT gpa FROM student_profiles WHERE user_id = :u")
			.param("u", student.id())
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("3.10");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'STUDENT_ACADEMIC_UPDATED' "
				+ "AND entity_id = :e")
			.param("e", String.valueOf(student.id()))
			.query(Long.class)
			.single()).isZero();
	}

}
