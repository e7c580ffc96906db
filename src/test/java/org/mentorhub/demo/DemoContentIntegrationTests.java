package org.mentorhub.demo;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the demo tells the people who try it must make sense for who they are: a mentor is not told
 * about "your mentor", a new mother's goals are not a student's, the last sign-in agrees with the
 * audit log, and mentors and mentees of one institution have hours in common, so that the directory
 * and the suggestions have something to show.
 */
@MentorHubIntegrationTest
class DemoContentIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void mentorsAreToldAboutTheirMenteesNeverAboutTheirMentor() {
		assertThat(count("""
				SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id
				WHERE n.body LIKE 'Your mentor %'
				  AND EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id AND r.name = 'MENTOR')
				  AND NOT EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
				                  WHERE ur.user_id = u.id AND r.name IN ('MENTEE', 'NEW_MOTHER'))""")).isZero();
		assertThat(count("SELECT COUNT(*) FROM notifications WHERE body = 'Your mentee confirmed the next session.'")).isPositive();
	}

	@Test
	void aNewMothersGoalsAreAboutReturningToWorkNotAStudents() {
		String mothers = """
				FROM goals g JOIN user_roles ur ON ur.user_id = g.student_id JOIN roles r ON r.id = ur.role_id
				WHERE r.name = 'NEW_MOTHER'""";
		assertThat(count("SELECT COUNT(*) " + mothers)).isPositive();
		assertThat(count("SELECT COUNT(*) " + mothers + " AND (g.category = 'ACADEMIC' OR g.title LIKE '%GPA%' "
				+ "OR g.title LIKE '%study%' OR g.title LIKE '%internship%')")).isZero();
	}

	@Test
	void whoSignedInInTheAuditLogHasALastSignIn() {
		assertThat(count("""
				SELECT COUNT(*) FROM users u WHERE u.last_login_at IS NULL
				AND EXISTS (SELECT 1 FROM audit_logs a WHERE a.user_id = u.id AND a.action = 'SIGN_IN_SUCCEEDED')""")).isZero();
		// The latest sign-in of the audit log is the last sign-in shown (a sign-in by another test writes both
		// within a moment of each other).
		List<Map<String, Object>> rows = this.jdbc.sql("""
				SELECT u.last_login_at AS last_login, (SELECT MAX(a.created_at) FROM audit_logs a
				  WHERE a.user_id = u.id AND a.action = 'SIGN_IN_SUCCEEDED') AS audited
				FROM users u WHERE u.email LIKE '%.demo'""").query().listOfRows();
		assertThat(rows).isNotEmpty().allSatisfy(row -> {
			if (row.get("AUDITED") != null || row.get("audited") != null) {
				LocalDateTime audited = timestamp(row, "audited");
				assertThat(timestamp(row, "last_login")).isAfterOrEqualTo(audited.minusMinutes(1));
			}
		});
	}

	@Test
	void theDemoStudentHasHoursInCommonWithEveryMentorAndIsOfferedEveryMentorWithAPlace() throws Exception {
		// The demo's own mentors only: other tests add people of their own to the demo university, with
		// availability or without.
		var student = user(this.users.loadUserByUsername("student@northbridge.demo"));
		String directory = this.mvc.perform(get("/directory").with(student))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Long> mentors = this.jdbc.sql("""
				SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
				WHERE u.email LIKE '%@northbridge.demo' AND r.name = 'MENTOR' AND u.status = 'ACTIVE'""")
			.query(Long.class)
			.list();
		assertThat(mentors).hasSizeGreaterThan(2);
		for (long mentor : mentors) {
			assertThat(card(directory, mentor)).as("the directory card of demo mentor %d", mentor)
				.contains("class=\"overlap\"")
				.doesNotContain("0 h 0 min");
		}

		String suggestions = this.mvc.perform(get("/mentorships/suggestions").with(student))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Long> withAPlace = this.jdbc.sql("""
				SELECT u.id FROM mentor_profiles mp JOIN users u ON u.id = mp.user_id
				WHERE u.email LIKE '%@northbridge.demo' AND mp.accepting_new_mentees = TRUE
				AND mp.current_mentee_count < mp.max_mentees
				AND u.id NOT IN (SELECT m.mentor_id FROM mentorships m JOIN users s ON s.id = m.mentee_id
				                 WHERE s.email = 'student@northbridge.demo'
				                   AND m.status IN ('REQUESTED', 'PROPOSED', 'ACCEPTED', 'APPROVED', 'ACTIVE', 'PAUSED'))""")
			.query(Long.class)
			.list();
		assertThat(withAPlace).hasSizeGreaterThan(2).hasSizeLessThanOrEqualTo(10);
		for (long mentor : withAPlace) {
			assertThat(suggestions).as("demo mentor %d with a place is suggested", mentor)
				.contains("id=\"mentor-name-" + mentor + "\"");
		}
	}

	/** The directory card of one mentor: from its id to the end of its list item. */
	static String card(String page, long mentor) {
		int start = page.indexOf("id=\"mentor-" + mentor + "\"");
		assertThat(start).as("mentor %d is listed", mentor).isPositive();
		int end = page.indexOf("</li>", start);
		return page.substring(start, end < 0 ? page.length() : end);
	}

	static LocalDateTime timestamp(Map<String, Object> row, String column) {
		Object value = row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase(java.util.Locale.ROOT));
		return value instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
	}

}
