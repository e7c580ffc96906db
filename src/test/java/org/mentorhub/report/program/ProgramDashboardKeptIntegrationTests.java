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
		this.pair = pair(this.mentor, this.mentee);
		session(LocalDateTime.of(2026, 1, 6, 10, 0));
	}

	/** An active CS mentorship started on 2 January 2026. */
	long pair(Account mentor, Account mentee) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO mentorships (institution_id, department_id, mentor_id, mentee_id, status, created_at, assigned_at)
				VALUES (:i, :d, :m, :e, 'ACTIVE', :c, :c)""")
			.param("i", this.college.id()).param("d", this.college.department("CS")).param("m", mentor.id())
			.param("e", mentee.id()).param("c", LocalDateTime.of(2026, 1, 2, 0, 0))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** A completed session of the pair at that time. */
	long session(long pair, Account mentor, Account mentee, LocalDateTime at) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO mentoring_sessions (mentorship_id, mentor_id, mentee_id, title, scheduled_at, status, created_at)
				VALUES (:p, :m, :e, 'Kept session', :at, 'COMPLETED', :c)""")
			.param("p", pair).param("m", mentor.id()).param("e", mentee.id()).param("at", at)
			.param("c", at.minusDays(7)).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void session(LocalDateTime at) {
		session(this.pair, this.mentor, this.mentee, at);
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

	@Test
	void thePageShowsTheTwentyMentorsWithTheMostAnswersAndTheJsonEveryOne() throws Exception {
		// 21 more CS mentors with three ratings each (the first mentor's pair has none): 21 averages.
		for (int i = 0; i < 21; i++) {
			Account m = this.college.aMentor().inDepartment("CS").create(this.jdbc);
			Account e = this.college.aStudent().inDepartment("CS").create(this.jdbc);
			long pair = pair(m, e);
			for (int k = 0; k < 3 + (i == 0 ? 1 : 0); k++) {
				long session = session(pair, m, e, LocalDateTime.of(2026, 1, 10 + k, 10, 0));
				this.jdbc.sql("""
						INSERT INTO session_feedback (session_id, giver_id, type, rating)
						VALUES (:s, :g, 'MENTEE_TO_MENTOR', 4)""")
					.param("s", session).param("g", e.id()).update();
			}
		}
		assertThat(api(this.admin).outcomes().ratingsByMentor()).hasSize(21);
		String page = this.mvc.perform(get("/reports/program?" + PERIOD).with(as(this.admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page.split("id=\"rating-mentor-", -1)).hasSize(1 + ProgramCharts.SHOWN_MENTORS);
		assertThat(page).contains("And one more mentor with three answers or more, in the export:");
	}

}
