package org.mentorhub.privacy.disclosure;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.attachment.TestFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The FERPA record of disclosures (issue 22 part 4), read from the audit log: the student sees who else read
 * their academic record, goals, attendance, sessions, session feedback and the files of sessions and feedback,
 * and when; their own reads are not disclosures; nobody sees another person's list; a bad limit is 400.
 */
@MentorHubIntegrationTest
class DisclosureLogIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	TestInstitution college;

	Account mentor;

	Account student;

	Account admin;

	@BeforeEach
	void aStudentWithARecord() {
		this.college = TestInstitutions.aUniversity().withDepartment("CS").build(this.jdbc);
		this.mentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		this.student = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		this.admin = this.college.anAdmin().create(this.jdbc);
		TestMentorships.plant(this.jdbc, this.mentor, this.student, "ACTIVE");
		this.jdbc.sql("INSERT INTO student_profiles (user_id, roll_number, gpa, attendance_pct, risk_level) "
				+ "VALUES (?, ?, 3.10, 88.50, 'MEDIUM')")
			.param(this.student.id())
			.param("R" + this.student.id())
			.update();
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	@Test
	void theStudentSeesWhoElseReadTheirRecordAndNotTheirOwnReads() throws Exception {
		this.mvc.perform(get("/api/v1/profiles/{id}", this.student.id()).with(as(this.student))).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/privacy/disclosures").with(as(this.student)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));

		this.mvc.perform(get("/api/v1/profiles/{id}", this.student.id()).with(as(this.mentor))).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/profiles/{id}", this.student.id()).with(as(this.admin))).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/privacy/disclosures").with(as(this.student)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[*].record", hasItem("academic")))
			.andExpect(jsonPath("$[*].action", hasItem("STUDENT_RISK_READ")))
			.andExpect(jsonPath("$[*].readerId", hasItem(Math.toIntExact(this.mentor.id()))))
			.andExpect(jsonPath("$[*].readerId", hasItem(Math.toIntExact(this.admin.id()))))
			.andExpect(jsonPath("$[0].at").isNotEmpty());
		// The readers' own lists do not hold the student's disclosures.
		this.mvc.perform(get("/api/v1/privacy/disclosures").with(as(this.mentor)))
			.andExpect(jsonPath("$", hasSize(0)));
		this.mvc.perform(get("/account/privacy").with(as(this.student)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"disclosures-table\"")))
			.andExpect(content().string(containsString("Your academic record (GPA, attendance, risk)")));
	}

	@Test
	void readsOfAGoalAndOfAttendanceByStaffAreDisclosures() throws Exception {
		org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO goals (student_id, title) VALUES (?, 'Pass algebra')")
			.param(this.student.id())
			.update(keys, "id");
		long goal = keys.getKey().longValue();
		long mentorship = this.jdbc.sql("SELECT MAX(id) FROM mentorships WHERE mentee_id = ?").param(this.student.id())
			.query(Long.class).single();
		this.jdbc.sql("""
				INSERT INTO mentoring_sessions (mentorship_id, mentor_id, mentee_id, title, scheduled_at, status)
				VALUES (?, ?, ?, 'Weekly', ?, 'COMPLETED')""")
			.param(mentorship).param(this.mentor.id()).param(this.student.id())
			.param(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusDays(1))
			.update();
		this.mvc.perform(get("/api/v1/goals/{id}", goal).with(as(this.mentor))).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/goals/{id}", goal).with(as(this.student))).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/sessions/attendance").with(as(this.admin))).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/privacy/disclosures").param("limit", "5").with(as(this.student)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[*].record", org.hamcrest.Matchers.containsInAnyOrder("goal", "attendance")))
			.andExpect(jsonPath("$[?(@.record == 'goal')].readerId").value(hasItem(Math.toIntExact(this.mentor.id()))))
			.andExpect(jsonPath("$[?(@.record == 'attendance')].readerId").value(hasItem(Math.toIntExact(this.admin.id()))));
	}

	@Test
	void theMentorOpeningTheStudentsSessionIsADisclosureAndHerOwnReadIsNot() throws Exception {
		long session = completedSession();
		this.mvc.perform(get("/api/v1/sessions/{id}", session).with(as(this.student))).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/privacy/disclosures").with(as(this.student))).andExpect(jsonPath("$", hasSize(0)));

		this.mvc.perform(get("/api/v1/sessions/{id}", session).with(as(this.mentor))).andExpect(status().isOk());
		this.mvc.perform(get("/sessions/{id}", session).with(as(this.mentor))).andExpect(status().isOk());
		// Someone who takes no part gets 404 and leaves no row.
		this.mvc.perform(get("/api/v1/sessions/{id}", session).with(as(this.admin))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/privacy/disclosures").with(as(this.student)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[*].record", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("session"))))
			.andExpect(jsonPath("$[*].action", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("SESSION_READ"))))
			.andExpect(jsonPath("$[*].readerId", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(Math.toIntExact(this.mentor.id())))))
			.andExpect(jsonPath("$[0].recordId").value(String.valueOf(session)));
		this.mvc.perform(get("/account/privacy").with(as(this.student)))
			.andExpect(content().string(containsString("One of your sessions (its record: time, agenda, attendance, outcome)")));
	}

	/** A completed session of the pair, a day ago; returns its id. */
	long completedSession() {
		long mentorship = this.jdbc.sql("SELECT MAX(id) FROM mentorships WHERE mentee_id = ?").param(this.student.id())
			.query(Long.class).single();
		org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO mentoring_sessions (mentorship_id, mentor_id, mentee_id, title, scheduled_at, status)
				VALUES (?, ?, ?, 'Weekly', ?, 'COMPLETED')""")
			.param(mentorship).param(this.mentor.id()).param(this.student.id())
			.param(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusDays(1))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Shared feedback on the session from the giver to the other participant; returns its id. */
	long feedback(long session, Account giver, Account recipient, String type) {
		org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO session_feedback (session_id, giver_id, recipient_id, type, rating, comments, visibility,
				                              created_at, updated_at)
				VALUES (?, ?, ?, ?, 4, 'Useful', 'SHARED', ?, ?)""")
			.param(session).param(giver.id()).param(recipient.id()).param(type)
			.param(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC))
			.param(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void download(Account reader, long file, int status) throws Exception {
		this.mvc.perform(get("/api/v1/attachments/{id}/content", file).with(as(reader)))
			.andExpect(status().is(status));
	}

	@Test
	void staffReadingTheStudentsSessionFeedbackAndFilesAreDisclosuresAndHerOwnReadsAreNot() throws Exception {
		long session = completedSession();
		long hers = feedback(session, this.student, this.mentor, "MENTEE_TO_MENTOR");
		long his = feedback(session, this.mentor, this.student, "MENTOR_TO_MENTEE");
		byte[] text = "Agenda: algebra".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		long sessionFile = TestFiles.plant(this.jdbc, "SESSION", session, this.college.id(), this.student.id(),
				"agenda.txt", "text/plain", text);
		long feedbackFile = TestFiles.plant(this.jdbc, "FEEDBACK", hers, this.college.id(), this.student.id(),
				"notes.txt", "text/plain", text);

		// The student reads her session's feedback and files: no disclosure.
		this.mvc.perform(get("/api/v1/sessions/{id}/feedback", session).with(as(this.student)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.theirs.id").value(his));
		download(this.student, sessionFile, 200);
		download(this.student, feedbackFile, 200);
		this.mvc.perform(get("/api/v1/privacy/disclosures").with(as(this.student))).andExpect(jsonPath("$", hasSize(0)));

		// Someone who may not see them gets 404 and leaves no row.
		Account stranger = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		this.mvc.perform(get("/api/v1/sessions/{id}/feedback", session).with(as(stranger)))
			.andExpect(status().isNotFound());
		download(stranger, sessionFile, 404);
		download(stranger, feedbackFile, 404);
		this.mvc.perform(get("/api/v1/privacy/disclosures").with(as(this.student))).andExpect(jsonPath("$", hasSize(0)));

		// The mentor reads her feedback (his own is no disclosure) and both files; the administrator reads both
		// feedbacks (the page) and the session's file.
		this.mvc.perform(get("/api/v1/sessions/{id}/feedback", session).with(as(this.mentor)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mine.id").value(his))
			.andExpect(jsonPath("$.theirs.id").value(hers));
		download(this.mentor, sessionFile, 200);
		download(this.mentor, feedbackFile, 200);
		this.mvc.perform(get("/sessions/{id}/feedback", session).with(as(this.admin))).andExpect(status().isOk());
		download(this.admin, sessionFile, 200);

		this.mvc.perform(get("/api/v1/privacy/disclosures").with(as(this.student)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(6)))
			.andExpect(jsonPath("$[?(@.record == 'feedback')].action",
					org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("FEEDBACK_READ"))))
			.andExpect(jsonPath("$[?(@.record == 'feedback' && @.readerId == " + this.mentor.id() + ")].recordId",
					org.hamcrest.Matchers.contains(String.valueOf(hers))))
			.andExpect(jsonPath("$[?(@.record == 'feedback' && @.readerId == " + this.admin.id() + ")].recordId",
					org.hamcrest.Matchers.containsInAnyOrder(String.valueOf(hers), String.valueOf(his))))
			.andExpect(jsonPath("$[?(@.record == 'file')].action",
					org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("ATTACHMENT_READ"))))
			.andExpect(jsonPath("$[?(@.record == 'file' && @.readerId == " + this.mentor.id() + ")].recordId",
					org.hamcrest.Matchers.containsInAnyOrder(String.valueOf(sessionFile), String.valueOf(feedbackFile))))
			.andExpect(jsonPath("$[?(@.record == 'file' && @.readerId == " + this.admin.id() + ")].recordId",
					org.hamcrest.Matchers.contains(String.valueOf(sessionFile))));
		// The readers' own lists stay empty; the student's page names the records.
		this.mvc.perform(get("/api/v1/privacy/disclosures").with(as(this.mentor))).andExpect(jsonPath("$", hasSize(0)));
		this.mvc.perform(get("/account/privacy").with(as(this.student)))
			.andExpect(content().string(containsString("Feedback on one of your sessions")))
			.andExpect(content().string(containsString("A file attached to one of your sessions, its feedback, your goals or your mentorship")));
	}

	@Test
	void aBadLimitIsABadRequest() throws Exception {
		this.mvc.perform(get("/api/v1/privacy/disclosures").param("limit", "0").with(as(this.student)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
		this.mvc.perform(get("/api/v1/privacy/disclosures").param("limit", "501").with(as(this.student)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/privacy/disclosures").param("limit", "x").with(as(this.student)))
			.andExpect(status().isBadRequest());
	}

}
