package org.mentorhub.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.goal.GoalFixtures;
import org.mentorhub.identity.RoleName;
import org.mentorhub.learning.LearningFixtures;
import org.mentorhub.learning.ProgressView;
import org.mentorhub.report.HomeQueries.GoalRow;
import org.mentorhub.report.HomeQueries.SessionRow;
import org.mentorhub.wellbeing.CoveragePlans.CoveragePlan;
import org.mentorhub.wellbeing.coverage.CoverageFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.report.TwinJson.ints;
import static org.mentorhub.report.TwinJson.longs;
import static org.mentorhub.report.TwinJson.texts;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.mentorhub.TestInstitutions.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The JSON twins of the mentee's, the new mother's and the platform administrator's home dashboards
 * (issue 21, parts 4 and 7): each answers the figures planted here, computed independently, and the same
 * as the page's model; never another person's or another institution's rows; 403 problem JSON for every
 * other role. The new mother's leave-coverage plan is checked on the page and in the JSON.
 */
@MentorHubIntegrationTest
class HomeDashboardTwinIntegrationTests {

	static final String MENTORING = "/api/v1/reports/my-mentoring";

	static final String SUPPORT = "/api/v1/reports/my-support";

	static final String PLATFORM = "/api/v1/reports/platform";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	String t;

	TestInstitution college;

	TestInstitution company;

	TestInstitution foreign;

	Account mentor;

	Account mentee;

	Account mother;

	Account platformAdmin;

	final LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);

	final LocalDate today = LocalDate.now(ZoneOffset.UTC);

	record PlantedSession(long id, String title, LocalDateTime at, String status) {
	}

	record PlantedGoal(String title, String status, int progress, LocalDate target) {
	}

	/** A request of the mother as her plan must show it. */
	record PlantedPlan(long id, String proxyName, String status, String phase, LocalDate start, LocalDate end,
			int covered) {
	}

	final List<PlantedSession> sessions = new ArrayList<>();

	final List<PlantedGoal> goals = new ArrayList<>();

	final List<PlantedPlan> plans = new ArrayList<>();

	@BeforeEach
	void plant() {
		this.t = unique();
		this.college = aUniversity().named("Twin University " + this.t).withDepartment("CS").build(this.jdbc);
		this.mentor = this.college.aMentor().inDepartment("CS").named("Twin Mentor " + this.t).create(this.jdbc);
		this.mentee = this.college.aStudent().inDepartment("CS").named("Twin Mentee " + this.t).create(this.jdbc);
		long pair = TestMentorships.plant(this.jdbc, this.mentor, this.mentee, "ACTIVE");
		session(pair, this.mentee, "Later " + this.t, this.now.plusDays(6), "CONFIRMED");
		session(pair, this.mentee, "Sooner " + this.t, this.now.plusDays(2), "REQUESTED");
		session(pair, this.mentee, "Called off " + this.t, this.now.plusDays(1), "CANCELLED");
		session(pair, this.mentee, "Held " + this.t, this.now.minusDays(4), "COMPLETED");
		goal(this.mentee, "Write the thesis " + this.t, "IN_PROGRESS", 40, this.today.plusDays(60));
		goal(this.mentee, "Pass statistics " + this.t, "AT_RISK", 15, this.today.plusDays(20));
		goal(this.mentee, "Find a lab " + this.t, "COMPLETED", 100, this.today.plusDays(5));
		LearningFixtures.Planted done = LearningFixtures.path(this.jdbc, this.college.id(), "Done path " + this.t, true, 2);
		LearningFixtures.Planted half = LearningFixtures.path(this.jdbc, this.college.id(), "Half path " + this.t, true, 4);
		LearningFixtures.enrol(this.jdbc, this.mentee.id(), done, 2);
		LearningFixtures.enrol(this.jdbc, this.mentee.id(), half, 1);
		message(this.mentor, this.mentee, false);
		message(this.mentor, this.mentee, false);
		message(this.mentor, this.mentee, true);

		// Another mentee of the same institution, with rows of her own that must not show.
		Account other = this.college.aStudent().inDepartment("CS").named("Other Mentee " + this.t).create(this.jdbc);
		long otherPair = TestMentorships.plant(this.jdbc, this.mentor, other, "ACTIVE");
		session(otherPair, other, "Other's session " + this.t, this.now.plusDays(3), "CONFIRMED");
		GoalFixtures.goal(this.jdbc, other.id(), "Other's goal " + this.t, null, "IN_PROGRESS", 70);
		message(this.mentor, other, false);

		// Another institution, with a mentee, a mother and a platform-wide activity of its own.
		this.foreign = aCompany().named("Foreign Company " + this.t).withDepartment("OPS").build(this.jdbc);
		Account foreignMentor = this.foreign.aMentor().inDepartment("OPS").named("Foreign Mentor " + this.t)
			.create(this.jdbc);
		Account foreignMentee = this.foreign.aStudent().inDepartment("OPS").named("Foreign Mentee " + this.t)
			.create(this.jdbc);
		long foreignPair = TestMentorships.plant(this.jdbc, foreignMentor, foreignMentee, "ACTIVE");
		session(foreignPair, foreignMentee, "Foreign session " + this.t, this.now.minusDays(1), "COMPLETED");
		GoalFixtures.goal(this.jdbc, foreignMentee.id(), "Foreign goal " + this.t, null, "IN_PROGRESS", 20);
		Account foreignMother = this.foreign.a(RoleName.NEW_MOTHER).inDepartment("OPS")
			.named("Foreign Mother " + this.t).create(this.jdbc);
		CoverageFixtures.request(this.jdbc, foreignMother.id(), foreignMentor.id(), "PENDING", this.today.plusDays(10),
				this.today.plusDays(100), "Foreign notes", false, false);
		group(this.foreign, "Foreign group " + this.t);

		this.company = aCompany().named("Twin Company " + this.t).withDepartment("ENGR").build(this.jdbc);
		this.mother = this.company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").named("Twin Mother " + this.t)
			.create(this.jdbc);
		TestAccounts.grant(this.jdbc, this.mother, RoleName.MENTEE);
		this.platformAdmin = TestAccounts.anAccount(RoleName.PLATFORM_ADMIN).create(this.jdbc);
	}

	// ------------------------------------------------------------------ the mentee

	@Test
	void theMenteesTwinHasThePagesFiguresAndOnlyHerOwn() throws Exception {
		MvcResult page = this.mvc.perform(get("/").with(as(this.mentee))).andExpect(status().isOk()).andReturn();
		Map<String, Object> model = page.getModelAndView().getModel();
		JsonNode twin = read(this.mvc.perform(get(MENTORING).with(as(this.mentee))).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)).andReturn());

		// Upcoming sessions: not started, not cancelled, earliest first; the first is the next.
		List<PlantedSession> upcoming = this.sessions.stream()
			.filter(s -> !s.at().isBefore(this.now) && !s.status().equals("CANCELLED")
					&& s.title().endsWith(" " + this.t) && !s.title().startsWith("Other") && !s.title().startsWith("Foreign"))
			.sorted(Comparator.comparing(PlantedSession::at))
			.toList();
		assertThat(upcoming).extracting(PlantedSession::title).containsExactly("Sooner " + this.t, "Later " + this.t);
		assertThat(texts(twin.get("upcomingSessions"), "title")).containsExactlyElementsOf(
				upcoming.stream().map(PlantedSession::title).toList());
		assertThat(twin.get("nextSession").get("id").asLong()).isEqualTo(upcoming.get(0).id());
		assertThat(java.time.Instant.parse(twin.get("nextSession").get("start").asString()))
			.isEqualTo(upcoming.get(0).at().toInstant(ZoneOffset.UTC));
		@SuppressWarnings("unchecked")
		List<SessionRow> pageSessions = (List<SessionRow>) model.get("sessions");
		assertThat(longs(twin.get("upcomingSessions"), "id")).containsExactlyElementsOf(
				pageSessions.stream().map(SessionRow::id).toList());

		// Goals: open ones first by target date, the completed one last; progress as planted.
		List<PlantedGoal> expectedGoals = this.goals.stream()
			.sorted(Comparator.comparing((PlantedGoal g) -> g.status().equals("COMPLETED")).thenComparing(PlantedGoal::target))
			.toList();
		assertThat(texts(twin.get("goals"), "title")).containsExactlyElementsOf(
				expectedGoals.stream().map(PlantedGoal::title).toList());
		assertThat(ints(twin.get("goals"), "progressPct")).containsExactlyElementsOf(
				expectedGoals.stream().map(PlantedGoal::progress).toList());
		assertThat(texts(twin.get("goals"), "status")).containsExactlyElementsOf(
				expectedGoals.stream().map(PlantedGoal::status).toList());
		@SuppressWarnings("unchecked")
		List<GoalRow> pageGoals = (List<GoalRow>) model.get("goals");
		assertThat(texts(twin.get("goals"), "title")).containsExactlyElementsOf(pageGoals.stream().map(GoalRow::title).toList());

		// Learning: the unfinished path first (1 of 4 modules, 25 %), then the completed one.
		JsonNode learning = twin.get("learning");
		assertThat(texts(learning, "title")).containsExactly("Half path " + this.t, "Done path " + this.t);
		assertThat(ints(learning, "completedModules")).containsExactly(1, 2);
		assertThat(ints(learning, "moduleCount")).containsExactly(4, 2);
		assertThat(ints(learning, "progressPct")).containsExactly(25, 100);
		assertThat(learning.get(1).get("completed").asBoolean()).isTrue();
		assertThat(twin.get("learningTotal").asInt()).isEqualTo(2).isEqualTo(model.get("learningTotal"));
		@SuppressWarnings("unchecked")
		List<ProgressView> pageLearning = (List<ProgressView>) model.get("learning");
		assertThat(texts(learning, "title")).containsExactlyElementsOf(
				pageLearning.stream().map(ProgressView::pathTitle).toList());

		// Unread direct messages: the two unread of three.
		assertThat(twin.get("unreadMessages").asLong()).isEqualTo(2L).isEqualTo(model.get("unreadMessages"));

		// Her mentorship, and what waits for her: feedback on the session held.
		assertThat(texts(twin.get("mentorships"), "mentorName")).containsExactly("Twin Mentor " + this.t);
		assertThat(texts(twin.get("nextActions"), "id")).containsExactly("feedback");
		long held = this.sessions.stream().filter(s -> s.status().equals("COMPLETED")).findFirst().orElseThrow().id();
		assertThat(twin.get("nextActions").get(0).get("href").asString()).isEqualTo("/sessions/" + held + "#feedback-section");
		assertThat(twin.get("nextActions").get(0).get("text").asString()).isEqualTo("Give feedback on 1 session");
		assertThat(page.getResponse().getContentAsString()).contains("Give feedback on 1 session");
		assertThat(twin.get("timeZone").asString()).isEqualTo(model.get("zone").toString());

		assertThat(twin.toString()).doesNotContain("Other", "Foreign", "Called off");
	}

	@Test
	void theMenteesTwinRefusesEveryOtherRole() throws Exception {
		for (Account caller : List.of(this.mentor, this.college.aCoordinator().inDepartment("CS").create(this.jdbc),
				this.college.anAdmin().create(this.jdbc), this.platformAdmin)) {
			refused(MENTORING, caller);
		}
		// A new mother has the mentee's cards too.
		this.mvc.perform(get(MENTORING).with(as(this.mother))).andExpect(status().isOk());
	}

	// ------------------------------------------------------------------ the new mother

	@Test
	void theNewMothersTwinHasHerMilestonesGroupsAndCoveragePlanAsThePageShowsThem() throws Exception {
		Account ana = this.company.aMentor().inDepartment("ENGR").named("Ana Colleague " + this.t).create(this.jdbc);
		Account bo = this.company.aMentor().inDepartment("ENGR").named("Bo Colleague " + this.t).create(this.jdbc);
		Account cy = this.company.aMentor().inDepartment("ENGR").named("Cy Colleague " + this.t).create(this.jdbc);
		// Running: accepted, started, two of her mentees handed over (and one mentorship where she is the mentee).
		long running = plan(ana, "ACCEPTED", this.today.minusDays(10), this.today.plusDays(80), false, true, null);
		covered(running, this.mother, ana);
		covered(running, this.mother, bo);
		covered(running, cy, this.mother);
		this.plans.add(new PlantedPlan(running, "Ana Colleague " + this.t, "ACCEPTED", "onLeave", this.today.minusDays(10),
				this.today.plusDays(80), 2));
		// Waiting for the colleague and an administrator; accepted and approved, starting later; and over.
		long waiting = plan(bo, "PENDING", this.today.plusDays(200), this.today.plusDays(260), true, false, null);
		this.plans.add(new PlantedPlan(waiting, "Bo Colleague " + this.t, "PENDING", "pendingBoth", this.today.plusDays(200),
				this.today.plusDays(260), 0));
		long scheduled = plan(cy, "ACCEPTED", this.today.plusDays(120), this.today.plusDays(150), true, false, null);
		this.jdbc.sql("UPDATE proxy_requests SET approved_at = CURRENT_TIMESTAMP WHERE id = :id").param("id", scheduled)
			.update();
		this.plans.add(new PlantedPlan(scheduled, "Cy Colleague " + this.t, "ACCEPTED", "scheduled", this.today.plusDays(120),
				this.today.plusDays(150), 0));
		long back = plan(ana, "COMPLETED", this.today.minusDays(400), this.today.minusDays(300), false, true,
				this.today.minusDays(310));
		this.plans.add(new PlantedPlan(back, "Ana Colleague " + this.t, "COMPLETED", "completed", this.today.minusDays(400),
				this.today.minusDays(310), 0));
		long declined = plan(bo, "REJECTED", this.today.minusDays(500), this.today.minusDays(450), false, false, null);
		this.plans.add(new PlantedPlan(declined, "Bo Colleague " + this.t, "REJECTED", "rejected", this.today.minusDays(500),
				this.today.minusDays(450), 0));
		// The sixth, oldest, is beyond the five shown.
		plan(cy, "CANCELLED", this.today.minusDays(900), this.today.minusDays(800), false, false, null);
		// Another mother of her institution, with a request of her own.
		Account otherMother = this.company.a(RoleName.NEW_MOTHER).inDepartment("ENGR").named("Other Mother " + this.t)
			.create(this.jdbc);
		CoverageFixtures.request(this.jdbc, otherMother.id(), ana.id(), "PENDING", this.today.plusDays(30),
				this.today.plusDays(60), "Other notes", false, false);
		milestone("Back at work " + this.t, this.today.minusDays(3));
		milestone("Baby born " + this.t, this.today.minusDays(200));
		long joined = group(this.company, "Returning parents " + this.t);
		group(this.company, "Night owls " + this.t);
		this.jdbc.sql("INSERT INTO group_memberships (user_id, group_id, role, status) VALUES (:u, :g, 'MEMBER', 'ACTIVE')")
			.param("u", this.mother.id()).param("g", joined).update();

		// Open requests first, then the latest leave first.
		List<PlantedPlan> expected = this.plans.stream()
			.sorted(Comparator.comparing((PlantedPlan p) -> !List.of("PENDING", "ACCEPTED").contains(p.status()))
				.thenComparing(PlantedPlan::start, Comparator.reverseOrder()))
			.toList();
		assertThat(expected).extracting(PlantedPlan::id).containsExactly(waiting, scheduled, running, back, declined);

		MvcResult page = this.mvc.perform(get("/").with(as(this.mother))).andExpect(status().isOk()).andReturn();
		@SuppressWarnings("unchecked")
		List<CoveragePlan> pagePlan = (List<CoveragePlan>) page.getModelAndView().getModel().get("coverage");
		assertThat(pagePlan).extracting(CoveragePlan::requestId).containsExactlyElementsOf(
				expected.stream().map(PlantedPlan::id).toList());
		assertThat(pagePlan).extracting(CoveragePlan::coveredMentees).containsExactly(0, 0, 2, 0, 0);
		String html = page.getResponse().getContentAsString();
		assertThat(html).contains("Your leave coverage", "Ana Colleague " + this.t, "On leave; the colleague is covering",
				"Waiting for the colleague&#39;s answer and an administrator&#39;s approval", "2 covered",
				"href=\"/coverage/" + running + "\"", "Manage leave coverage")
			.doesNotContain("Other Mother", "Foreign", "onLeave", "pendingBoth", "coverage-none");

		JsonNode twin = read(this.mvc.perform(get(SUPPORT).with(as(this.mother))).andExpect(status().isOk()).andReturn());
		JsonNode coverage = twin.get("coverage");
		assertThat(longs(coverage, "id")).containsExactlyElementsOf(expected.stream().map(PlantedPlan::id).toList());
		assertThat(texts(coverage, "proxyName")).containsExactlyElementsOf(
				expected.stream().map(PlantedPlan::proxyName).toList());
		assertThat(texts(coverage, "status")).containsExactlyElementsOf(expected.stream().map(PlantedPlan::status).toList());
		assertThat(texts(coverage, "phase")).containsExactlyElementsOf(expected.stream().map(PlantedPlan::phase).toList());
		assertThat(texts(coverage, "startDate")).containsExactlyElementsOf(
				expected.stream().map(p -> p.start().toString()).toList());
		assertThat(texts(coverage, "endDate")).containsExactlyElementsOf(
				expected.stream().map(p -> p.end().toString()).toList());
		assertThat(ints(coverage, "coveredMentees")).containsExactlyElementsOf(
				expected.stream().map(PlantedPlan::covered).toList());

		assertThat(texts(twin.get("milestones"), "title")).containsExactly("Back at work " + this.t, "Baby born " + this.t);
		JsonNode groups = twin.get("supportGroups");
		assertThat(texts(groups, "name")).containsExactly("Night owls " + this.t, "Returning parents " + this.t);
		assertThat(groups.get(0).get("joined").asBoolean()).isFalse();
		assertThat(groups.get(1).get("joined").asBoolean()).isTrue();
		assertThat(twin.get("mentee").get("unreadMessages").asLong()).isZero();
		// Her own mentorship (paused by the leave) is on her mentee's cards; nothing waits for her.
		assertThat(texts(twin.get("mentee").get("mentorships"), "mentorName")).containsExactly("Cy Colleague " + this.t);
		assertThat(twin.get("mentee").get("nextActions").isEmpty()).isTrue();
		assertThat(twin.toString()).doesNotContain("Other Mother", "Other notes", "Foreign", "Twin Mentee");
	}

	@Test
	void aNewMotherWithoutCoverageIsOfferedToAskForIt() throws Exception {
		MvcResult page = this.mvc.perform(get("/").with(as(this.mother))).andExpect(status().isOk()).andReturn();
		assertThat((List<?>) page.getModelAndView().getModel().get("coverage")).isEmpty();
		assertThat(page.getResponse().getContentAsString()).contains("No leave coverage planned.",
				"id=\"coverage-ask\" href=\"/coverage/new\"", "Ask a colleague to cover your leave")
			.doesNotContain("coverage-table");
		JsonNode twin = read(this.mvc.perform(get(SUPPORT).with(as(this.mother))).andExpect(status().isOk()).andReturn());
		assertThat(twin.get("coverage").isEmpty()).isTrue();
	}

	@Test
	void theNewMothersTwinRefusesEveryOtherRole() throws Exception {
		for (Account caller : List.of(this.mentee, this.mentor, this.college.anAdmin().create(this.jdbc),
				this.platformAdmin)) {
			refused(SUPPORT, caller);
		}
	}

	// ------------------------------------------------------------------ the platform administrator

	@Test
	void thePlatformTwinHasEachInstitutionsActivityAsThePageAndNoMemberData() throws Exception {
		MvcResult page = this.mvc.perform(get("/").with(as(this.platformAdmin))).andExpect(status().isOk()).andReturn();
		Map<String, Object> model = page.getModelAndView().getModel();
		@SuppressWarnings("unchecked")
		Map<Long, Long> active = (Map<Long, Long>) model.get("activeMentorships");
		@SuppressWarnings("unchecked")
		Map<Long, Long> recent = (Map<Long, Long>) model.get("recentSessions");
		JsonNode twin = read(this.mvc.perform(get(PLATFORM).with(as(this.platformAdmin))).andExpect(status().isOk())
			.andReturn());
		assertThat(twin.get("recentDays").asLong()).isEqualTo(30L).isEqualTo(model.get("recentDays"));
		@SuppressWarnings("unchecked")
		List<HomeQueries.InstitutionRow> institutions = (List<HomeQueries.InstitutionRow>) model.get("institutions");
		assertThat(longs(twin.get("institutions"), "id")).containsExactlyElementsOf(
				institutions.stream().map(HomeQueries.InstitutionRow::id).toList());

		// Planted: the university has one department, three people, two active mentorships and one session
		// completed four days ago; the foreign company three people, one active mentorship and one session
		// completed yesterday; her company only her.
		Map<Long, long[]> expected = Map.of(this.college.id(), new long[] { 1, 3, 2, 1 }, this.foreign.id(),
				new long[] { 1, 3, 1, 1 }, this.company.id(), new long[] { 1, 1, 0, 0 });
		for (JsonNode row : twin.get("institutions")) {
			long id = row.get("id").asLong();
			assertThat(row.get("activeMentorships").asLong()).isEqualTo(active.getOrDefault(id, 0L));
			assertThat(row.get("recentlyCompletedSessions").asLong()).isEqualTo(recent.getOrDefault(id, 0L));
			long[] e = expected.get(id);
			if (e != null) {
				assertThat(new long[] { row.get("departments").asLong(), row.get("users").asLong(),
						row.get("activeMentorships").asLong(), row.get("recentlyCompletedSessions").asLong() })
					.as("departments, users, active mentorships, sessions completed of %s", row.get("name"))
					.containsExactly(e);
			}
		}
		assertThat(texts(twin.get("institutions"), "name")).contains("Twin University " + this.t,
				"Foreign Company " + this.t, "Twin Company " + this.t);
		assertThat(twin.toString()).doesNotContain("Twin Mentor", "Twin Mentee", "Twin Mother", "Foreign Mentor",
				"Foreign Mentee", "Foreign Mother", "Foreign goal", "Foreign group");
	}

	@Test
	void thePlatformTwinRefusesEveryOtherRole() throws Exception {
		for (Account caller : List.of(this.college.anAdmin().create(this.jdbc), this.mentor, this.mentee, this.mother)) {
			refused(PLATFORM, caller);
		}
	}

	// ------------------------------------------------------------------ planting and reading

	private void refused(String uri, Account caller) throws Exception {
		this.mvc.perform(get(uri).with(as(caller)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	private JsonNode read(MvcResult result) throws Exception {
		return this.json.readTree(result.getResponse().getContentAsString());
	}

	private void session(long mentorship, Account mentee, String title, LocalDateTime at, String status) {
		long mentorId = this.jdbc.sql("SELECT mentor_id FROM mentorships WHERE id = :id").param("id", mentorship)
			.query(Long.class).single();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO mentoring_sessions (mentorship_id, mentor_id, mentee_id, title, scheduled_at, status)
				VALUES (:p, :m, :e, :title, :at, :s)""")
			.param("p", mentorship).param("m", mentorId).param("e", mentee.id()).param("title", title).param("at", at)
			.param("s", status)
			.update(keys, "id");
		this.sessions.add(new PlantedSession(keys.getKeyAs(Number.class).longValue(), title, at, status));
	}

	private void goal(Account student, String title, String status, int progress, LocalDate target) {
		GoalFixtures.goal(this.jdbc, student.id(), title, target, status, progress);
		this.goals.add(new PlantedGoal(title, status, progress, target));
	}

	private void message(Account from, Account to, boolean read) {
		this.jdbc.sql("INSERT INTO direct_messages (sender_id, receiver_id, message, is_read) VALUES (:s, :r, 'Hello', :read)")
			.param("s", from.id()).param("r", to.id()).param("read", read).update();
	}

	private long group(TestInstitution institution, String name) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO support_groups (institution_id, name, member_count) VALUES (:i, :name, 1)")
			.param("i", institution.id()).param("name", name).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	private void milestone(String title, LocalDate date) {
		this.jdbc.sql("INSERT INTO milestone_logs (user_id, type, title, milestone_date) VALUES (:u, 'OTHER', :t, :d)")
			.param("u", this.mother.id()).param("t", title).param("d", date).update();
	}

	private long plan(Account proxy, String status, LocalDate start, LocalDate end, boolean approvalRequired,
			boolean started, LocalDate actualEnd) {
		long id = CoverageFixtures.request(this.jdbc, this.mother.id(), proxy.id(), status, start, end,
				"Handover " + this.t, approvalRequired, started);
		if (actualEnd != null) {
			this.jdbc.sql("UPDATE proxy_requests SET actual_end_date = :d WHERE id = :id").param("d", actualEnd)
				.param("id", id).update();
		}
		return id;
	}

	/** A mentorship the leave paused: the mentor's mentee handed to the proxy while it runs. */
	private void covered(long request, Account mentor, Account mentee) {
		long mentorship = TestMentorships.plant(this.jdbc, mentor, mentee, "PAUSED");
		this.jdbc.sql("""
				INSERT INTO proxy_request_mentorships (request_id, mentorship_id, mentor_id, mentee_id)
				VALUES (:r, :m, :mentor, :mentee)""")
			.param("r", request).param("m", mentorship).param("mentor", mentor.id()).param("mentee", mentee.id())
			.update();
	}

	private RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

}
