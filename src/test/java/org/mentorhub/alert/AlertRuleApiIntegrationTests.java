package org.mentorhub.alert;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.mentorhub.alert.AlertRuleFixtures.academic;
import static org.mentorhub.alert.AlertRuleFixtures.alerts;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The alert rules API: administrators switch rules on and set them (audited), try them with a dry run
 * that raises nothing, and get 400 for out-of-range values (nothing saved) and 409 for a stale version;
 * coordinators read them; everybody else gets 403. A rule then reacts to a change of a student's record
 * as it happens: one alert, owned by the mentor, and the administrator who switched the rule on is told
 * how it ended.
 */
@MentorHubIntegrationTest
class AlertRuleApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	TestInstitution college;

	Account admin;

	Account coordinator;

	Account mentor;

	Account mentee;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
		this.admin = this.college.anAdmin().named("Ada Admin").create(this.jdbc);
		this.coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		this.mentor = this.college.aMentor().inDepartment("CS").named("Omar Mentor").create(this.jdbc);
		this.mentee = this.college.aStudent().inDepartment("CS").named("Nia Student").create(this.jdbc);
		TestMentorships.plant(this.jdbc, this.mentor, this.mentee, "ACTIVE");
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	ResultActions save(Account caller, String kind, String json) throws Exception {
		return this.mvc.perform(put("/api/v1/alert-rules/" + kind).with(as(caller)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(json));
	}

	ResultActions dryRun(Account caller, String kind, String json) throws Exception {
		return this.mvc.perform(post("/api/v1/alert-rules/" + kind + "/dry-run").with(as(caller)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(json));
	}

	long savedRules() {
		return this.jdbc.sql("SELECT COUNT(*) FROM alert_rules WHERE institution_id = :i").param("i", this.college.id())
			.query(Long.class).single();
	}

	long audited(String action) {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = :a AND user_id = :u")
			.param("a", action).param("u", this.admin.id()).query(Long.class).single();
	}

	@Test
	void anAdministratorSwitchesARuleOnAndTheChangeIsAudited() throws Exception {
		this.mvc.perform(get("/api/v1/alert-rules").with(as(this.admin)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(AlertRuleKind.values().length)))
			.andExpect(jsonPath("$[0].kind").value("GPA_BELOW"))
			.andExpect(jsonPath("$[0].enabled").value(false))
			.andExpect(jsonPath("$[0].version").value(0));
		save(this.admin, "GPA_BELOW", "{\"enabled\":true,\"threshold\":2.5,\"severity\":\"CRITICAL\",\"version\":0}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enabled").value(true))
			.andExpect(jsonPath("$.threshold").value(2.5))
			.andExpect(jsonPath("$.severity").value("CRITICAL"))
			.andExpect(jsonPath("$.enabledById").value(this.admin.id()))
			.andExpect(jsonPath("$.enabledByName").value("Ada Admin"))
			.andExpect(jsonPath("$.version").value(1));
		assertThat(audited("ALERT_RULE_CHANGED")).isOne();
		save(this.admin, "NO_SHOWS", "{\"enabled\":false,\"threshold\":3,\"windowWeeks\":6,\"version\":0}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.windowWeeks").value(6));
		// The coordinator reads them, and the version moves on.
		this.mvc.perform(get("/api/v1/alert-rules/GPA_BELOW").with(as(this.coordinator)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enabled").value(true))
			.andExpect(jsonPath("$.editable").value(false));
		save(this.admin, "GPA_BELOW", "{\"enabled\":true,\"threshold\":2.0,\"version\":0}")
			.andExpect(status().isConflict());
		save(this.admin, "GPA_BELOW", "{\"enabled\":false,\"version\":1}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.threshold").value(2.5))
			.andExpect(jsonPath("$.version").value(2));
		this.mvc.perform(get("/api/v1/alert-rules/LOUDNESS").with(as(this.admin)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isNotFound());
	}

	@Test
	void outOfRangeSettingsAre400AndNothingIsSaved() throws Exception {
		save(this.admin, "GPA_BELOW", "{\"enabled\":true,\"threshold\":-1,\"version\":0}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("above 0")));
		save(this.admin, "GPA_BELOW", "{\"threshold\":4.5,\"version\":0}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("scale")));
		save(this.admin, "ATTENDANCE_BELOW", "{\"threshold\":101,\"version\":0}").andExpect(status().isBadRequest());
		save(this.admin, "NO_SHOWS", "{\"threshold\":2.5,\"version\":0}").andExpect(status().isBadRequest());
		save(this.admin, "NO_SHOWS", "{\"windowWeeks\":0,\"version\":0}").andExpect(status().isBadRequest());
		save(this.admin, "NO_SHOWS", "{\"windowWeeks\":53,\"version\":0}").andExpect(status().isBadRequest());
		save(this.admin, "NO_RECENT_SESSION", "{\"threshold\":-30,\"version\":0}").andExpect(status().isBadRequest());
		save(this.admin, "ACTION_ITEMS_OVERDUE", "{\"threshold\":366,\"version\":0}").andExpect(status().isBadRequest());
		save(this.admin, "RISK_HIGH", "{\"threshold\":1,\"version\":0}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("no threshold")));
		save(this.admin, "RISK_HIGH", "{\"severity\":\"LOUD\",\"version\":0}").andExpect(status().isBadRequest());
		save(this.admin, "RISK_HIGH", "{\"enabled\":true}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("version")));
		dryRun(this.admin, "GPA_BELOW", "{\"threshold\":-0.5}").andExpect(status().isBadRequest());
		assertThat(savedRules()).isZero();
		assertThat(audited("ALERT_RULE_CHANGED")).isZero();
	}

	@Test
	void onlyAdministratorsChangeOrTryRulesAndOnlyManagersReadThem() throws Exception {
		for (Account reader : new Account[] { this.mentor, this.mentee }) {
			this.mvc.perform(get("/api/v1/alert-rules").with(as(reader)).accept(MediaType.APPLICATION_JSON))
				.andExpect(status().isForbidden());
		}
		for (Account caller : new Account[] { this.coordinator, this.mentor, this.mentee }) {
			save(caller, "GPA_BELOW", "{\"enabled\":true,\"threshold\":2.5,\"version\":0}").andExpect(status().isForbidden());
			dryRun(caller, "GPA_BELOW", "{}").andExpect(status().isForbidden());
		}
		// Another institution's administrator sees and changes only their own institution's rules.
		TestInstitution other = aUniversity().build(this.jdbc);
		Account stranger = other.anAdmin().create(this.jdbc);
		save(stranger, "GPA_BELOW", "{\"enabled\":true,\"threshold\":2.5,\"version\":0}").andExpect(status().isOk());
		assertThat(savedRules()).isZero();
	}

	@Test
	void aDryRunCountsTheStudentsARuleWouldFlagAndRaisesNothing() throws Exception {
		academic(this.jdbc, this.mentee, "2.10", "90", "LOW");
		Account script = this.college.aStudent().inDepartment("CS").named("<script>alert(1)</script>").create(this.jdbc);
		academic(this.jdbc, script, "1.20", "90", "LOW");
		academic(this.jdbc, this.college.aStudent().inDepartment("CS").create(this.jdbc), "3.40", "90", "LOW");
		dryRun(this.admin, "GPA_BELOW", "{\"threshold\":2.5}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.studentsChecked").value(3))
			.andExpect(jsonPath("$.flagged").value(2))
			.andExpect(jsonPath("$.sample", hasSize(2)))
			.andExpect(jsonPath("$.sample[0].fullName").value("Nia Student"))
			.andExpect(jsonPath("$.sample[0].reason").value("GPA is 2.1, below the rule's threshold of 2.5."));
		dryRun(this.admin, "GPA_BELOW", "{\"threshold\":1.0}").andExpect(jsonPath("$.flagged").value(0));
		assertThat(alerts(this.jdbc, this.mentee, "GPA_BELOW")).isZero();
		assertThat(savedRules()).isZero();
		assertThat(audited("ALERT_RULE_DRY_RUN")).isEqualTo(2);
	}

	@Test
	void aChangedRecordRaisesOneAlertForTheMentorAndTheEnablerHearsHowItEnded() throws Exception {
		academic(this.jdbc, this.mentee, "3.00", "90", "LOW");
		save(this.admin, "GPA_BELOW", "{\"enabled\":true,\"threshold\":2.5,\"version\":0}").andExpect(status().isOk());
		for (String gpa : new String[] { "2.10", "2.00" }) {
			this.mvc.perform(put("/api/v1/students/" + this.mentee.id() + "/academic").with(as(this.coordinator))
				.with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"gpa\":" + gpa + ",\"attendancePct\":90,\"riskLevel\":\"LOW\"}"))
				.andExpect(status().isOk());
			String expected = "GPA is " + new java.math.BigDecimal(gpa).stripTrailingZeros().toPlainString()
					+ ", below the rule's threshold of 2.5.";
			await().atMost(Duration.ofSeconds(20)).until(() -> this.jdbc
				.sql("SELECT COUNT(*) FROM alerts WHERE student_id = :s AND message = :m")
				.param("s", this.mentee.id()).param("m", expected).query(Long.class).single() == 1);
		}
		assertThat(alerts(this.jdbc, this.mentee, "GPA_BELOW")).isOne();
		long alert = this.jdbc.sql("SELECT id FROM alerts WHERE student_id = :s").param("s", this.mentee.id())
			.query(Long.class).single();
		assertThat(this.jdbc.sql("SELECT CONCAT(owner_id, ' ', raised_by_id) FROM alerts WHERE id = :a").param("a", alert)
			.query(String.class).single()).isEqualTo(this.mentor.id() + " " + this.admin.id());

		long version = this.jdbc.sql("SELECT version FROM alerts WHERE id = :a").param("a", alert).query(Long.class).single();
		this.mvc.perform(post("/api/v1/alerts/" + alert + "/transitions").with(as(this.mentor)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"action\":\"RESOLVE\",\"note\":\"Tutoring twice a week.\",\"version\":" + version + "}"))
			.andExpect(status().isOk());
		await().atMost(Duration.ofSeconds(20)).until(() -> this.jdbc.sql("""
				SELECT COUNT(*) FROM notifications WHERE user_id = :u AND type = 'ALERT_CLOSED' AND body LIKE '%Tutoring twice a week.%'""")
			.param("u", this.admin.id()).query(Long.class).single() == 1);
	}

}
