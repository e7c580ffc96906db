package org.mentorhub.report.program;

import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.platform.LocalCaches;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.mentorhub.TestInstitutions.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A computed program dashboard is kept for a few minutes (production's setting, five, here; the other test
 * classes keep nothing) for everyone asking for the same scope, period and kind: a second request shows
 * the same figures and the same "as of" time without reading them again, another scope never gets the
 * kept figures of the first, and the page says how old the figures are.
 */
@MentorHubIntegrationTest
@TestPropertySource(properties = "mentorhub.platform.caches.ttl.program-dashboards=5m")
class ProgramDashboardKeptIntegrationTests {

	static final String PERIOD = "from=2026-01-01&to=2026-03-31";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	LocalCaches caches;

	TestInstitution college;

	Account admin;

	Account csCoordinator;

	Account busCoordinator;

	long pair;

	Account mentor;

	Account mentee;

	@BeforeEach
	void plant() {
		String t = unique();
		this.college = aUniversity().named("Kept University " + t)
			.withDepartment("CS", "Computer Science " + t)
			.withDepartment("BUS", "Business " + t)
			.build(this.jdbc);
		this.admin = this.college.anAdmin().create(this.jdbc);
		this.csCoordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		this.busCoordinator = this.college.aCoordinator().inDepartment("BUS").create(this.jdbc);
		this.mentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		this.mentee = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO mentorships (institution_id, department_id, mentor_id, mentee_id, status, created_at, assigned_at)
				VALUES (:i, :d, :m, :e, 'ACTIVE', :c, :c)""")
			.param("i", this.college.id()).param("d", this.college.department("CS")).param("m", this.mentor.id())
			.param("e", this.mentee.id()).param("c", LocalDateTime.of(2026, 1, 2, 0, 0))
			.update(keys, "id");
		this.pair = keys.getKeyAs(Number.class).longValue();
		session(LocalDateTime.of(2026, 1, 6, 10, 0));
	}

	void session(LocalDateTime at) {
		this.jdbc.sql("""
				INSERT INTO mentoring_sessions (mentorship_id, mentor_id, mentee_id, title, scheduled_at, status, created_at)
				VALUES (:p, :m, :e, 'Kept session', :at, 'COMPLETED', :c)""")
			.param("p", this.pair).param("m", this.mentor.id()).param("e", this.mentee.id()).param("at", at)
			.param("c", at.minusDays(7)).update();
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	ProgramReport api(Account who) throws Exception {
		return this.json.readValue(this.mvc.perform(get("/api/v1/reports/program?" + PERIOD).with(as(who)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), ProgramReport.class);
	}

	@Test
	void aSecondRequestGetsTheKeptFiguresAndAnotherScopeItsOwn() throws Exception {
		ProgramReport first = api(this.admin);
		assertThat(first.sessions().scheduled()).isEqualTo(1);
		assertThat(first.asOf()).isNotNull();

		session(LocalDateTime.of(2026, 2, 3, 10, 0));
		ProgramReport kept = api(this.admin);
		assertThat(kept.sessions().scheduled()).as("kept for five minutes").isEqualTo(1);
		assertThat(kept.asOf()).isEqualTo(first.asOf());

		// Another scope is another entry, computed for it: the CS coordinator's counts both sessions, the
		// BUS coordinator's none, and neither is the institution's kept entry.
		assertThat(api(this.csCoordinator).sessions().scheduled()).isEqualTo(2);
		assertThat(api(this.busCoordinator).sessions().scheduled()).isZero();
		// Another period too.
		ProgramReport january = this.json.readValue(this.mvc
			.perform(get("/api/v1/reports/program?from=2026-01-01&to=2026-01-31").with(as(this.admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), ProgramReport.class);
		assertThat(january.sessions().scheduled()).isEqualTo(1);

		this.caches.clearAll();
		assertThat(api(this.admin).sessions().scheduled()).isEqualTo(2);
	}

	@Test
	void theAccessCheckRunsOnEveryRequestBeforeTheKeptFigures() throws Exception {
		api(this.csCoordinator);
		// The BUS coordinator asking for CS's kept dashboard is refused, as without the cache.
		this.mvc.perform(get("/api/v1/reports/program?" + PERIOD + "&department=" + this.college.department("CS"))
			.with(as(this.busCoordinator))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/reports/program?" + PERIOD).with(as(this.mentor))).andExpect(status().isForbidden());
	}

	@Test
	void thePageSaysHowOldTheFiguresAre() throws Exception {
		this.mvc.perform(get("/reports/program?" + PERIOD).with(as(this.admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"program-as-of\"")))
			.andExpect(content().string(containsString("they are worked out again at most every 5 minutes.")));
	}

}
