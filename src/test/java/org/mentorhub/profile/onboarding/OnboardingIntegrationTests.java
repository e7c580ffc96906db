package org.mentorhub.profile.onboarding;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.identity.RoleName;
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
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The onboarding wizard through the API and the pages: steps per role, resuming, bad input, and only one's own. */
@MentorHubIntegrationTest
class OnboardingIntegrationTests {

	/** A fresh university of this test's own, with a CS department. */
	TestInstitution college;

	@BeforeEach
	void aFreshCollege() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	Account account(RoleName role) {
		return this.college.a(role).inDepartment("CS").create(this.jdbc);
	}

	ResultActions putStep(Account account, int step, String json) throws Exception {
		return this.mvc.perform(put("/api/v1/onboarding/me/steps/" + step).with(as(account))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	ResultActions postAs(Account account, String uri) throws Exception {
		return this.mvc.perform(post(uri).with(as(account)).with(csrf()));
	}

	String stored(Account account, String column) {
		return this.jdbc.sql("SELECT " + column + " FROM user_profiles WHERE user_id = :u")
			.param("u", account.id())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	@Test
	void aMenteeGoesThroughAboutAndGoalsThenFinishesAtTheClocksTime() throws Exception {
		Account mentee = account(RoleName.MENTEE);
		this.mvc.perform(get("/api/v1/onboarding/me").with(as(mentee)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("NOT_STARTED"))
			.andExpect(jsonPath("$.currentStep").value(1))
			.andExpect(jsonPath("$.totalSteps").value(2))
			.andExpect(jsonPath("$.steps[0]").value("ABOUT"))
			.andExpect(jsonPath("$.steps[1]").value("GOALS"));

		putStep(mentee, 1, "{\"title\":\"Ms\",\"phone\":\"+44 20 7946 0000\",\"bio\":\"Learning Java\","
				+ "\"preferredCommunication\":\"video\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_PROGRESS"))
			.andExpect(jsonPath("$.stepsDone").value(1))
			.andExpect(jsonPath("$.currentStep").value(2));
		putStep(mentee, 2, "{\"goalsText\":\"Become a backend developer\",\"interests\":[\"Spring\",\"Databases\"]}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stepsDone").value(2));

		this.mvc.perform(get("/api/v1/onboarding/me/steps/1").with(as(mentee)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.step").value("ABOUT"))
			.andExpect(jsonPath("$.answers.title").value("Ms"))
			.andExpect(jsonPath("$.answers.preferredCommunication").value("VIDEO"));
		this.mvc.perform(get("/api/v1/onboarding/me/steps/2").with(as(mentee)))
			.andExpect(jsonPath("$.answers.goalsText").value("Become a backend developer"))
			.andExpect(jsonPath("$.answers.interests[0]").value("Databases"));
		// Saving "about" again keeps the goals and interests of the other step.
		putStep(mentee, 1, "{\"title\":\"Dr\"}").andExpect(status().isOk());
		assertThat(stored(mentee, "goals_text")).isEqualTo("Become a backend developer");
		assertThat(stored(mentee, "phone")).isNull();

		Instant before = Instant.now().minusSeconds(5);
		String first = postAs(mentee, "/api/v1/onboarding/me/complete").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("COMPLETED"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(stored(mentee, "onboarding_status")).isEqualTo("COMPLETED");
		Instant completedAt = this.jdbc.sql("SELECT onboarding_completed_at FROM user_profiles WHERE user_id = :u")
			.param("u", mentee.id())
			.query(java.sql.Timestamp.class)
			.single()
			.toLocalDateTime()
			.toInstant(java.time.ZoneOffset.UTC);
		assertThat(completedAt).isAfter(before).isBefore(Instant.now().plusSeconds(5));
		// Finishing again changes nothing.
		String second = postAs(mentee, "/api/v1/onboarding/me/complete").andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(second).isEqualTo(first);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'ONBOARDING_COMPLETED' AND entity_id = :u")
			.param("u", String.valueOf(mentee.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void finishingBeforeEveryStepIsDoneIsAConflictAndChangesNothing() throws Exception {
		Account mentee = account(RoleName.MENTEE);
		postAs(mentee, "/api/v1/onboarding/me/complete").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("step 1 of 2")));
		putStep(mentee, 1, "{\"title\":\"Mr\"}").andExpect(status().isOk());
		postAs(mentee, "/api/v1/onboarding/me/complete").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("step 2 of 2")));
		assertThat(stored(mentee, "onboarding_status")).isEqualTo("IN_PROGRESS");
		assertThat(stored(mentee, "onboarding_completed_at")).isNull();

		// Skipping the last step makes it possible.
		postAs(mentee, "/api/v1/onboarding/me/steps/2/skip").andExpect(status().isOk())
			.andExpect(jsonPath("$.stepsDone").value(2));
		postAs(mentee, "/api/v1/onboarding/me/complete").andExpect(status().isOk());
	}

	@Test
	void savingAStepAheadKeepsItsValuesButDoesNotSkipTheStepsBefore() throws Exception {
		Account mentee = account(RoleName.MENTEE);
		putStep(mentee, 2, "{\"goalsText\":\"Jumped ahead\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_PROGRESS"))
			.andExpect(jsonPath("$.stepsDone").value(0))
			.andExpect(jsonPath("$.currentStep").value(1));
		assertThat(stored(mentee, "goals_text")).isEqualTo("Jumped ahead");
	}

	@Test
	void unknownStepsAreNotFound() throws Exception {
		Account mentee = account(RoleName.MENTEE);
		this.mvc.perform(get("/api/v1/onboarding/me/steps/3").with(as(mentee))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/onboarding/me/steps/0").with(as(mentee))).andExpect(status().isNotFound());
		putStep(mentee, 7, "{\"title\":\"x\"}").andExpect(status().isNotFound());
		postAs(mentee, "/api/v1/onboarding/me/steps/9/skip").andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/onboarding/me/steps/abc").with(as(mentee))).andExpect(status().isBadRequest());
		this.mvc.perform(get("/onboarding/3").with(as(mentee))).andExpect(status().isNotFound());
		assertThat(stored(mentee, "onboarding_status")).isNull();
	}

	@Test
	void badValuesAreRefusedFieldByFieldAndNothingIsWritten() throws Exception {
		Account mentee = account(RoleName.MENTEE);
		putStep(mentee, 1, "{\"title\":\"Ms\"}").andExpect(status().isOk());
		putStep(mentee, 1, "{\"title\":\"" + "x".repeat(101) + "\",\"phone\":\"call me!\",\"preferredCommunication\":\"PIGEON\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'title')].message").value(hasItem(containsString("at most 100"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'phone')].message").value(hasItem(containsString("phone number"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'preferredCommunication')].message")
				.value(hasItem(containsString("EMAIL, CHAT"))));
		putStep(mentee, 2, "{\"interests\":[\"" + "y".repeat(65) + "\"]}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("interests"));
		assertThat(stored(mentee, "title")).isEqualTo("Ms");
		assertThat(stored(mentee, "onboarding_step")).isEqualTo("1");
	}

	@Test
	void aMentorSetsCapacityAndAvailabilityAndCannotGoBelowTheirMentees() throws Exception {
		Account mentor = account(RoleName.MENTOR);
		this.mvc.perform(get("/api/v1/onboarding/me").with(as(mentor)))
			.andExpect(jsonPath("$.steps[1]").value("MENTORING"))
			.andExpect(jsonPath("$.steps[2]").value("AVAILABILITY"));
		postAs(mentor, "/api/v1/onboarding/me/steps/1/skip").andExpect(status().isOk());
		putStep(mentor, 2, "{\"maxMentees\":4,\"acceptingNewMentees\":true,\"supportsNewMothers\":true,"
				+ "\"specialization\":\"Distributed systems\"}")
			.andExpect(status().isOk());
		assertThat(this.jdbc.sql("SELECT max_mentees, supports_new_mothers, specialization FROM mentor_profiles WHERE user_id = :u")
			.param("u", mentor.id())
			.query((rs, n) -> rs.getInt(1) + "/" + rs.getBoolean(2) + "/" + rs.getString(3))
			.single()).isEqualTo("4/true/Distributed systems");

		this.jdbc.sql("UPDATE mentor_profiles SET current_mentee_count = 3 WHERE user_id = :u").param("u", mentor.id()).update();
		putStep(mentor, 2, "{\"maxMentees\":2}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("maxMentees"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("cannot be below 3")));
		putStep(mentor, 2, "{\"maxMentees\":101}").andExpect(status().isBadRequest());

		putStep(mentor, 3, "{\"zone\":\"Atlantis/Capital\",\"slots\":[{\"day\":1,\"start\":\"09:00\",\"end\":\"10:00\"}]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("zone"));
		putStep(mentor, 3, "{\"zone\":\"Europe/London\",\"slots\":[{\"day\":2,\"start\":\"18:00\",\"end\":\"19:30\"}]}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stepsDone").value(3))
			.andExpect(jsonPath("$.currentStep").value(3));
		this.mvc.perform(get("/api/v1/onboarding/me/steps/3").with(as(mentor)))
			.andExpect(jsonPath("$.answers.zone").value("Europe/London"))
			.andExpect(jsonPath("$.answers.slots[0].start").value("18:00"));
		assertThat(this.jdbc.sql("SELECT max_mentees FROM mentor_profiles WHERE user_id = :u")
			.param("u", mentor.id())
			.query(Integer.class)
			.single()).isEqualTo(4);
	}

	@Test
	void aNewMotherStatesHerSupportPreferences() throws Exception {
		Account mother = account(RoleName.NEW_MOTHER);
		this.mvc.perform(get("/api/v1/onboarding/me").with(as(mother)))
			.andExpect(jsonPath("$.steps[1]").value("GOALS"))
			.andExpect(jsonPath("$.steps[2]").value("SUPPORT"))
			.andExpect(jsonPath("$.totalSteps").value(3));
		putStep(mother, 3, "{\"supportTopics\":[\"return_to_work\",\"PEER_GROUPS\",\"NAPS\"]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("supportTopics"));
		putStep(mother, 3, "{\"supportNotes\":\"" + "n".repeat(501) + "\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("supportNotes"));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM support_preferences WHERE user_id = :u")
			.param("u", mother.id())
			.query(Long.class)
			.single()).isZero();

		putStep(mother, 3, "{\"supportTopics\":[\"return_to_work\",\"PEER_GROUPS\"],\"wantsMotherMentor\":true,"
				+ "\"supportNotes\":\"Back in March\"}")
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/onboarding/me/steps/3").with(as(mother)))
			.andExpect(jsonPath("$.answers.supportTopics[0]").value("RETURN_TO_WORK"))
			.andExpect(jsonPath("$.answers.supportTopics[1]").value("PEER_GROUPS"))
			.andExpect(jsonPath("$.answers.wantsMotherMentor").value(true))
			.andExpect(jsonPath("$.answers.supportNotes").value("Back in March"));
		// Changing the topics replaces them.
		putStep(mother, 3, "{\"supportTopics\":[\"CHILDCARE\"]}").andExpect(status().isOk());
		assertThat(this.jdbc.sql("SELECT topic FROM support_preference_topics WHERE user_id = :u")
			.param("u", mother.id())
			.query(String.class)
			.list()).containsExactly("CHILDCARE");
		assertThat(this.jdbc.sql("SELECT wants_mother_mentor FROM support_preferences WHERE user_id = :u")
			.param("u", mother.id())
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void aStudentSeesTheirAcademicRecordReadOnly() throws Exception {
		Account student = account(RoleName.MENTEE);
		this.jdbc.sql("INSERT INTO student_profiles (user_id, roll_number, program, year_of_study, gpa, attendance_pct, "
				+ "risk_level) VALUES (:u, :r, 'BSc Computer Science', 2, 3.40, 91.50, 'MEDIUM')")
			.param("u", student.id())
			.param("r", "OB" + UUID.randomUUID().toString().substring(0, 10))
			.update();
		this.mvc.perform(get("/api/v1/onboarding/me/steps/3").with(as(student)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.step").value("ACADEMIC"))
			.andExpect(jsonPath("$.student.program").value("BSc Computer Science"))
			.andExpect(jsonPath("$.student.academic.gpa").value(3.4))
			.andExpect(jsonPath("$.student.academic.riskLevel").value("MEDIUM"));
		this.mvc.perform(get("/onboarding/3").with(as(student)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("BSc Computer Science")))
			.andExpect(content().string(containsString("91.50 %")));
		// The step writes nothing, even when the body tries.
		putStep(student, 3, "{\"title\":\"Hacker\",\"goalsText\":\"changed\"}").andExpect(status().isOk());
		assertThat(this.jdbc.sql("SELECT risk_level FROM student_profiles WHERE user_id = :u")
			.param("u", student.id())
			.query(String.class)
			.single()).isEqualTo("MEDIUM");
		assertThat(stored(student, "title")).isNull();
	}

	@Test
	void administratorsHaveOneStepAndThePlatformAdministratorNoWizard() throws Exception {
		Account admin = account(RoleName.ADMIN);
		this.mvc.perform(get("/api/v1/onboarding/me").with(as(admin)))
			.andExpect(jsonPath("$.totalSteps").value(1))
			.andExpect(jsonPath("$.steps[0]").value("ABOUT"));
		Account platform = TestAccounts.create(this.jdbc, null, null, RoleName.PLATFORM_ADMIN);
		this.mvc.perform(get("/api/v1/onboarding/me").with(as(platform))).andExpect(status().isForbidden());
		this.mvc.perform(get("/onboarding").with(as(platform))).andExpect(status().isForbidden());
		postAs(platform, "/api/v1/onboarding/me/complete").andExpect(status().isForbidden());
	}

	@Test
	void oneMenteesStepsNeverTouchAnotherPersonsOnboarding() throws Exception {
		Account a = account(RoleName.MENTEE);
		Account b = account(RoleName.MENTEE);
		putStep(a, 1, "{\"title\":\"A\"}").andExpect(status().isOk());
		postAs(a, "/api/v1/onboarding/me/steps/2/skip").andExpect(status().isOk());
		postAs(a, "/api/v1/onboarding/me/complete").andExpect(status().isOk());
		assertThat(stored(b, "onboarding_status")).isNull();
		this.mvc.perform(get("/api/v1/onboarding/me").with(as(b))).andExpect(jsonPath("$.status").value("NOT_STARTED"));
	}

	@Test
	void thePagesResumeOnTheFirstStepNotDoneAndShowProblemsInline() throws Exception {
		Account mentee = account(RoleName.MENTEE);
		this.mvc.perform(get("/onboarding").with(as(mentee))).andExpect(redirectedUrl("/onboarding/1"));
		this.mvc.perform(get("/").with(as(mentee)))
			.andExpect(content().string(containsString("Finish setting up your profile (step 1 of 2).")));

		this.mvc.perform(post("/onboarding/1").with(as(mentee)).with(csrf())
				.param("phone", "not a phone!")
				.param("action", "save"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Enter a phone number")));
		assertThat(stored(mentee, "onboarding_status")).isNull();

		this.mvc.perform(post("/onboarding/1").with(as(mentee)).with(csrf())
				.param("title", "Mx")
				.param("preferredCommunication", "CHAT")
				.param("action", "save"))
			.andExpect(redirectedUrl("/onboarding/2"));
		this.mvc.perform(get("/onboarding").with(as(mentee))).andExpect(redirectedUrl("/onboarding/2"));
		this.mvc.perform(get("/").with(as(mentee)))
			.andExpect(content().string(containsString("Finish setting up your profile (step 2 of 2).")));

		this.mvc.perform(post("/onboarding/2").with(as(mentee)).with(csrf())
				.param("goalsText", "Lead a team")
				.param("interests", "Leadership, Kotlin")
				.param("action", "finish"))
			.andExpect(redirectedUrl("/onboarding"));
		this.mvc.perform(get("/onboarding").with(as(mentee)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your profile is set up")));
		this.mvc.perform(get("/").with(as(mentee)))
			.andExpect(content().string(not(containsString("onboarding-banner"))));
		assertThat(stored(mentee, "onboarding_status")).isEqualTo("COMPLETED");
	}

	@Test
	void finishingOnThePageBeforeEveryStepIsDoneShowsWhatIsMissing() throws Exception {
		Account mentee = account(RoleName.MENTEE);
		this.mvc.perform(post("/onboarding/2").with(as(mentee)).with(csrf())
				.param("goalsText", "Skip the first")
				.param("action", "finish"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("save or skip step 1 of 2 first")));
		assertThat(stored(mentee, "onboarding_status")).isEqualTo("IN_PROGRESS");
	}

}
