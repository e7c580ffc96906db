package org.mentorhub.alert;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The alert pages without JavaScript: raising an alert through the form (bad input 400 inline, a student
 * out of reach 404), the case page with its history and transition buttons (a note is required to
 * resolve, RESOLVED to ACKNOWLEDGED is a 409 with the reason, a stale form 409), the queue with its
 * filters and its bulk form (all or nothing, says what it did), the CSV export, my cases, the student's
 * view of what is visible to them, messages escaped, and "not found" for everybody else.
 */
@MentorHubIntegrationTest
class AlertPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	TestInstitution college;

	Account student;

	Account mentor;

	Account coordinator;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").withDepartment("BUS").build(this.jdbc);
		this.student = this.college.aStudent().inDepartment("CS").named("Nia Student").create(this.jdbc);
		this.mentor = this.college.aMentor().inDepartment("CS").named("Omar Mentor").create(this.jdbc);
		this.coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		TestMentorships.plant(this.jdbc, this.mentor, this.student, "ACTIVE");
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	String statusOf(long alert) {
		return this.jdbc.sql("SELECT status FROM alerts WHERE id = :a").param("a", alert).query(String.class).single();
	}

	@Test
	void aMentorRaisesAnAlertThroughTheFormAndLandsOnTheCase() throws Exception {
		this.mvc.perform(get("/alerts/new?student=" + this.student.id()).with(as(this.mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"alert-form\""), containsString("Nia Student"))));
		this.mvc.perform(post("/alerts").with(as(this.mentor)).with(csrf())
			.param("studentId", String.valueOf(this.student.id())).param("severity", "WARN")
			.param("category", "ATTENDANCE").param("message", "<script>alert(1)</script> missed class")
			.param("visibleToStudent", "true"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/alerts/*?saved=raised"));
		long alert = this.jdbc.sql("SELECT id FROM alerts WHERE student_id = :s").param("s", this.student.id())
			.query(Long.class).single();
		this.mvc.perform(get("/alerts/" + alert + "?saved=raised").with(as(this.mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The alert is raised."),
					containsString("&lt;script&gt;alert(1)&lt;/script&gt; missed class"), not(containsString("<script>alert(1)")),
					containsString("id=\"action-acknowledge\""), containsString("id=\"alert-history\""))));
		assertThat(this.jdbc.sql("SELECT visible_to_student FROM alerts WHERE id = :a").param("a", alert)
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void badInputInTheRaiseFormIsShownInlineWithA400() throws Exception {
		this.mvc.perform(post("/alerts").with(as(this.coordinator)).with(csrf())
			.param("studentId", String.valueOf(this.student.id())).param("severity", "LOUD")
			.param("category", "GPA").param("message", "x".repeat(2001)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("Unknown severity"), containsString("At most 2000 characters"))));
		Account other = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		this.mvc.perform(post("/alerts").with(as(this.mentor)).with(csrf())
			.param("studentId", String.valueOf(other.id())).param("severity", "WARN")
			.param("category", "GPA").param("message", "Not my mentee"))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM alerts WHERE student_id IN (:s)")
			.param("s", java.util.List.of(this.student.id(), other.id())).query(Long.class).single()).isZero();
	}

	@Test
	void theOwnerMovesTheCaseWithTheButtonsAndTheRulesAreExplained() throws Exception {
		long alert = AlertFixtures.alert(this.jdbc, this.student.id(), this.coordinator.id(), this.mentor.id(), "Low GPA");
		this.mvc.perform(post("/alerts/" + alert + "/transitions").with(as(this.mentor)).with(csrf())
			.param("action", "ACKNOWLEDGE").param("version", "0"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/alerts/" + alert + "/transitions").with(as(this.mentor)).with(csrf())
			.param("action", "RESOLVE").param("version", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Write the outcome")));
		this.mvc.perform(post("/alerts/" + alert + "/transitions").with(as(this.mentor)).with(csrf())
			.param("action", "RESOLVE").param("note", "Tutoring booked.").param("version", "0"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Somebody changed this alert")));
		this.mvc.perform(post("/alerts/" + alert + "/transitions").with(as(this.mentor)).with(csrf())
			.param("action", "RESOLVE").param("note", "Tutoring booked.").param("version", "1"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/alerts/" + alert + "/transitions").with(as(this.mentor)).with(csrf())
			.param("action", "ACKNOWLEDGE").param("version", "2"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("An alert that is RESOLVED cannot be acknowledged")));
		assertThat(statusOf(alert)).isEqualTo("RESOLVED");
		this.mvc.perform(get("/alerts/" + alert).with(as(this.mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Tutoring booked."), containsString("id=\"action-reopen\""),
					not(containsString("id=\"action-acknowledge\"")))));
	}

	@Test
	void theQueueFiltersBulkActsAndExports() throws Exception {
		long a = AlertFixtures.alert(this.jdbc, this.student.id(), null, null, "First worry");
		long b = AlertFixtures.alert(this.jdbc, this.student.id(), null, null, "WARN", "IN_PROGRESS", "Second worry",
				java.time.LocalDateTime.now(java.time.ZoneOffset.UTC));
		this.mvc.perform(get("/alerts").with(as(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"alert-queue\""), containsString("First worry"),
					containsString("Second worry"), containsString("id=\"bulk-form\""))));
		this.mvc.perform(get("/alerts?status=IN_PROGRESS").with(as(this.coordinator)))
			.andExpect(content().string(allOf(containsString("Second worry"), not(containsString("First worry")))));
		this.mvc.perform(get("/alerts?severity=LOUD").with(as(this.coordinator))).andExpect(status().isBadRequest());

		this.mvc.perform(post("/alerts/bulk").with(as(this.coordinator)).with(csrf())
			.param("ids", String.valueOf(a), String.valueOf(b)).param("action", "ACKNOWLEDGE"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Nothing was acknowledged.")));
		assertThat(statusOf(a)).isEqualTo("OPEN");
		this.mvc.perform(post("/alerts/bulk").with(as(this.coordinator)).with(csrf())
			.param("ids", String.valueOf(a)).param("action", "ACKNOWLEDGE"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/alerts?done=ACKNOWLEDGE&count=1"));
		this.mvc.perform(get("/alerts?done=ACKNOWLEDGE&count=1").with(as(this.coordinator)))
			.andExpect(content().string(containsString("1 alert was acknowledged.")));
		this.mvc.perform(post("/alerts/bulk").with(as(this.coordinator)).with(csrf())
			.param("ids", String.valueOf(a), String.valueOf(b)).param("action", "ASSIGN")
			.param("ownerId", String.valueOf(this.mentor.id())))
			.andExpect(redirectedUrlPattern("/alerts?done=ASSIGN&count=2"));
		this.mvc.perform(post("/alerts/bulk").with(as(this.coordinator)).with(csrf()).param("action", "ASSIGN")
			.param("ownerId", String.valueOf(this.mentor.id())))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose at least one alert.")));

		this.mvc.perform(get("/alerts/export.csv?status=all").with(as(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("First worry"), containsString("Second worry"))));
		this.mvc.perform(get("/alerts").with(as(this.mentor))).andExpect(status().isForbidden());
	}

	@Test
	void myCasesAndTheStudentsOwnView() throws Exception {
		long hidden = AlertFixtures.alert(this.jdbc, this.student.id(), this.coordinator.id(), this.mentor.id(), "Hidden worry");
		long shown = AlertFixtures.alert(this.jdbc, this.student.id(), this.coordinator.id(), this.mentor.id(), "Shown worry");
		AlertFixtures.visibleToStudent(this.jdbc, shown);
		this.mvc.perform(get("/alerts/mine").with(as(this.mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Hidden worry"), containsString("Shown worry"))));
		this.mvc.perform(get("/alerts/mine").with(as(this.student)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Shown worry"), not(containsString("Hidden worry")),
					not(containsString("id=\"raise-alert\"")))));
		this.mvc.perform(get("/alerts/" + hidden).with(as(this.student))).andExpect(status().isNotFound());
		this.mvc.perform(get("/alerts/" + shown).with(as(this.student)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"transition-form\""))));
		Account stranger = this.college.aCoordinator().inDepartment("BUS").create(this.jdbc);
		this.mvc.perform(get("/alerts/" + shown).with(as(stranger))).andExpect(status().isNotFound());
		this.mvc.perform(post("/alerts/" + shown + "/transitions").with(as(stranger)).with(csrf())
			.param("action", "ACKNOWLEDGE").param("version", "0")).andExpect(status().isNotFound());
		this.mvc.perform(post("/alerts/" + shown + "/assign").with(as(stranger)).with(csrf())
			.param("ownerId", String.valueOf(stranger.id())).param("version", "0")).andExpect(status().isNotFound());
	}

}
