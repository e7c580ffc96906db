package org.mentorhub.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.StatementCounter;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.mentorship.ActiveMentorships.ActivePair;
import org.mentorhub.session.SessionFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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

/**
 * Relationship health as people read it: one mentorship's health for its pair (without the staff's alert),
 * the coordinator of its department and the administrators of its institution, 404 for everybody else;
 * the list by health for the managers in scope (403 for others, 400 for an unknown health); the
 * institution's expectation (400 for bad values, nothing written; 403 for non-administrators); the health
 * column of the managers' mentorship list and the health section of the mentorship page; and a fixed
 * number of statements whatever the number of pairs (the job's batch, the list page, the API list).
 */
@MentorHubIntegrationTest
class RelationshipHealthApiIntegrationTests {

	/** A stored XSS payload as the mentor's name: every page must show it as text. */
	static final String XSS = "Omar <script>alert(1)</script>";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	RelationshipHealthJob job;

	TestInstitution college;

	Account mentor;

	Account mentee;

	Account coordinator;

	Account admin;

	Account otherMentor;

	Account busCoordinator;

	Account foreignAdmin;

	ActivePair pair;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").withDepartment("BUS").build(this.jdbc);
		this.mentor = this.college.aMentor().inDepartment("CS").named(XSS).create(this.jdbc);
		this.mentee = this.college.aMentee().inDepartment("CS").named("Nia Mentee").create(this.jdbc);
		this.coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		this.admin = this.college.anAdmin().create(this.jdbc);
		this.otherMentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		this.busCoordinator = this.college.aCoordinator().inDepartment("BUS").create(this.jdbc);
		this.foreignAdmin = aCompany().build(this.jdbc).anAdmin().create(this.jdbc);
		long id = TestMentorships.plant(this.jdbc, this.mentor, this.mentee, "ACTIVE");
		this.pair = new ActivePair(id, this.college.id(), this.college.department("CS"), this.mentor.id(),
				this.mentee.id(), Instant.now());
		// Computed as of 30 days from now: no session since the start, so stalled.
		this.job.computeBatch(List.of(this.pair), Instant.now().plus(Duration.ofDays(30)));
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	ResultActions read(Account caller, String uri) throws Exception {
		return this.mvc.perform(get(uri).with(as(caller)).accept(MediaType.APPLICATION_JSON));
	}

	ResultActions settings(Account caller, String json) throws Exception {
		return this.mvc.perform(put("/api/v1/relationship-health/settings").with(as(caller)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(json));
	}

	String healthOf() {
		return "/api/v1/mentorships/" + this.pair.id() + "/health";
	}

	@Test
	void thePairAndTheStaffInScopeReadAMentorshipsHealth() throws Exception {
		for (Account caller : List.of(this.mentor, this.mentee)) {
			read(caller, healthOf()).andExpect(status().isOk())
				.andExpect(jsonPath("$.health").value("STALLED"))
				.andExpect(jsonPath("$.menteeName").value("Nia Mentee"))
				.andExpect(jsonPath("$.mentorName").value(XSS))
				.andExpect(jsonPath("$.reasons[0]").value(containsString("No session completed since the mentorship began")))
				.andExpect(jsonPath("$.alertId").value(nullValue()));
		}
		for (Account caller : List.of(this.coordinator, this.admin)) {
			read(caller, healthOf()).andExpect(status().isOk()).andExpect(jsonPath("$.health").value("STALLED"));
		}
	}

	@Test
	void everybodyElseGets404AndLearnsNothing() throws Exception {
		for (Account caller : List.of(this.otherMentor, this.busCoordinator, this.foreignAdmin)) {
			read(caller, healthOf()).andExpect(status().isNotFound())
				.andExpect(content().string(not(containsString("Nia Mentee"))))
				.andExpect(content().string(not(containsString("STALLED"))));
		}
		read(this.mentor, "/api/v1/mentorships/999999999/health").andExpect(status().isNotFound());
		read(this.mentor, "/api/v1/mentorships/abc/health").andExpect(status().is4xxClientError());
	}

	@Test
	void aMentorshipThatIsNotActiveHasNoHealth() throws Exception {
		long paused = TestMentorships.plant(this.jdbc, this.otherMentor, this.mentee, "PAUSED");
		read(this.mentee, "/api/v1/mentorships/" + paused + "/health").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(containsString("computed for active mentorships")));
	}

	@Test
	void theListByHealthIsForTheManagersInScope() throws Exception {
		read(this.coordinator, "/api/v1/relationship-health?health=STALLED&size=100").andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.mentorshipId == " + this.pair.id() + ")].health").value("STALLED"));
		read(this.admin, "/api/v1/relationship-health?health=stalled").andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1));
		read(this.coordinator, "/api/v1/relationship-health?health=HEALTHY").andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		read(this.busCoordinator, "/api/v1/relationship-health").andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		read(this.foreignAdmin, "/api/v1/relationship-health").andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		for (Account caller : List.of(this.mentor, this.mentee)) {
			read(caller, "/api/v1/relationship-health").andExpect(status().isForbidden());
		}
		read(this.coordinator, "/api/v1/relationship-health?health=SICK").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("health"))
			.andExpect(jsonPath("$.errors[0].message").value("Choose a health: HEALTHY, AT_RISK or STALLED."));
	}

	@Test
	void administratorsSetTheExpectationAndBadValuesWriteNothing() throws Exception {
		read(this.coordinator, "/api/v1/relationship-health/settings").andExpect(status().isOk())
			.andExpect(jsonPath("$.expectedDays").value(14)).andExpect(jsonPath("$.escalateAfterDays").value(7));
		settings(this.admin, "{\"expectedDays\":0,\"escalateAfterDays\":500}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("expectedDays"))
			.andExpect(jsonPath("$.errors[1].field").value("escalateAfterDays"));
		settings(this.admin, "").andExpect(status().isBadRequest());
		settings(this.admin, "{\"expectedDays\":\"soon\"}").andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM relationship_health_settings WHERE institution_id = :i")
			.param("i", this.college.id()).query(Long.class).single()).isZero();
		// Another institution's administrator sets their own institution's, never this one's.
		settings(this.foreignAdmin, "{\"expectedDays\":60,\"escalateAfterDays\":3}").andExpect(status().isOk());
		for (Account caller : List.of(this.coordinator, this.mentor)) {
			settings(caller, "{\"expectedDays\":60,\"escalateAfterDays\":3}").andExpect(status().isForbidden());
		}
		read(this.mentor, "/api/v1/relationship-health/settings").andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM relationship_health_settings WHERE institution_id = :i")
			.param("i", this.college.id()).query(Long.class).single()).isZero();

		settings(this.admin, "{\"expectedDays\":60,\"escalateAfterDays\":3}").andExpect(status().isOk())
			.andExpect(jsonPath("$.expectedDays").value(60));
		read(this.coordinator, "/api/v1/relationship-health/settings").andExpect(jsonPath("$.expectedDays").value(60))
			.andExpect(jsonPath("$.escalateAfterDays").value(3));
		this.job.computeBatch(List.of(this.pair), Instant.now().plus(Duration.ofDays(30)));
		read(this.coordinator, healthOf()).andExpect(jsonPath("$.health").value("HEALTHY"))
			.andExpect(jsonPath("$.reasons[0]").value(containsString("expected within 60 days")));
	}

	@Test
	void theMentorshipPagesShowTheHealthAndWhatToDo() throws Exception {
		this.mvc.perform(get("/mentorships/manage").with(as(this.coordinator))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Stalled")))
			.andExpect(content().string(containsString("No session completed since the mentorship began")));
		this.mvc.perform(get("/mentorships/manage").with(as(this.coordinator)))
			.andExpect(content().string(not(containsString("<script>alert(1)</script>"))));
		this.mvc.perform(get("/mentorships/" + this.pair.id()).with(as(this.mentee))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<script>alert(1)</script>"))))
			.andExpect(content().string(containsString("id=\"health\"")))
			.andExpect(content().string(containsString("/sessions/new?mentorship=" + this.pair.id())))
			.andExpect(content().string(not(containsString("id=\"health-rematch\""))));
		this.mvc.perform(get("/mentorships/" + this.pair.id()).with(as(this.coordinator))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"health-rematch\"")))
			.andExpect(content().string(not(containsString("id=\"health-schedule\""))));
		this.mvc.perform(get("/mentorships/" + this.pair.id()).with(as(this.otherMentor)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aBatchCostsTheSameStatementsForThreePairsAsForThirty() throws Exception {
		Instant now = Instant.now().plus(Duration.ofDays(30));
		List<ActivePair> three = pairs(3);
		List<ActivePair> thirty = pairs(30);
		long first = StatementCounter.count(() -> {
			this.job.computeBatch(three, now);
			return null;
		});
		long second = StatementCounter.count(() -> {
			this.job.computeBatch(thirty, now);
			return null;
		});
		// Again, now that the rows exist: updates instead of inserts.
		long again = StatementCounter.count(() -> {
			this.job.computeBatch(thirty, now);
			return null;
		});
		// The first computation opens every pair's history interval (a batched close, in case a racing run opened
		// one, and a batched open); again, with the same health, nothing changes in the history: two fewer.
		assertThat(second).isEqualTo(first);
		assertThat(again).isEqualTo(first - 2);
		assertThat(first).isLessThanOrEqualTo(9);
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM relationship_health_history WHERE mentorship_id IN (:ids) AND valid_to IS NULL""")
			.param("ids", thirty.stream().map(ActivePair::id).toList()).query(Long.class).single()).isEqualTo(30);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM relationship_health WHERE mentorship_id IN (:ids)")
			.param("ids", thirty.stream().map(ActivePair::id).toList()).query(Long.class).single()).isEqualTo(30);
	}

	@Test
	void theListsWithTheHealthColumnCostTheSameStatementsForTwoPairsAsForTwelve() throws Exception {
		Instant now = Instant.now().plus(Duration.ofDays(30));
		this.job.computeBatch(pairs(1), now);
		long page = StatementCounter.count(() -> this.mvc.perform(get("/mentorships/manage").with(as(this.coordinator)))
			.andExpect(status().isOk()));
		long api = StatementCounter.count(() -> read(this.coordinator, "/api/v1/relationship-health")
			.andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2)));
		this.job.computeBatch(pairs(10), now);
		assertThat(StatementCounter.count(() -> this.mvc.perform(get("/mentorships/manage").with(as(this.coordinator)))
			.andExpect(status().isOk()))).isEqualTo(page);
		assertThat(StatementCounter.count(() -> read(this.coordinator, "/api/v1/relationship-health")
			.andExpect(status().isOk()).andExpect(jsonPath("$.total").value(12)))).isEqualTo(api);
	}

	/** Fresh active pairs in CS, each with sessions of the kinds the cadence reads. */
	List<ActivePair> pairs(int count) {
		List<ActivePair> pairs = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Account m = this.college.aMentor().inDepartment("CS").create(this.jdbc);
			Account e = this.college.aMentee().inDepartment("CS").create(this.jdbc);
			long id = TestMentorships.plant(this.jdbc, m, e, "ACTIVE");
			SessionFixtures.session(this.jdbc, id, m.id(), e.id(), m.id(), "CANCELLED",
					Instant.now().plus(Duration.ofDays(3)), "Cancelled");
			SessionFixtures.session(this.jdbc, id, m.id(), e.id(), m.id(), "PROPOSED",
					Instant.now().plus(Duration.ofDays(40)), "Proposed");
			pairs.add(new ActivePair(id, this.college.id(), this.college.department("CS"), m.id(), e.id(),
					Instant.now().minus(Duration.ofDays(20))));
		}
		return pairs;
	}

}
