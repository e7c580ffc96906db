package org.mentorhub.alert;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.mentorhub.alert.AlertRuleFixtures.academic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The alert rules page: administrators see a form per rule, save it (an out-of-range threshold is 400
 * inline, nothing saved; a stale form is 409) and try it with a dry run whose sample is plain text;
 * coordinators see the rules without forms; mentors and students get 403.
 */
@MentorHubIntegrationTest
class AlertRulePagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	TestInstitution college;

	Account admin;

	Account coordinator;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
		this.admin = this.college.anAdmin().named("Ada Admin").create(this.jdbc);
		this.coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	long savedRules() {
		return this.jdbc.sql("SELECT COUNT(*) FROM alert_rules WHERE institution_id = :i").param("i", this.college.id())
			.query(Long.class).single();
	}

	@Test
	void anAdministratorSavesARuleAndACoordinatorReadsIt() throws Exception {
		this.mvc.perform(get("/alerts/rules").with(as(this.admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"rule-form-GPA_BELOW\"")))
			.andExpect(content().string(containsString("id=\"dry-run-NO_SHOWS\"")))
			.andExpect(content().string(containsString("GPA below a threshold")));
		this.mvc.perform(post("/alerts/rules/GPA_BELOW").with(as(this.admin)).with(csrf())
			.param("enabled", "true").param("threshold", "2.4").param("severity", "CRITICAL").param("version", "0"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/alerts/rules?saved=GPA_BELOW#rule-GPA_BELOW"));
		this.mvc.perform(get("/alerts/rules?saved=GPA_BELOW").with(as(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Switched on by Ada Admin")))
			.andExpect(content().string(containsString("2.40")))
			.andExpect(content().string(not(containsString("rule-form-"))));
		this.mvc.perform(post("/alerts/rules/GPA_BELOW").with(as(this.admin)).with(csrf())
			.param("threshold", "2.0").param("severity", "WARN").param("version", "0"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("id=\"rule-stale\"")));
	}

	@Test
	void anOutOfRangeThresholdIsShownInlineAndNothingIsSaved() throws Exception {
		this.mvc.perform(post("/alerts/rules/GPA_BELOW").with(as(this.admin)).with(csrf())
			.param("enabled", "true").param("threshold", "-1").param("severity", "WARN").param("version", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The GPA threshold is above 0")));
		this.mvc.perform(post("/alerts/rules/NO_SHOWS").with(as(this.admin)).with(csrf())
			.param("threshold", "lots").param("severity", "WARN").param("version", "0"))
			.andExpect(status().isBadRequest());
		assertThat(savedRules()).isZero();
	}

	@Test
	void aDryRunShowsHowManyStudentsTheRuleWouldFlagAsPlainText() throws Exception {
		Account script = this.college.aStudent().inDepartment("CS").named("<script>alert(1)</script>").create(this.jdbc);
		academic(this.jdbc, script, "1.50", "90", "LOW");
		academic(this.jdbc, this.college.aStudent().inDepartment("CS").create(this.jdbc), "3.50", "90", "LOW");
		this.mvc.perform(post("/alerts/rules/GPA_BELOW/dry-run").with(as(this.admin)).with(csrf())
			.param("threshold", "2.5").param("severity", "WARN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("It would flag 1 of 2 students now.")))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))));
		assertThat(savedRules()).isZero();
	}

	@Test
	void mentorsAndStudentsMayNotSeeTheRulesAndCoordinatorsMayNotChangeThem() throws Exception {
		for (Account other : new Account[] { this.college.aMentor().inDepartment("CS").create(this.jdbc),
				this.college.aStudent().inDepartment("CS").create(this.jdbc) }) {
			this.mvc.perform(get("/alerts/rules").with(as(other))).andExpect(status().isForbidden());
		}
		this.mvc.perform(post("/alerts/rules/GPA_BELOW").with(as(this.coordinator)).with(csrf())
			.param("enabled", "true").param("threshold", "2.4").param("severity", "WARN").param("version", "0"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/alerts/rules/GPA_BELOW/dry-run").with(as(this.coordinator)).with(csrf())
			.param("threshold", "2.4")).andExpect(status().isForbidden());
		assertThat(savedRules()).isZero();
	}

}
