package org.mentorhub.goal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.CapturedEvents;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The goals API: who keeps, creates, sees and updates goals (owner, active mentors, coordinators of
 * the department, administrators of the institution, nobody else), bad input as 400 problem JSON with
 * nothing written, stale versions as 409, the history that decides progress and status, the events,
 * and the audit of reads by anyone but the owner.
 */
@MentorHubIntegrationTest
class GoalApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationContext context;

	TestInstitution college;

	Account mentee;

	Account mentor;

	long mentorship;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").withDepartment("BUS").build(this.jdbc);
		this.mentee = this.college.aMentee().inDepartment("CS").create(this.jdbc);
		this.mentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		this.mentorship = TestMentorships.plant(this.jdbc, this.mentor, this.mentee, "ACTIVE");
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	ResultActions create(Account caller, String json) throws Exception {
		return this.mvc.perform(post("/api/v1/goals").with(as(caller)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(json));
	}

	ResultActions update(Account caller, long goal, String json) throws Exception {
		return this.mvc.perform(post("/api/v1/goals/" + goal + "/updates").with(as(caller)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(json));
	}

	ResultActions read(Account caller, long goal) throws Exception {
		return this.mvc.perform(get("/api/v1/goals/" + goal).with(as(caller)).accept(MediaType.APPLICATION_JSON));
	}

	long id(ResultActions result) throws Exception {
		String body = result.andReturn().getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*$", "$1"));
	}

	long goalsOf(Account owner) {
		return this.jdbc.sql("SELECT COUNT(*) FROM goals WHERE student_id = :s").param("s", owner.id())
			.query(Long.class).single();
	}

	List<Map<String, Object>> reads(long goal) {
		return this.jdbc.sql("""
				SELECT user_id, before_state, after_state FROM audit_logs
				WHERE action = 'GOAL_READ' AND entity = 'goals' AND entity_id = :id ORDER BY id""")
			.param("id", String.valueOf(goal))
			.query()
			.listOfRows();
	}

	String future() {
		return LocalDate.now().plusDays(30).toString();
	}

	@Test
	void aMenteeKeepsTheirOwnGoalAndItsProgressIsItsLatestUpdate() throws Exception {
		long goal = id(create(this.mentee, "{\"title\":\"Finish the thesis\",\"category\":\"ACADEMIC\",\"targetDate\":\""
				+ future() + "\",\"mentorshipId\":" + this.mentorship + "}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("NOT_STARTED"))
			.andExpect(jsonPath("$.progressPct").value(0))
			.andExpect(jsonPath("$.createdById").value(this.mentee.id())));

		update(this.mentee, goal, "{\"progressPct\":40,\"note\":\"Two chapters\",\"version\":0}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("IN_PROGRESS"))
			.andExpect(jsonPath("$.progressPct").value(40))
			.andExpect(jsonPath("$.version").value(1));
		update(this.mentor, goal, "{\"status\":\"AT_RISK\",\"note\":\"Behind plan\",\"version\":1}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("AT_RISK"))
			.andExpect(jsonPath("$.progressPct").value(40));
		update(this.mentee, goal, "{\"progressPct\":100,\"version\":2}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("COMPLETED"))
			.andExpect(jsonPath("$.completedAt").isNotEmpty());

		read(this.mentee, goal).andExpect(status().isOk())
			.andExpect(jsonPath("$.goal.progressPct").value(100))
			.andExpect(jsonPath("$.updates.length()").value(4))
			.andExpect(jsonPath("$.updates[1].note").value("Two chapters"))
			.andExpect(jsonPath("$.updates[2].notedById").value(this.mentor.id()))
			.andExpect(jsonPath("$.updates[3].status").value("COMPLETED"));
		Map<String, Object> latest = this.jdbc.sql("""
				SELECT progress_pct, status FROM goal_updates WHERE goal_id = :g ORDER BY created_at DESC, id DESC
				FETCH FIRST 1 ROWS ONLY""").param("g", goal).query().singleRow();
		Map<String, Object> stored = this.jdbc.sql("SELECT progress_pct, status FROM goals WHERE id = :g").param("g", goal)
			.query().singleRow();
		assertThat(stored).isEqualTo(latest);
	}

	@Test
	void mentorsAndManagersCreateGoalsForAMenteeAndSeeThem() throws Exception {
		Account coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		Account admin = this.college.anAdmin().create(this.jdbc);
		long byMentor = id(create(this.mentor, "{\"studentId\":" + this.mentee.id() + ",\"title\":\"Present a paper\"}")
			.andExpect(status().isCreated()).andExpect(jsonPath("$.createdById").value(this.mentor.id())));
		create(coordinator, "{\"studentId\":" + this.mentee.id() + ",\"title\":\"Attend the career fair\"}")
			.andExpect(status().isCreated());
		create(admin, "{\"studentId\":" + this.mentee.id() + ",\"title\":\"Apply for a scholarship\"}")
			.andExpect(status().isCreated());
		assertThat(goalsOf(this.mentee)).isEqualTo(3);

		for (Account reader : List.of(this.mentee, this.mentor, coordinator, admin)) {
			read(reader, byMentor).andExpect(status().isOk()).andExpect(content().string(containsString("Present a paper")));
		}
		this.mvc.perform(get("/api/v1/goals?scope=mentees").with(as(this.mentor)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3));
	}

	@Test
	void strangersPastMentorsOtherDepartmentsAndOtherInstitutionsGetNotFound() throws Exception {
		long goal = GoalFixtures.goal(this.jdbc, this.mentee, "Secret plan", null);
		Account stranger = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		Account pastMentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		TestMentorships.plant(this.jdbc, pastMentor, this.mentee, "ENDED");
		Account otherCoordinator = this.college.aCoordinator().inDepartment("BUS").create(this.jdbc);
		Account otherMentee = this.college.aMentee().inDepartment("CS").create(this.jdbc);
		TestInstitution company = aCompany().withDepartment("ENGR").build(this.jdbc);
		Account foreignAdmin = company.anAdmin().create(this.jdbc);

		for (Account caller : List.of(stranger, pastMentor, otherCoordinator, otherMentee, foreignAdmin)) {
			read(caller, goal).andExpect(status().isNotFound())
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Secret plan"))));
			update(caller, goal, "{\"progressPct\":50,\"version\":0}").andExpect(status().isNotFound());
			create(caller, "{\"studentId\":" + this.mentee.id() + ",\"title\":\"Not yours\"}")
				.andExpect(status().isNotFound());
			this.mvc.perform(get("/api/v1/goals").with(as(caller)).accept(MediaType.APPLICATION_JSON))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Secret plan"))));
		}
		this.mvc.perform(get("/api/v1/goals/pair/" + this.mentorship).with(as(stranger)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isNotFound());
		assertThat(goalsOf(this.mentee)).isOne();
		assertThat(this.jdbc.sql("SELECT version FROM goals WHERE id = :g").param("g", goal).query(Long.class).single())
			.isZero();
		assertThat(reads(goal)).isEmpty();
	}

	@Test
	void aGoalForSomebodyOfAnotherInstitutionIsNotFound() throws Exception {
		Account foreignMentee = aCompany().withDepartment("ENGR").build(this.jdbc).aMentee().inDepartment("ENGR")
			.create(this.jdbc);
		Account admin = this.college.anAdmin().create(this.jdbc);
		create(admin, "{\"studentId\":" + foreignMentee.id() + ",\"title\":\"Across the border\"}")
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(goalsOf(foreignMentee)).isZero();
	}

	@Test
	void badInputIsA400ProblemAndWritesNothing() throws Exception {
		String yesterday = LocalDate.now().minusDays(2).toString();
		Map<String, String> cases = Map.of(
				"{\"title\":\"T\",\"progressPct\":-1}", "progressPct",
				"{\"title\":\"T\",\"progressPct\":101}", "progressPct",
				"{\"title\":\"T\",\"targetDate\":\"" + yesterday + "\"}", "targetDate",
				"{\"title\":\"T\",\"status\":\"DREAMING\"}", "status",
				"{\"title\":\"T\",\"category\":\"HOBBY\"}", "category",
				"{\"title\":\"   \"}", "title",
				"{\"title\":\"" + "x".repeat(201) + "\"}", "title",
				"{\"title\":\"T\",\"status\":\"COMPLETED\",\"progressPct\":50}", "progressPct",
				"{\"title\":\"T\",\"mentorshipId\":999999999}", "mentorshipId");
		for (Map.Entry<String, String> bad : cases.entrySet()) {
			create(this.mentee, bad.getKey()).andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(content().string(containsString("\"" + bad.getValue() + "\"")));
		}
		create(this.mentee, "{\"title\":\"T\",\"targetDate\":\"tomorrow-ish\"}").andExpect(status().isBadRequest());
		assertThat(goalsOf(this.mentee)).isZero();

		long goal = GoalFixtures.goal(this.jdbc, this.mentee, "Run a 10k", null);
		update(this.mentee, goal, "{\"progressPct\":-1,\"version\":0}").andExpect(status().isBadRequest());
		update(this.mentee, goal, "{\"progressPct\":101,\"version\":0}").andExpect(status().isBadRequest());
		update(this.mentee, goal, "{\"status\":\"SOMEDAY\",\"version\":0}").andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("\"status\"")));
		update(this.mentee, goal, "{\"progressPct\":10}").andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("\"version\"")));
		update(this.mentee, goal, "{\"version\":0}").andExpect(status().isBadRequest());
		update(this.mentee, goal, "{\"note\":\"" + "n".repeat(2001) + "\",\"version\":0}").andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM goal_updates WHERE goal_id = :g").param("g", goal)
			.query(Long.class).single()).isOne();
		this.mvc.perform(get("/api/v1/goals?status=LOST").with(as(this.mentee)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/goals?scope=everyone").with(as(this.mentee)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theDemoGoalsStandWhereTheirLatestUpdatesPutThem() {
		List<Map<String, Object>> drifting = this.jdbc.sql("""
				SELECT g.id FROM goals g
				JOIN users u ON u.id = g.student_id JOIN institutions i ON i.id = u.institution_id
				WHERE i.code IN ('NBU', 'ACME') AND NOT EXISTS (
				  SELECT 1 FROM goal_updates l WHERE l.goal_id = g.id AND l.progress_pct = g.progress_pct
				    AND l.status = g.status AND NOT EXISTS (SELECT 1 FROM goal_updates n WHERE n.goal_id = g.id
				      AND (n.created_at > l.created_at OR (n.created_at = l.created_at AND n.id > l.id))))""")
			.query()
			.listOfRows();
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM goals g JOIN users u ON u.id = g.student_id
				JOIN institutions i ON i.id = u.institution_id WHERE i.code IN ('NBU', 'ACME')""")
			.query(Long.class).single()).as("demo goals").isPositive();
		assertThat(drifting).as("demo goals whose progress or status is not their latest update's").isEmpty();
	}

	@Test
	void aMentorCannotKeepGoalsOfTheirOwn() throws Exception {
		create(this.mentor, "{\"title\":\"My own\"}").andExpect(status().isForbidden());
		assertThat(goalsOf(this.mentor)).isZero();
	}

	@Test
	void aStaleVersionIsAConflictAndLosesNothing() throws Exception {
		long goal = GoalFixtures.goal(this.jdbc, this.mentee, "Learn Spanish", null);
		update(this.mentor, goal, "{\"progressPct\":30,\"version\":0}").andExpect(status().isCreated());
		update(this.mentee, goal, "{\"progressPct\":10,\"version\":0}").andExpect(status().isConflict());
		assertThat(this.jdbc.sql("SELECT progress_pct FROM goals WHERE id = :g").param("g", goal).query(Integer.class)
			.single()).isEqualTo(30);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM goal_updates WHERE goal_id = :g").param("g", goal)
			.query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void editingChangesTheFactsNotTheProgressAndChecksTheInput() throws Exception {
		long goal = GoalFixtures.goal(this.jdbc, this.mentee, "Old title", LocalDate.now().minusDays(5));
		String edit = "{\"title\":\"New title\",\"category\":\"CAREER\",\"description\":\"Why\",\"targetDate\":\"%s\","
				+ "\"version\":%d}";
		// An unchanged past target date may stay; a new one may not be in the past.
		this.mvc.perform(put("/api/v1/goals/" + goal).with(as(this.mentor)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON).content(edit.formatted(LocalDate.now().minusDays(5), 0)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("New title"))
			.andExpect(jsonPath("$.category").value("CAREER"))
			.andExpect(jsonPath("$.progressPct").value(0))
			.andExpect(jsonPath("$.version").value(1));
		this.mvc.perform(put("/api/v1/goals/" + goal).with(as(this.mentee)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON).content(edit.formatted(LocalDate.now().minusDays(1), 1)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("\"targetDate\"")));
		this.mvc.perform(put("/api/v1/goals/" + goal).with(as(this.mentee)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON).content(edit.formatted(LocalDate.now().plusDays(9), 0)))
			.andExpect(status().isConflict());
		Account stranger = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		this.mvc.perform(put("/api/v1/goals/" + goal).with(as(stranger)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON).content(edit.formatted(LocalDate.now().plusDays(9), 1)))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("SELECT title FROM goals WHERE id = :g").param("g", goal).query(String.class).single())
			.isEqualTo("New title");
	}

	@Test
	void theOwnerTheCreatorAndManagersDeleteAGoalWithItsHistory() throws Exception {
		long own = GoalFixtures.goal(this.jdbc, this.mentee, "Mine to delete", null);
		long byMentor = id(create(this.mentor, "{\"studentId\":" + this.mentee.id() + ",\"title\":\"Set by the mentor\"}"));
		Account otherMentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		TestMentorships.plant(this.jdbc, otherMentor, this.mentee, "ACTIVE");
		Account stranger = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		Account admin = this.college.anAdmin().create(this.jdbc);

		this.mvc.perform(delete("/api/v1/goals/" + own + "?version=0").with(as(stranger)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/v1/goals/" + own + "?version=0").with(as(this.mentor)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete("/api/v1/goals/" + own + "?version=7").with(as(this.mentee)).with(csrf()))
			.andExpect(status().isConflict());
		this.mvc.perform(delete("/api/v1/goals/" + own).with(as(this.mentee)).with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc.perform(delete("/api/v1/goals/" + byMentor + "?version=0").with(as(otherMentor)).with(csrf()))
			.andExpect(status().isForbidden());
		try (CapturedEvents<GoalDeleted> deleted = CapturedEvents.of(this.context, GoalDeleted.class)) {
			this.mvc.perform(delete("/api/v1/goals/" + own + "?version=0").with(as(this.mentee)).with(csrf()))
				.andExpect(status().isNoContent());
			this.mvc.perform(delete("/api/v1/goals/" + byMentor + "?version=0").with(as(this.mentor)).with(csrf()))
				.andExpect(status().isNoContent());
			assertThat(deleted.matching(e -> e.goalId() == own || e.goalId() == byMentor)).hasSize(2);
		}
		assertThat(goalsOf(this.mentee)).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM goal_updates WHERE goal_id IN (:ids)")
			.param("ids", List.of(own, byMentor)).query(Long.class).single()).isZero();
		long managed = GoalFixtures.goal(this.jdbc, this.mentee, "The programme's", null);
		this.mvc.perform(delete("/api/v1/goals/" + managed + "?version=0").with(as(admin)).with(csrf()))
			.andExpect(status().isNoContent());
	}

	@Test
	void readsByAnyoneButTheOwnerAreAuditedWithoutContent() throws Exception {
		long goal = GoalFixtures.goal(this.jdbc, this.mentee, "Confidential aim", null);
		Account coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		read(this.mentee, goal).andExpect(status().isOk());
		assertThat(reads(goal)).as("the owner's own reads are not disclosures").isEmpty();

		read(this.mentor, goal).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/goals?scope=managed").with(as(coordinator)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk());
		List<Map<String, Object>> rows = reads(goal);
		assertThat(rows).extracting(row -> ((Number) row.get("user_id")).longValue())
			.containsExactly(this.mentor.id(), coordinator.id());
		assertThat(rows).allSatisfy(row -> {
			assertThat(row.get("before_state")).isNull();
			assertThat(row.get("after_state")).isNull();
		});
	}

	@Test
	void thePairsOpenGoalsAreForThePairAndTheirManagers() throws Exception {
		long open = GoalFixtures.goal(this.jdbc, this.mentee, "Open goal", null);
		GoalFixtures.goal(this.jdbc, this.mentee.id(), "Done goal", null, "COMPLETED", 100);
		for (Account reader : List.of(this.mentee, this.mentor)) {
			this.mvc.perform(get("/api/v1/goals/pair/" + this.mentorship).with(as(reader)).accept(MediaType.APPLICATION_JSON))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(1))
				.andExpect(jsonPath("$[0].id").value(open));
		}
		this.jdbc.sql("UPDATE mentorships SET status = 'ENDED' WHERE id = :m").param("m", this.mentorship).update();
		this.mvc.perform(get("/api/v1/goals/pair/" + this.mentorship).with(as(this.mentor)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isNotFound());
		read(this.mentor, open).andExpect(status().isNotFound());
	}

	@Test
	void creatingAndUpdatingPublishTheirEventsWithoutNotes() throws Exception {
		try (CapturedEvents<GoalCreated> created = CapturedEvents.of(this.context, GoalCreated.class);
				CapturedEvents<GoalUpdated> updated = CapturedEvents.of(this.context, GoalUpdated.class);
				CapturedEvents<GoalAtRisk> atRisk = CapturedEvents.of(this.context, GoalAtRisk.class)) {
			long goal = id(create(this.mentor, "{\"studentId\":" + this.mentee.id() + ",\"title\":\"Ship the app\"}")
				.andExpect(status().isCreated()));
			update(this.mentee, goal, "{\"progressPct\":20,\"note\":\"private thoughts\",\"version\":0}")
				.andExpect(status().isCreated());
			update(this.mentee, goal, "{\"status\":\"AT_RISK\",\"version\":1}").andExpect(status().isCreated());
			update(this.mentee, goal, "{\"note\":\"still at risk\",\"version\":2}").andExpect(status().isCreated());

			assertThat(created.matching(e -> e.goalId() == goal)).singleElement().satisfies(e -> {
				assertThat(e.studentId()).isEqualTo(this.mentee.id());
				assertThat(e.mentorIds()).containsExactly(this.mentor.id());
				assertThat(e.actorId()).isEqualTo(this.mentor.id());
				assertThat(e.title()).isEqualTo("Ship the app");
			});
			assertThat(updated.matching(e -> e.goalId() == goal)).hasSize(3)
				.extracting(GoalUpdated::markedAtRisk).containsExactly(false, true, false);
			assertThat(updated.matching(e -> e.goalId() == goal).toString()).doesNotContain("private thoughts");
			assertThat(atRisk.matching(e -> e.goalId() == goal)).singleElement()
				.satisfies(e -> assertThat(e.reason()).isEqualTo(GoalAtRisk.Reason.MARKED_AT_RISK));
		}
	}

}
