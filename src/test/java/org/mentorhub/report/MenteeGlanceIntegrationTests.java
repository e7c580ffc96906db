package org.mentorhub.report;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.StatementCounter;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.goal.GoalFixtures;
import org.mentorhub.report.MenteeGlances.MenteeGlance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.mentorhub.TestInstitutions.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The mentor's "my mentees at a glance" card on the home page (issue 21, part 4): each active mentee's
 * next session, open action items, goal progress, open alerts and relationship health, computed here from
 * the planted rows and compared; never another mentor's mentee or an ended mentorship; a fixed number of
 * statements whatever the number of mentees.
 */
@MentorHubIntegrationTest
class MenteeGlanceIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	tools.jackson.databind.json.JsonMapper jsonMapper;

	TestInstitution college;

	Account mentor;

	Account otherMentor;

	String t;

	record PlantedSession(long mentorship, LocalDateTime at, String status) {
	}

	record PlantedItem(long mentorship, String status) {
	}

	record PlantedGoal(long student, String status, int progress) {
	}

	record PlantedAlert(long student, String status) {
	}

	final List<PlantedSession> sessions = new ArrayList<>();

	final List<PlantedItem> items = new ArrayList<>();

	final List<PlantedGoal> goals = new ArrayList<>();

	final List<PlantedAlert> alerts = new ArrayList<>();

	final Map<Long, String> healths = new java.util.HashMap<>();

	final LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);

	@BeforeEach
	void plant() {
		this.t = unique();
		this.college = aUniversity().named("Glance University " + this.t).withDepartment("CS").build(this.jdbc);
		this.mentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		this.otherMentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		Account ann = mentee("Ann");
		Account ben = mentee("Ben");
		Account cat = mentee("Cat");
		Account dan = mentee("Dan");
		long annPair = TestMentorships.plant(this.jdbc, this.mentor, ann, "ACTIVE");
		long benPair = TestMentorships.plant(this.jdbc, this.mentor, ben, "ACTIVE");
		long catPair = TestMentorships.plant(this.jdbc, this.mentor, cat, "ENDED");
		long danPair = TestMentorships.plant(this.jdbc, this.otherMentor, dan, "ACTIVE");

		// Ann: a past session, two upcoming (the earlier is next), a cancelled one earlier still; items 2 open, 1 done.
		long annPast = session(annPair, this.mentor, ann, this.now.minusDays(3), "COMPLETED");
		session(annPair, this.mentor, ann, this.now.plusDays(9), "CONFIRMED");
		session(annPair, this.mentor, ann, this.now.plusDays(4), "REQUESTED");
		session(annPair, this.mentor, ann, this.now.plusDays(1), "CANCELLED");
		item(annPair, annPast, ann, "PENDING");
		item(annPair, annPast, ann, "IN_PROGRESS");
		item(annPair, annPast, ann, "COMPLETED");
		goal(ann, "COMPLETED", 100);
		goal(ann, "IN_PROGRESS", 35);
		goal(ann, "AT_RISK", 10);
		alert(ann, "OPEN");
		alert(ann, "ACKNOWLEDGED");
		alert(ann, "RESOLVED");
		health(annPair, ann, "AT_RISK");
		// Ben: nothing planned, no goals, no alerts, no health yet.
		session(benPair, this.mentor, ben, this.now.minusDays(10), "COMPLETED");
		// The ended mentorship and another mentor's mentee have data of their own that must not show.
		long catPast = session(catPair, this.mentor, cat, this.now.plusDays(2), "CONFIRMED");
		item(catPair, catPast, cat, "PENDING");
		long danNext = session(danPair, this.otherMentor, dan, this.now.plusDays(2), "CONFIRMED");
		item(danPair, danNext, dan, "PENDING");
		goal(dan, "IN_PROGRESS", 50);
		alert(dan, "OPEN");
		health(danPair, dan, "STALLED");
	}

	@Test
	void mentorSeesEachActiveMenteesFiguresAsPlanted() throws Exception {
		MvcResult result = this.mvc.perform(get("/").with(as(this.mentor))).andExpect(status().isOk()).andReturn();
		@SuppressWarnings("unchecked")
		List<MenteeGlance> glances = (List<MenteeGlance>) result.getModelAndView().getModel().get("glances");

		List<Map<String, Object>> expected = expected(this.mentor.id());
		assertThat(glances).extracting(MenteeGlances.MenteeGlance::menteeName)
			.containsExactly("Ann Glance " + this.t, "Ben Glance " + this.t);
		for (int i = 0; i < glances.size(); i++) {
			MenteeGlance g = glances.get(i);
			Map<String, Object> e = expected.get(i);
			assertThat(g.mentorshipId()).isEqualTo(e.get("mentorship"));
			assertThat(g.nextSession() == null ? null : LocalDateTime.ofInstant(g.nextSession(), ZoneOffset.UTC))
				.isEqualTo(e.get("next"));
			assertThat(g.openActionItems()).isEqualTo(e.get("items"));
			assertThat(g.goals() == null ? null : List.of(g.goals().goals(), g.goals().completed(), g.goals().averageProgress()))
				.isEqualTo(e.get("goals"));
			assertThat(g.openAlerts()).isEqualTo(e.get("alerts"));
			assertThat(g.health()).isEqualTo(e.get("health"));
		}
		// Spelled out for Ann, so that the independent computation is itself checked once.
		assertThat(glances.get(0).openActionItems()).isEqualTo(2);
		assertThat(glances.get(0).goals()).extracting("goals", "completed", "averageProgress").containsExactly(3, 1, 48);
		assertThat(glances.get(0).openAlerts()).isEqualTo(2);
		assertThat(glances.get(0).health()).isEqualTo("AT_RISK");
		assertThat(LocalDateTime.ofInstant(glances.get(0).nextSession(), ZoneOffset.UTC)).isEqualTo(this.now.plusDays(4));

		String page = result.getResponse().getContentAsString();
		assertThat(page).contains("My mentees at a glance", "Ann Glance " + this.t, "1 of 3 done · 48 % on average",
				"At risk", "None planned", "No goals yet")
			.doesNotContain(">AT_RISK<");
	}

	@Test
	void aMentorNeverSeesAnotherMentorsMenteeOrAnEndedMentorship() throws Exception {
		@SuppressWarnings("unchecked")
		List<MenteeGlance> mine = (List<MenteeGlance>) this.mvc.perform(get("/").with(as(this.mentor)))
			.andExpect(status().isOk()).andReturn().getModelAndView().getModel().get("glances");
		assertThat(mine).extracting(MenteeGlance::menteeName)
			.doesNotContain("Dan Glance " + this.t, "Cat Glance " + this.t);

		MvcResult other = this.mvc.perform(get("/").with(as(this.otherMentor))).andExpect(status().isOk()).andReturn();
		@SuppressWarnings("unchecked")
		List<MenteeGlance> theirs = (List<MenteeGlance>) other.getModelAndView().getModel().get("glances");
		assertThat(theirs).extracting(MenteeGlance::menteeName).containsExactly("Dan Glance " + this.t);
		assertThat(theirs.get(0).health()).isEqualTo("STALLED");
		assertThat(other.getResponse().getContentAsString()).doesNotContain("Ann Glance", "Ben Glance");
	}

	@Test
	void theCardTakesAFixedNumberOfStatementsWhateverTheNumberOfMentees() throws Exception {
		this.mvc.perform(get("/").with(as(this.mentor))).andExpect(status().isOk());
		long before = StatementCounter.count(() -> this.mvc.perform(get("/").with(as(this.mentor))).andExpect(status().isOk()));
		for (int i = 0; i < 4; i++) {
			Account more = mentee("More" + i);
			long pair = TestMentorships.plant(this.jdbc, this.mentor, more, "ACTIVE");
			long s = session(pair, this.mentor, more, this.now.plusDays(5 + i), "CONFIRMED");
			item(pair, s, more, "PENDING");
			goal(more, "IN_PROGRESS", 20);
			alert(more, "OPEN");
			health(pair, more, "HEALTHY");
		}
		long after = StatementCounter.count(() -> this.mvc.perform(get("/").with(as(this.mentor))).andExpect(status().isOk()));
		assertThat(after).isEqualTo(before);
	}

	@Test
	void theJsonTwinHasTheSameFiguresForTheMentorAndRefusesEverybodyElse() throws Exception {
		String json = this.mvc.perform(get("/api/v1/reports/my-mentees").with(as(this.mentor)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<Map<String, Object>> expected = expected(this.mentor.id());
		List<?> rows = this.jsonMapper.readValue(json, List.class);
		assertThat(rows).hasSize(expected.size());
		for (int i = 0; i < expected.size(); i++) {
			Map<?, ?> row = (Map<?, ?>) rows.get(i);
			Map<String, Object> e = expected.get(i);
			assertThat(((Number) row.get("mentorshipId")).longValue()).isEqualTo(e.get("mentorship"));
			assertThat(((Number) row.get("openActionItems")).intValue()).isEqualTo(e.get("items"));
			assertThat(((Number) row.get("openAlerts")).intValue()).isEqualTo(e.get("alerts"));
			assertThat(row.get("health")).isEqualTo(e.get("health"));
			@SuppressWarnings("unchecked")
			List<Integer> goals = (List<Integer>) e.get("goals");
			assertThat(((Number) row.get("goals")).intValue()).isEqualTo(goals == null ? 0 : goals.get(0));
			assertThat(row.get("averageGoalProgress") == null ? null : ((Number) row.get("averageGoalProgress")).intValue())
				.isEqualTo(goals == null ? null : goals.get(2));
			assertThat(row.get("nextSession") == null).isEqualTo(e.get("next") == null);
		}
		assertThat(json).doesNotContain("Dan Glance", "Cat Glance");
		Account mentee = mentee("Eve");
		this.mvc.perform(get("/api/v1/reports/my-mentees").with(as(mentee))).andExpect(status().isForbidden());
		Account coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		this.mvc.perform(get("/api/v1/reports/my-mentees").with(as(coordinator))).andExpect(status().isForbidden());
	}

	/** Each active mentorship of the mentor, by mentee name, with its figures computed from the planted rows. */
	private List<Map<String, Object>> expected(long mentorId) {
		List<Map<String, Object>> rows = new ArrayList<>();
		this.jdbc.sql("""
				SELECT m.id, m.mentee_id, u.full_name FROM mentorships m JOIN users u ON u.id = m.mentee_id
				WHERE m.mentor_id = :m AND m.status = 'ACTIVE' ORDER BY u.full_name""")
			.param("m", mentorId)
			.query((rs, n) -> {
				long pair = rs.getLong("id");
				long mentee = rs.getLong("mentee_id");
				LocalDateTime next = this.sessions.stream()
					.filter(s -> s.mentorship() == pair && !s.at().isBefore(this.now)
							&& List.of("CONFIRMED", "PENDING", "PROPOSED", "REQUESTED", "RESCHEDULED").contains(s.status()))
					.map(PlantedSession::at).min(Comparator.naturalOrder()).orElse(null);
				long items = this.items.stream().filter(i -> i.mentorship() == pair && !i.status().equals("COMPLETED")).count();
				List<PlantedGoal> gs = this.goals.stream().filter(g -> g.student() == mentee).toList();
				List<Integer> goals = gs.isEmpty() ? null : List.of(gs.size(),
						(int) gs.stream().filter(g -> g.status().equals("COMPLETED")).count(),
						(int) Math.round(gs.stream().mapToInt(PlantedGoal::progress).average().orElse(0)));
				long alerts = this.alerts.stream()
					.filter(a -> a.student() == mentee && List.of("OPEN", "ACKNOWLEDGED", "IN_PROGRESS").contains(a.status()))
					.count();
				Map<String, Object> row = new java.util.HashMap<>();
				row.put("mentorship", pair);
				row.put("next", next);
				row.put("items", (int) items);
				row.put("goals", goals);
				row.put("alerts", (int) alerts);
				row.put("health", this.healths.get(pair));
				return rows.add(row);
			})
			.list();
		return rows;
	}

	private Account mentee(String first) {
		return this.college.aStudent().inDepartment("CS").named(first + " Glance " + this.t).create(this.jdbc);
	}

	private long session(long mentorship, Account mentor, Account mentee, LocalDateTime at, String status) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO mentoring_sessions (mentorship_id, mentor_id, mentee_id, title, scheduled_at, status)
				VALUES (:p, :m, :e, 'Glance session', :at, :s)""")
			.param("p", mentorship).param("m", mentor.id()).param("e", mentee.id()).param("at", at).param("s", status)
			.update(keys, "id");
		this.sessions.add(new PlantedSession(mentorship, at, status));
		return keys.getKeyAs(Number.class).longValue();
	}

	private void item(long mentorship, long session, Account assignee, String status) {
		this.jdbc.sql("INSERT INTO action_items (session_id, assigned_to_id, title, status) VALUES (:s, :a, 'Do it', :st)")
			.param("s", session).param("a", assignee.id()).param("st", status).update();
		this.items.add(new PlantedItem(mentorship, status));
	}

	private void goal(Account student, String status, int progress) {
		GoalFixtures.goal(this.jdbc, student.id(), "Glance goal", null, status, progress);
		this.goals.add(new PlantedGoal(student.id(), status, progress));
	}

	private void alert(Account student, String status) {
		this.jdbc.sql("""
				INSERT INTO alerts (institution_id, student_id, severity, category, message, status)
				VALUES (:i, :s, 'WARN', 'GOALS', 'Glance alert', :st)""")
			.param("i", this.college.id()).param("s", student.id()).param("st", status).update();
		this.alerts.add(new PlantedAlert(student.id(), status));
	}

	private void health(long mentorship, Account mentee, String health) {
		Long mentorId = this.jdbc.sql("SELECT mentor_id FROM mentorships WHERE id = :id").param("id", mentorship)
			.query(Long.class).single();
		this.jdbc.sql("""
				INSERT INTO relationship_health (mentorship_id, institution_id, department_id, mentor_id, mentee_id, health,
				                                 reasons, computed_at)
				VALUES (:p, :i, :d, :m, :e, :h, 'planted', :now)""")
			.param("p", mentorship).param("i", this.college.id()).param("d", this.college.department("CS"))
			.param("m", Objects.requireNonNull(mentorId)).param("e", mentee.id()).param("h", health).param("now", this.now)
			.update();
		this.healths.put(mentorship, health);
	}

	private RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

}
