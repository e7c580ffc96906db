package org.mentorhub.wellbeing.coverage;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MutableClock;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.TimeTravelTest;
import org.mentorhub.identity.RoleName;
import org.mentorhub.session.SessionFixtures;
import org.mentorhub.wellbeing.WellbeingFixtures;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.mentorhub.TestInstitutions.aCompany;

/**
 * Leave coverage walked with a moved clock: the request, the proxy's acceptance and the administrator's
 * approval; on the start date (the job) her mentorships pause, her upcoming session is cancelled and the
 * proxy sees the handover notes and her mentees; on her return the mentorships the leave paused resume
 * (one paused before stays paused), the proxy's view ends, she joins the returners group with the
 * return plan, and the request is COMPLETED. Also: the expected end date passing ends a leave, and the
 * job is idempotent.
 */
@TimeTravelTest
class LeaveCoverageWalkIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	MutableClock clock;

	@Autowired
	LeaveCoverageJob job;

	TestInstitution company;

	Account mother;

	Account proxy;

	Account admin;

	Account mentee;

	Account hersMentor;

	Account oldMentor;

	long group;

	@BeforeEach
	void setUp() {
		this.clock.reset();
		this.company = aCompany().withDepartment("ENGR").build(this.jdbc);
		this.mother = this.company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").named("Mia Mother").create(this.jdbc);
		this.proxy = this.company.aMentor().inDepartment("ENGR").named("Pia Proxy").create(this.jdbc);
		this.admin = this.company.anAdmin().create(this.jdbc);
		this.mentee = this.company.aMentee().inDepartment("ENGR").named("Mona Mentee").create(this.jdbc);
		this.hersMentor = this.company.aMentor().inDepartment("ENGR").create(this.jdbc);
		this.oldMentor = this.company.aMentor().inDepartment("ENGR").create(this.jdbc);
		this.group = WellbeingFixtures.group(this.jdbc, this.company.id(), "Returners", true);
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	ResultActions call(Account caller, String path, String json) throws Exception {
		return this.mvc.perform(post(path).with(as(caller)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON).content(json == null ? "" : json));
	}

	ResultActions read(Account caller, String path) throws Exception {
		return this.mvc.perform(get(path).with(as(caller)).accept(MediaType.APPLICATION_JSON));
	}

	String mentorshipStatus(long id) {
		return this.jdbc.sql("SELECT status FROM mentorships WHERE id = :id").param("id", id).query(String.class).single();
	}

	/** The request's status, whether its leave started, and its version (the job runs over the whole database). */
	String state(long id) {
		return this.jdbc.sql("SELECT status, started_at IS NOT NULL AS started, version FROM proxy_requests WHERE id = :id")
			.param("id", id).query((rs, i) -> rs.getString(1) + (rs.getBoolean(2) ? " started" : "") + " v" + rs.getLong(3))
			.single();
	}

	LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	long request(LocalDate start, LocalDate end) throws Exception {
		String body = call(this.mother, "/api/v1/coverage", "{\"proxyId\":" + this.proxy.id() + ",\"startDate\":\"" + start
				+ "\",\"expectedEndDate\":\"" + end + "\",\"notes\":\"Weekly sync on Mondays; Mona prepares a talk.\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	@Test
	void leaveCoverageWalksFromRequestToReturn() throws Exception {
		this.mvc.perform(put("/api/v1/coverage/settings").with(as(this.admin)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
			.content("{\"approvalRequired\":true,\"returnersGroupId\":" + this.group
					+ ",\"returnPlan\":\"Meet your manager\\nRefresh your goals\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.returnPlan.length()").value(2));
		long asMentor = TestMentorships.plant(this.jdbc, this.mother, this.mentee, "ACTIVE");
		long asMentee = TestMentorships.plant(this.jdbc, this.hersMentor, this.mother, "ACTIVE");
		long pausedBefore = TestMentorships.plant(this.jdbc, this.oldMentor, this.mother, "PAUSED");
		long session = SessionFixtures.session(this.jdbc, asMentor, this.mother.id(), this.mentee.id(), this.mother.id(),
				"CONFIRMED", this.clock.instant().plus(Duration.ofDays(40)), "Talk rehearsal");
		LocalDate start = today().plusDays(30);
		LocalDate end = today().plusDays(120);

		// 1. Requested, accepted and approved.
		long id = request(start, end);
		call(this.proxy, "/api/v1/coverage/" + id + "/accept", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCEPTED"));
		this.job.runOnce();
		assertThat(state(id)).isEqualTo("ACCEPTED v1");
		call(this.admin, "/api/v1/coverage/" + id + "/approve", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.approved").value(true));
		this.mvc.perform(get("/coverage/" + id).with(as(this.proxy)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Weekly sync on Mondays")))
			.andExpect(content().string(not(containsString("Mona Mentee"))));

		// The day before, nothing starts.
		this.clock.advance(Duration.ofDays(29));
		this.job.runOnce();
		assertThat(state(id)).isEqualTo("ACCEPTED v2");
		assertThat(mentorshipStatus(asMentor)).isEqualTo("ACTIVE");

		// 2. On the start date the mentorships pause and the proxy sees the covered mentees.
		this.clock.advance(Duration.ofDays(1));
		this.job.runOnce();
		assertThat(state(id)).isEqualTo("ACCEPTED started v3");
		this.job.runOnce();
		assertThat(state(id)).as("a second run does nothing").isEqualTo("ACCEPTED started v3");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM proxy_request_mentorships WHERE request_id = :r").param("r", id)
			.query(Long.class).single()).isEqualTo(2);
		assertThat(mentorshipStatus(asMentor)).isEqualTo("PAUSED");
		assertThat(mentorshipStatus(asMentee)).isEqualTo("PAUSED");
		assertThat(this.jdbc.sql("SELECT notes FROM mentorships WHERE id = :id").param("id", asMentor)
			.query(String.class).single()).contains("parental leave");
		assertThat(this.jdbc.sql("SELECT status, response_message FROM mentoring_sessions WHERE id = :id")
			.param("id", session).query().singleRow())
			.containsValues("CANCELLED", LeaveCoverage.CANCEL_MESSAGE);
		read(this.proxy, "/api/v1/coverage/" + id).andExpect(status().isOk())
			.andExpect(jsonPath("$.started").value(true))
			.andExpect(jsonPath("$.notes").value("Weekly sync on Mondays; Mona prepares a talk."))
			.andExpect(jsonPath("$.covered[0].menteeId").value(this.mentee.id()))
			.andExpect(jsonPath("$.covered.length()").value(1));
		this.mvc.perform(get("/coverage/" + id).with(as(this.proxy)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Mona Mentee")));
		call(this.mother, "/api/v1/coverage/" + id + "/cancel", null).andExpect(status().isConflict());

		// 3. On return everything resumes, she is in the returners group with the plan, COMPLETED.
		this.clock.advance(Duration.ofDays(60));
		call(this.mother, "/api/v1/coverage/" + id + "/return", "{\"actualEndDate\":\"" + today() + "\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("COMPLETED"))
			.andExpect(jsonPath("$.actualEndDate").value(today().toString()))
			.andExpect(jsonPath("$.returnPlan[0]").value("Meet your manager"))
			.andExpect(jsonPath("$.returnersGroupId").value(this.group));
		assertThat(mentorshipStatus(asMentor)).isEqualTo("ACTIVE");
		assertThat(mentorshipStatus(asMentee)).isEqualTo("ACTIVE");
		assertThat(mentorshipStatus(pausedBefore)).as("paused before the leave").isEqualTo("PAUSED");
		assertThat(this.jdbc.sql("SELECT status FROM group_memberships WHERE group_id = :g AND user_id = :u")
			.param("g", this.group).param("u", this.mother.id()).query(String.class).list()).containsExactly("ACTIVE");
		assertThat(this.jdbc.sql("SELECT member_count FROM support_groups WHERE id = :g").param("g", this.group)
			.query(Integer.class).single()).isEqualTo(1);
		read(this.proxy, "/api/v1/coverage/" + id).andExpect(status().isOk())
			.andExpect(jsonPath("$.notes").doesNotExist())
			.andExpect(jsonPath("$.covered.length()").value(0));
		this.mvc.perform(get("/coverage/" + id).with(as(this.mother)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Refresh your goals")))
			.andExpect(content().string(containsString("Returners")));
		this.job.runOnce();
		assertThat(state(id)).isEqualTo("COMPLETED started v4");
	}

	@Test
	void theExpectedEndDatePassingEndsTheLeave() throws Exception {
		long asMentor = TestMentorships.plant(this.jdbc, this.mother, this.mentee, "ACTIVE");
		LocalDate start = today().plusDays(1);
		LocalDate end = today().plusDays(10);
		long id = request(start, end);
		call(this.proxy, "/api/v1/coverage/" + id + "/accept", null).andExpect(status().isOk());
		this.clock.advance(Duration.ofDays(1));
		this.job.runOnce();
		assertThat(state(id)).isEqualTo("ACCEPTED started v2");
		assertThat(mentorshipStatus(asMentor)).isEqualTo("PAUSED");
		this.clock.advance(Duration.ofDays(10));
		this.job.runOnce();
		assertThat(state(id)).isEqualTo("COMPLETED started v3");
		assertThat(mentorshipStatus(asMentor)).isEqualTo("ACTIVE");
		read(this.mother, "/api/v1/coverage/" + id).andExpect(jsonPath("$.status").value("COMPLETED"))
			.andExpect(jsonPath("$.actualEndDate").value(end.toString()));
		List<String> groups = this.jdbc.sql("SELECT status FROM group_memberships WHERE user_id = :u")
			.param("u", this.mother.id()).query(String.class).list();
		assertThat(groups).as("no returners group is set up").isEmpty();
	}

}
