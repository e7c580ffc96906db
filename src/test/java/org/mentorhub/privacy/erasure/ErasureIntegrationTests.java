package org.mentorhub.privacy.erasure;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.platform.TestTokens;
import org.mentorhub.platform.jobs.Jobs;
import org.mentorhub.platform.jobs.KilledInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Erasure requests (issue 22 part 3): the password confirms; a second open request is a conflict; the
 * cooling-off period is enforced and the person may cancel meanwhile; only an administrator of the
 * person's institution decides (another institution's gets 404, a mentor 403); approval runs the job,
 * which signs out and removes tokens, keeps the other party's notes and the held education record, and
 * mails the former address; a job cut off by a restart completes, and running it again changes nothing.
 */
@MentorHubIntegrationTest
class ErasureIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Jobs jobs;

	@Autowired
	Clock clock;

	TestInstitution college;

	Account admin;

	Account mentor;

	Account student;

	@BeforeEach
	void setUp() {
		this.college = TestInstitutions.aUniversity().build(this.jdbc);
		this.admin = this.college.anAdmin().create(this.jdbc);
		this.mentor = this.college.aMentor().create(this.jdbc);
		this.student = this.college.aStudent().named("Sam Sentinel").create(this.jdbc);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	ResultActions call(Account caller, MockHttpServletRequestBuilder request, String json) throws Exception {
		return this.mvc.perform(request.with(as(caller)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON).content(json == null ? "" : json));
	}

	long ask(Account person) throws Exception {
		String body = call(person, post("/api/v1/privacy/erasure-requests"),
				"{\"password\":\"mentorhub-demo\",\"reason\":\"Leaving the programme\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	/** The cooling-off period is over (as if seven days had passed). */
	void coolingOffOver(long id) {
		this.jdbc.sql("UPDATE privacy_erasure_requests SET eligible_at = :past WHERE id = :id")
			.param("past", LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1))
			.param("id", id)
			.update();
	}

	String statusOf(long id) {
		return this.jdbc.sql("SELECT status FROM privacy_erasure_requests WHERE id = :id").param("id", id)
			.query(String.class).single();
	}

	long count(String sql, Object param) {
		return this.jdbc.sql(sql).param(param).query(Long.class).single();
	}

	static void await(Supplier<Boolean> condition) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.get()) {
			assertThat(System.nanoTime()).as("waited 30 s").isLessThan(until);
			Thread.sleep(50);
		}
	}

	@Test
	void theRequestIsConfirmedByThePasswordAndASecondOpenOneIsAConflict() throws Exception {
		call(this.student, post("/api/v1/privacy/erasure-requests"), "{\"password\":\"wrong\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"));
		call(this.student, post("/api/v1/privacy/erasure-requests"),
				"{\"password\":\"mentorhub-demo\",\"reason\":\"" + "x".repeat(1001) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		assertThat(count("SELECT COUNT(*) FROM privacy_erasure_requests WHERE user_id = ?", this.student.id())).isZero();

		long id = ask(this.student);
		call(this.student, post("/api/v1/privacy/erasure-requests"), "{\"password\":\"mentorhub-demo\"}")
			.andExpect(status().isConflict());
		assertThat(count("SELECT COUNT(*) FROM privacy_erasure_requests WHERE user_id = ?", this.student.id())).isOne();
		assertThat(count("SELECT COUNT(*) FROM audit_logs WHERE action = 'PRIVACY_ERASURE_REQUESTED' AND entity_id = ?",
				String.valueOf(id))).isOne();
		// The person hears of it (the notification module's listener, after the commit).
		await(() -> count("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND type = 'PRIVACY_ERASURE'",
				this.student.id()) == 1);

		// The page shows what is kept and why, and the request.
		this.mvc.perform(get("/account/privacy/erasure").with(as(this.student)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"erasure-kept\"")))
			.andExpect(content().string(containsString("education records as the law requires")))
			.andExpect(content().string(containsString("id=\"erasure-request-" + id + "\"")));
		this.mvc.perform(post("/account/privacy/erasure").with(as(this.mentor)).with(csrf()).param("password", "nope"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("That is not your current password.")));
	}

	@Test
	void theCoolingOffPeriodIsEnforcedAndThePersonMayCancelMeanwhile() throws Exception {
		long id = ask(this.student);
		call(this.admin, post("/api/v1/privacy/erasure-requests/{id}/approve", id), null)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("cooling-off period")));
		assertThat(statusOf(id)).isEqualTo("PENDING");

		// Someone else cannot see or cancel it.
		call(this.mentor, get("/api/v1/privacy/erasure-requests/{id}", id), null).andExpect(status().isNotFound());
		call(this.mentor, delete("/api/v1/privacy/erasure-requests/{id}", id), null).andExpect(status().isNotFound());
		assertThat(statusOf(id)).isEqualTo("PENDING");

		call(this.student, delete("/api/v1/privacy/erasure-requests/{id}", id), null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CANCELLED"));
		coolingOffOver(id);
		call(this.admin, post("/api/v1/privacy/erasure-requests/{id}/approve", id), null)
			.andExpect(status().isConflict());
		call(this.student, delete("/api/v1/privacy/erasure-requests/{id}", id), null).andExpect(status().isConflict());
		assertThat(statusOf(id)).isEqualTo("CANCELLED");
		// Once cancelled, the person may ask again.
		ask(this.student);
	}

	@Test
	void onlyAnAdministratorOfThePersonsInstitutionDecides() throws Exception {
		long id = ask(this.student);
		coolingOffOver(id);
		Account stranger = TestInstitutions.aUniversity().build(this.jdbc).anAdmin().create(this.jdbc);
		call(stranger, post("/api/v1/privacy/erasure-requests/{id}/approve", id), null).andExpect(status().isNotFound());
		call(stranger, post("/api/v1/privacy/erasure-requests/{id}/refuse", id), "{\"reason\":\"No\"}")
			.andExpect(status().isNotFound());
		call(stranger, get("/api/v1/privacy/erasure-requests/{id}", id), null).andExpect(status().isNotFound());
		this.mvc.perform(post("/admin/privacy/erasure-requests/{id}/approve", id).with(as(stranger)).with(csrf()))
			.andExpect(status().isNotFound());
		call(this.mentor, post("/api/v1/privacy/erasure-requests/{id}/approve", id), null)
			.andExpect(status().isForbidden());
		assertThat(statusOf(id)).isEqualTo("PENDING");

		call(this.admin, post("/api/v1/privacy/erasure-requests/{id}/refuse", id), "{\"reason\":\"  \"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		call(this.admin, get("/api/v1/privacy/erasure-requests?scope=institution"), null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].personName").value("Sam Sentinel"));
		call(this.mentor, get("/api/v1/privacy/erasure-requests?scope=institution"), null)
			.andExpect(status().isForbidden());
		call(this.admin, post("/api/v1/privacy/erasure-requests/{id}/refuse", id),
				"{\"reason\":\"Your records are under review\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REFUSED"));
		call(this.student, get("/api/v1/privacy/erasure-requests/{id}", id), null)
			.andExpect(jsonPath("$.decisionReason").value("Your records are under review"));
		call(this.admin, post("/api/v1/privacy/erasure-requests/{id}/approve", id), null)
			.andExpect(status().isConflict());
	}

	@Test
	void approvalErasesEverywhereKeepsTheOtherPartysNotesAndTheHeldRecordAndMailsTheFormerAddress() throws Exception {
		long mentorship = TestMentorships.plant(this.jdbc, this.mentor, this.student, "ACTIVE");
		long session = this.jdbc.sql("""
				INSERT INTO mentoring_sessions (mentorship_id, mentor_id, mentee_id, title, scheduled_at)
				VALUES (:m, :mentor, :mentee, 'Shared session', CURRENT_TIMESTAMP)""")
			.param("m", mentorship).param("mentor", this.mentor.id()).param("mentee", this.student.id())
			.update() == 1 ? count("SELECT MAX(id) FROM mentoring_sessions WHERE mentee_id = ?", this.student.id()) : 0;
		this.jdbc.sql("INSERT INTO session_notes (session_id, created_by_id, content, is_private) VALUES (?, ?, 'MENTOR-OWN-NOTE', TRUE)")
			.params(session, this.mentor.id()).update();
		this.jdbc.sql("INSERT INTO session_notes (session_id, created_by_id, content) VALUES (?, ?, 'STUDENT-NOTE')")
			.params(session, this.student.id()).update();
		TestTokens.plant(this.jdbc, this.student, "read");
		this.jdbc.sql("INSERT INTO calendar_feed_tokens (user_id, token_hash, created_at) VALUES (?, ?, CURRENT_TIMESTAMP)")
			.params(this.student.id(), "f".repeat(32) + Long.toHexString(this.student.id())).update();
		this.jdbc.sql("DELETE FROM student_profiles WHERE user_id = ?").param(this.student.id()).update();
		this.jdbc.sql("INSERT INTO student_profiles (user_id, roll_number, program) VALUES (?, ?, 'HELD-PROGRAMME')").params(this.student.id(), "R" + this.student.id()).update();

		long id = ask(this.student);
		coolingOffOver(id);
		this.mvc.perform(get("/admin/privacy/erasure-requests/{id}", id).with(as(this.admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"erasure-approve\"")));
		this.mvc.perform(post("/admin/privacy/erasure-requests/{id}/approve", id).with(as(this.admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		await(() -> "COMPLETED".equals(statusOf(id)));

		assertThat(this.jdbc.sql("SELECT full_name FROM users WHERE id = ?").param(this.student.id())
			.query(String.class).single()).isEqualTo("Former member");
		assertThat(count("SELECT COUNT(*) FROM personal_access_tokens WHERE user_id = ?", this.student.id())).isZero();
		assertThat(count("SELECT COUNT(*) FROM calendar_feed_tokens WHERE user_id = ?", this.student.id())).isZero();
		assertThat(count("SELECT COUNT(*) FROM session_notes WHERE created_by_id = ?", this.student.id())).isZero();
		assertThat(this.jdbc.sql("SELECT content FROM session_notes WHERE created_by_id = ?").param(this.mentor.id())
			.query(String.class).list()).containsExactly("MENTOR-OWN-NOTE");
		assertThat(count("SELECT COUNT(*) FROM mentoring_sessions WHERE id = ?", session)).isOne();
		assertThat(count("SELECT COUNT(*) FROM student_profiles WHERE user_id = ?", this.student.id())).isOne();
		assertThat(this.jdbc.sql("SELECT reason FROM privacy_erasure_requests WHERE id = ?").param(id)
			.query(String.class).optional()).isEmpty();
		assertThat(count("SELECT COUNT(*) FROM audit_logs WHERE action = 'PRIVACY_ERASURE_COMPLETED' AND entity_id = ?",
				String.valueOf(id))).isOne();
		await(() -> count("SELECT COUNT(*) FROM outbox_mails WHERE recipient = ? AND subject = 'Your MentorHub data was erased'",
				this.student.email()) == 1);
		String mail = this.jdbc.sql("SELECT body_text FROM outbox_mails WHERE recipient = ? ORDER BY id DESC")
			.param(this.student.email()).query(String.class).list().get(0);
		assertThat(mail).contains("education records as the law requires").contains("Former member");
	}

	@Test
	void aJobCutOffByARestartCompletesAndRunningItAgainChangesNothing() throws Exception {
		this.jdbc.sql("DELETE FROM student_profiles WHERE user_id = ?").param(this.student.id()).update();
		this.jdbc.sql("INSERT INTO student_profiles (user_id, roll_number, program) VALUES (?, ?, 'UNHELD-PROGRAMME')").params(this.student.id(), "R" + this.student.id()).update();
		call(this.admin, put("/api/v1/privacy/legal-hold"), "{\"keepAcademicRecords\":false,\"reason\":\"" + "y".repeat(1001) + "\"}")
			.andExpect(status().isBadRequest());
		call(this.admin, put("/api/v1/privacy/legal-hold"), "{\"keepAcademicRecords\":false}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.keepAcademicRecords").value(false));
		long id = ask(this.student);
		// The notice of the request has arrived (after the commit); a notice arriving after the erasure
		// would be removed only by a later run (docs/privacy.md).
		await(() -> count("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND type = 'PRIVACY_ERASURE'",
				this.student.id()) == 1);
		// Approved, and its instance died while it erased.
		this.jdbc.sql("UPDATE privacy_erasure_requests SET status = 'RUNNING', decided_by_id = ?, academic_hold = FALSE WHERE id = ?")
			.params(this.admin.id(), id).update();
		long job = KilledInstance.leaveRunning(this.jdbc, this.clock, ErasureJob.KIND, id, this.admin.id(), 1);

		this.jobs.recoverInterrupted();
		await(() -> "COMPLETED".equals(statusOf(id)));
		await(() -> KilledInstance.stateOf(this.jdbc, job).startsWith("SUCCEEDED"));
		assertThat(count("SELECT COUNT(*) FROM student_profiles WHERE user_id = ?", this.student.id())).isZero();
		assertThat(count("SELECT rows_erased FROM privacy_erasure_requests WHERE id = ?", id)).isPositive();

		// The same job again (another restart): every provider is idempotent, so nothing changes.
		this.jdbc.sql("UPDATE privacy_erasure_requests SET status = 'RUNNING' WHERE id = ?").param(id).update();
		long again = KilledInstance.leaveRunning(this.jdbc, this.clock, ErasureJob.KIND, id, this.admin.id(), 1);
		this.jobs.recoverInterrupted();
		await(() -> KilledInstance.stateOf(this.jdbc, again).startsWith("SUCCEEDED"));
		assertThat(statusOf(id)).isEqualTo("COMPLETED");
		assertThat(count("SELECT rows_erased FROM privacy_erasure_requests WHERE id = ?", id)).isZero();
	}

}
