package org.mentorhub.alert;

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
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aCompany;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The alerts API: who raises alerts about whom (a mentor about an active mentee, a coordinator in their
 * department, an administrator in their institution; 404 for anybody else), who owns them, the guarded
 * case transitions with their history and events, the triage queue with its filters, bulk actions that
 * are all or nothing, the CSV export with formula cells defused, bad input as 400 problem JSON with
 * nothing written, and the audit of reads by staff.
 */
@MentorHubIntegrationTest
class AlertApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationContext context;

	@Autowired
	Alerts alerts;

	TestInstitution college;

	Account mentee;

	Account mentor;

	Account coordinator;

	Account admin;

	Account loner;

	Account busStudent;

	Account busCoordinator;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").withDepartment("BUS").build(this.jdbc);
		this.mentee = this.college.aStudent().inDepartment("CS").named("Nia Student").create(this.jdbc);
		this.mentor = this.college.aMentor().inDepartment("CS").named("Omar Mentor").create(this.jdbc);
		this.coordinator = this.college.aCoordinator().inDepartment("CS").named("Cora Coordinator").create(this.jdbc);
		this.admin = this.college.anAdmin().create(this.jdbc);
		this.loner = this.college.aStudent().inDepartment("CS").named("Lea Loner").create(this.jdbc);
		this.busStudent = this.college.aStudent().inDepartment("BUS").create(this.jdbc);
		this.busCoordinator = this.college.aCoordinator().inDepartment("BUS").create(this.jdbc);
		TestMentorships.plant(this.jdbc, this.mentor, this.mentee, "ACTIVE");
	}

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	ResultActions raise(Account caller, String json) throws Exception {
		return this.mvc.perform(post("/api/v1/alerts").with(as(caller)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(json));
	}

	ResultActions move(Account caller, long alert, String json) throws Exception {
		return this.mvc.perform(post("/api/v1/alerts/" + alert + "/transitions").with(as(caller)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(json));
	}

	ResultActions read(Account caller, String uri) throws Exception {
		return this.mvc.perform(get(uri).with(as(caller)).accept(MediaType.APPLICATION_JSON));
	}

	ResultActions bulk(Account caller, String what, String json) throws Exception {
		return this.mvc.perform(post("/api/v1/alerts/bulk/" + what).with(as(caller)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).content(json));
	}

	static long id(ResultActions result) throws Exception {
		String body = result.andReturn().getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+).*$", "$1"));
	}

	long alertsAbout(Account student) {
		return this.jdbc.sql("SELECT COUNT(*) FROM alerts WHERE student_id = :s").param("s", student.id())
			.query(Long.class).single();
	}

	String statusOf(long alert) {
		return this.jdbc.sql("SELECT status FROM alerts WHERE id = :a").param("a", alert).query(String.class).single();
	}

	long reads(long alert) {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'ALERT_READ' AND entity = 'alerts' AND entity_id = :id")
			.param("id", String.valueOf(alert)).query(Long.class).single();
	}

	String body(long studentId, String severity, String category, String message) {
		return "{\"studentId\":" + studentId + ",\"severity\":\"" + severity + "\",\"category\":\"" + category
				+ "\",\"message\":\"" + message + "\"}";
	}

	@Test
	void aCoordinatorRaisesAnAlertThatTheStudentsMentorOwns() throws Exception {
		try (CapturedEvents<AlertRaised> raised = CapturedEvents.of(this.context, AlertRaised.class);
				CapturedEvents<AlertAssigned> assigned = CapturedEvents.of(this.context, AlertAssigned.class)) {
			long alert = id(raise(this.coordinator, body(this.mentee.id(), "WARN", "ATTENDANCE", "Missed three lectures"))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.status").value("OPEN"))
				.andExpect(jsonPath("$.ownerId").value(this.mentor.id()))
				.andExpect(jsonPath("$.ownerName").value("Omar Mentor"))
				.andExpect(jsonPath("$.raisedById").value(this.coordinator.id()))
				.andExpect(jsonPath("$.visibleToStudent").value(false)));
			assertThat(raised.matching(e -> e.alertId() == alert)).singleElement()
				.satisfies(e -> assertThat(e.ownerId()).isEqualTo(this.mentor.id()));
			assertThat(assigned.matching(e -> e.alertId() == alert)).singleElement()
				.satisfies(e -> assertThat(e.ownerId()).isEqualTo(this.mentor.id()));
			read(this.coordinator, "/api/v1/alerts/" + alert + "/history").andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(1))
				.andExpect(jsonPath("$[0].toStatus").value("OPEN"));
		}
	}

	@Test
	void withoutAnActiveMentorTheDepartmentsCoordinatorOwnsTheAlert() throws Exception {
		raise(this.admin, body(this.loner.id(), "CRITICAL", "WELLBEING", "Seemed very low"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.ownerId").value(this.coordinator.id()));
	}

	@Test
	void aMentorRaisesAlertsAboutTheirActiveMenteesOnly() throws Exception {
		raise(this.mentor, body(this.mentee.id(), "INFO", "GOALS", "Behind on the thesis plan"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.ownerId").value(this.mentor.id()));
		Account pastMentee = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		TestMentorships.plant(this.jdbc, this.mentor, pastMentee, "ENDED");
		for (Account notMine : List.of(this.loner, pastMentee, this.busStudent)) {
			raise(this.mentor, body(notMine.id(), "WARN", "GPA", "Not my mentee"))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
			assertThat(alertsAbout(notMine)).isZero();
		}
	}

	@Test
	void aStudentOutsideTheCallersScopeIsNotFound() throws Exception {
		Account foreignAdmin = aCompany().withDepartment("ENGR").build(this.jdbc).anAdmin().create(this.jdbc);
		raise(this.busCoordinator, body(this.mentee.id(), "WARN", "GPA", "Not my department"))
			.andExpect(status().isNotFound());
		raise(foreignAdmin, body(this.mentee.id(), "WARN", "GPA", "Not my institution"))
			.andExpect(status().isNotFound());
		raise(this.loner, body(this.mentee.id(), "WARN", "GPA", "Students raise nothing"))
			.andExpect(status().isNotFound());
		raise(this.coordinator, body(this.coordinator.id(), "WARN", "GPA", "Not a student"))
			.andExpect(status().isNotFound());
		raise(this.coordinator, body(999_999_999L, "WARN", "GPA", "Nobody")).andExpect(status().isNotFound());
		assertThat(alertsAbout(this.mentee)).isZero();
	}

	@Test
	void badInputIsA400ProblemAndWritesNothing() throws Exception {
		Map<String, String> cases = Map.of(
				body(this.mentee.id(), "SEVERE", "GPA", "Text"), "severity",
				body(this.mentee.id(), "WARN", "HOBBY", "Text"), "category",
				body(this.mentee.id(), "WARN", "GPA", "   "), "message",
				body(this.mentee.id(), "WARN", "GPA", "x".repeat(2001)), "message",
				"{\"studentId\":" + this.mentee.id() + ",\"message\":\"No severity\",\"category\":\"GPA\"}", "severity",
				"{\"severity\":\"WARN\",\"category\":\"GPA\",\"message\":\"Whom?\"}", "studentId");
		for (Map.Entry<String, String> bad : cases.entrySet()) {
			raise(this.coordinator, bad.getKey()).andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(content().string(containsString("\"" + bad.getValue() + "\"")));
		}
		raise(this.coordinator, "{\"studentId\":\"me\"}").andExpect(status().isBadRequest());
		assertThat(alertsAbout(this.mentee)).isZero();
		read(this.coordinator, "/api/v1/alerts?severity=LOUD").andExpect(status().isBadRequest());
		read(this.coordinator, "/api/v1/alerts?status=LOST").andExpect(status().isBadRequest());
		read(this.coordinator, "/api/v1/alerts?owner=someone").andExpect(status().isBadRequest());
		read(this.coordinator, "/api/v1/alerts?minAgeDays=-1").andExpect(status().isBadRequest());
		read(this.coordinator, "/api/v1/alerts?size=1000").andExpect(status().isBadRequest());
	}

	@Test
	void theOwnerWorksACaseToItsCloseAndEveryMoveIsHistory() throws Exception {
		long alert = AlertFixtures.alert(this.jdbc, this.mentee.id(), this.coordinator.id(), this.mentor.id(), "Low GPA");
		try (CapturedEvents<AlertStatusChanged> changed = CapturedEvents.of(this.context, AlertStatusChanged.class);
				CapturedEvents<AlertClosed> closed = CapturedEvents.of(this.context, AlertClosed.class)) {
			move(this.mentor, alert, "{\"action\":\"ACKNOWLEDGE\",\"version\":0}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
				.andExpect(jsonPath("$.acknowledgedAt").isNotEmpty());
			move(this.mentor, alert, "{\"action\":\"START\",\"version\":1}").andExpect(status().isOk());
			move(this.mentor, alert, "{\"action\":\"RESOLVE\",\"version\":2}").andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("Write the outcome")));
			move(this.mentor, alert, "{\"action\":\"RESOLVE\",\"note\":\"Study plan agreed; tutoring booked.\",\"version\":1}")
				.andExpect(status().isConflict());
			move(this.mentor, alert, "{\"action\":\"RESOLVE\",\"note\":\"Study plan agreed; tutoring booked.\",\"version\":2}")
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("RESOLVED"))
				.andExpect(jsonPath("$.resolutionNote").value("Study plan agreed; tutoring booked."))
				.andExpect(jsonPath("$.actions[0]").value("REOPEN"));
			move(this.mentor, alert, "{\"action\":\"ACKNOWLEDGE\",\"version\":3}").andExpect(status().isConflict())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(content().string(containsString("An alert that is RESOLVED cannot be acknowledged; allowed now: REOPEN.")));
			move(this.mentor, alert, "{\"action\":\"SNOOZE\",\"version\":3}").andExpect(status().isBadRequest());
			move(this.mentor, alert, "{\"action\":\"REOPEN\"}").andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("\"version\"")));
			assertThat(statusOf(alert)).isEqualTo("RESOLVED");

			assertThat(changed.matching(e -> e.alertId() == alert)).extracting(AlertStatusChanged::to)
				.containsExactly(AlertStatus.ACKNOWLEDGED, AlertStatus.IN_PROGRESS, AlertStatus.RESOLVED);
			assertThat(closed.matching(e -> e.alertId() == alert)).singleElement().satisfies(e -> {
				assertThat(e.outcome()).isEqualTo("Study plan agreed; tutoring booked.");
				assertThat(e.raisedById()).isEqualTo(this.coordinator.id());
				assertThat(e.closedById()).isEqualTo(this.mentor.id());
			});
			move(this.coordinator, alert, "{\"action\":\"REOPEN\",\"version\":3}").andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("OPEN"))
				.andExpect(jsonPath("$.closedAt").doesNotExist());
			move(this.coordinator, alert, "{\"action\":\"DISMISS\",\"version\":4}").andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("Write why")));
		}
		read(this.mentor, "/api/v1/alerts/" + alert).andExpect(status().isOk())
			.andExpect(jsonPath("$.history.length()").value(5))
			.andExpect(jsonPath("$.history[3].note").value("Study plan agreed; tutoring booked."))
			.andExpect(jsonPath("$.history[3].fromStatus").value("IN_PROGRESS"));
	}

	@Test
	void strangersOtherDepartmentsAndOtherInstitutionsGetNotFoundAndLearnNothing() throws Exception {
		long alert = AlertFixtures.alert(this.jdbc, this.mentee.id(), this.coordinator.id(), this.mentor.id(),
				"Secret worry");
		Account stranger = this.college.aMentor().inDepartment("CS").create(this.jdbc);
		Account foreignAdmin = aCompany().withDepartment("ENGR").build(this.jdbc).anAdmin().create(this.jdbc);
		for (Account caller : List.of(stranger, this.busCoordinator, foreignAdmin, this.loner, this.mentee)) {
			read(caller, "/api/v1/alerts/" + alert).andExpect(status().isNotFound())
				.andExpect(content().string(not(containsString("Secret worry"))));
			read(caller, "/api/v1/alerts/" + alert + "/history").andExpect(status().isNotFound());
			move(caller, alert, "{\"action\":\"ACKNOWLEDGE\",\"version\":0}").andExpect(status().isNotFound());
			this.mvc.perform(put("/api/v1/alerts/" + alert + "/owner").with(as(caller)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"ownerId\":" + stranger.id() + ",\"version\":0}"))
				.andExpect(status().isNotFound());
			read(caller, "/api/v1/alerts/mine").andExpect(status().isOk())
				.andExpect(content().string(not(containsString("Secret worry"))));
		}
		assertThat(statusOf(alert)).isEqualTo("OPEN");
		assertThat(reads(alert)).isZero();
	}

	@Test
	void aStudentSeesOnlyTheAlertsFlaggedVisibleToThemAndCannotMoveThem() throws Exception {
		long hidden = AlertFixtures.alert(this.jdbc, this.mentee.id(), this.coordinator.id(), this.mentor.id(), "Hidden one");
		long shown = AlertFixtures.alert(this.jdbc, this.mentee.id(), this.coordinator.id(), this.mentor.id(), "Shown one");
		AlertFixtures.visibleToStudent(this.jdbc, shown);
		read(this.mentee, "/api/v1/alerts/mine").andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(shown))
			.andExpect(jsonPath("$.items[0].actions.length()").value(0));
		read(this.mentee, "/api/v1/alerts/" + hidden).andExpect(status().isNotFound());
		read(this.mentee, "/api/v1/alerts/" + shown).andExpect(status().isOk())
			.andExpect(jsonPath("$.history[0].note").doesNotExist());
		move(this.mentee, shown, "{\"action\":\"ACKNOWLEDGE\",\"version\":0}").andExpect(status().isForbidden());
		read(this.mentee, "/api/v1/alerts").andExpect(status().isForbidden());
		// The student's own reads are not audited; staff reads are.
		assertThat(reads(shown)).isZero();
		read(this.mentor, "/api/v1/alerts/" + shown).andExpect(status().isOk());
		assertThat(reads(shown)).isOne();
	}

	@Test
	void aMentorWhoDoesNotOwnTheCaseReadsItButDoesNotMoveOrReassignIt() throws Exception {
		long alert = AlertFixtures.alert(this.jdbc, this.mentee.id(), this.coordinator.id(), this.coordinator.id(), "Watch");
		read(this.mentor, "/api/v1/alerts/" + alert).andExpect(status().isOk())
			.andExpect(jsonPath("$.alert.actions.length()").value(0));
		move(this.mentor, alert, "{\"action\":\"ACKNOWLEDGE\",\"version\":0}").andExpect(status().isForbidden());
		this.mvc.perform(put("/api/v1/alerts/" + alert + "/owner").with(as(this.mentor)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"ownerId\":" + this.mentor.id() + ",\"version\":0}"))
			.andExpect(status().isForbidden());
		read(this.mentor, "/api/v1/alerts").andExpect(status().isForbidden());
		bulk(this.mentor, "acknowledge", "{\"ids\":[" + alert + "]}").andExpect(status().isForbidden());
		assertThat(statusOf(alert)).isEqualTo("OPEN");
	}

	@Test
	void managersReassignACaseToStaffOfTheInstitutionOnly() throws Exception {
		long alert = AlertFixtures.alert(this.jdbc, this.mentee.id(), this.coordinator.id(), this.mentor.id(), "Reassign me");
		Account other = this.college.aMentor().inDepartment("CS").named("Pia Mentor").create(this.jdbc);
		Account foreignMentor = aCompany().withDepartment("ENGR").build(this.jdbc).aMentor().inDepartment("ENGR")
			.create(this.jdbc);
		for (Account bad : List.of(this.loner, foreignMentor)) {
			this.mvc.perform(put("/api/v1/alerts/" + alert + "/owner").with(as(this.coordinator)).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"ownerId\":" + bad.id() + ",\"version\":0}"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("\"ownerId\"")));
		}
		this.mvc.perform(put("/api/v1/alerts/" + alert + "/owner").with(as(this.coordinator)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"ownerId\":" + other.id() + ",\"version\":0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ownerName").value("Pia Mentor"));
		this.mvc.perform(put("/api/v1/alerts/" + alert + "/owner").with(as(this.coordinator)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"ownerId\":" + this.mentor.id() + ",\"version\":0}"))
			.andExpect(status().isConflict());
	}

	@Test
	void theQueueShowsTheCallersScopeMostUrgentFirstWithItsFilters() throws Exception {
		java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC);
		long oldWarn = AlertFixtures.alert(this.jdbc, this.mentee.id(), null, this.mentor.id(), "WARN", "OPEN", "Old warn",
				now.minusDays(10));
		long newWarn = AlertFixtures.alert(this.jdbc, this.loner.id(), null, null, "WARN", "OPEN", "New warn",
				now.minusHours(1));
		long critical = AlertFixtures.alert(this.jdbc, this.loner.id(), null, null, "CRITICAL", "ACKNOWLEDGED",
				"Critical", now.minusHours(2));
		long closed = AlertFixtures.alert(this.jdbc, this.mentee.id(), null, null, "INFO", "RESOLVED", "Closed",
				now.minusDays(3));
		long bus = AlertFixtures.alert(this.jdbc, this.busStudent.id(), null, null, "CRITICAL", "OPEN", "Business",
				now.minusDays(1));

		read(this.coordinator, "/api/v1/alerts").andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.items[0].id").value(critical))
			.andExpect(jsonPath("$.items[1].id").value(oldWarn))
			.andExpect(jsonPath("$.items[2].id").value(newWarn));
		read(this.coordinator, "/api/v1/alerts?status=all").andExpect(jsonPath("$.total").value(4));
		read(this.coordinator, "/api/v1/alerts?status=RESOLVED").andExpect(jsonPath("$.items[0].id").value(closed));
		read(this.coordinator, "/api/v1/alerts?severity=critical").andExpect(jsonPath("$.total").value(1));
		read(this.coordinator, "/api/v1/alerts?category=GOALS").andExpect(jsonPath("$.total").value(0));
		read(this.coordinator, "/api/v1/alerts?owner=none").andExpect(jsonPath("$.total").value(2));
		read(this.coordinator, "/api/v1/alerts?owner=" + this.mentor.id())
			.andExpect(jsonPath("$.items[0].id").value(oldWarn));
		read(this.coordinator, "/api/v1/alerts?minAgeDays=5").andExpect(jsonPath("$.total").value(1));
		read(this.coordinator, "/api/v1/alerts?size=1&page=1").andExpect(jsonPath("$.items[0].id").value(oldWarn));
		read(this.busCoordinator, "/api/v1/alerts").andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(bus));
		// Both CRITICAL: the older one (a day) comes before the newer one (two hours).
		read(this.admin, "/api/v1/alerts").andExpect(jsonPath("$.total").value(4))
			.andExpect(jsonPath("$.items[0].id").value(bus))
			.andExpect(jsonPath("$.items[1].id").value(critical));
		read(this.admin, "/api/v1/alerts?department=" + this.college.department("BUS"))
			.andExpect(jsonPath("$.total").value(1));
		// The page is cut before the names are joined: the second page of two goes on in the same order, and
		// its rows carry their student's and owner's names.
		read(this.admin, "/api/v1/alerts?size=2&page=1").andExpect(jsonPath("$.total").value(4))
			.andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.items[0].id").value(oldWarn))
			.andExpect(jsonPath("$.items[0].studentName").value("Nia Student"))
			.andExpect(jsonPath("$.items[0].ownerName").value("Omar Mentor"))
			.andExpect(jsonPath("$.items[1].id").value(newWarn));
		read(this.coordinator, "/api/v1/alerts?size=2&page=1").andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].id").value(newWarn));
		assertThat(reads(critical)).isGreaterThanOrEqualTo(2);
		assertThat(reads(bus)).isEqualTo(3);
	}

	@Test
	void bulkActionsAreAllOrNothingAndSayWhatTheyDid() throws Exception {
		long a = AlertFixtures.alert(this.jdbc, this.mentee.id(), null, null, "A");
		long b = AlertFixtures.alert(this.jdbc, this.loner.id(), null, null, "B");
		long started = AlertFixtures.alert(this.jdbc, this.loner.id(), null, null, "WARN", "IN_PROGRESS", "C",
				java.time.LocalDateTime.now(java.time.ZoneOffset.UTC));
		long foreign = AlertFixtures.alert(this.jdbc, this.busStudent.id(), null, null, "D");

		bulk(this.coordinator, "acknowledge", "{\"ids\":[" + a + "," + started + "]}").andExpect(status().isConflict())
			.andExpect(content().string(containsString("not open: [" + started + "]")));
		bulk(this.coordinator, "acknowledge", "{\"ids\":[" + a + "," + foreign + "]}").andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Alert " + foreign + " not found")));
		bulk(this.coordinator, "acknowledge", "{\"ids\":[]}").andExpect(status().isBadRequest());
		assertThat(List.of(statusOf(a), statusOf(foreign))).containsOnly("OPEN");

		bulk(this.coordinator, "acknowledge", "{\"ids\":[" + a + "," + b + "]}").andExpect(status().isOk())
			.andExpect(jsonPath("$.count").value(2))
			.andExpect(jsonPath("$.alertIds[0]").value(a));
		assertThat(List.of(statusOf(a), statusOf(b))).containsOnly("ACKNOWLEDGED");

		bulk(this.coordinator, "assign", "{\"ids\":[" + a + "," + b + "],\"ownerId\":" + this.loner.id() + "}")
			.andExpect(status().isBadRequest());
		bulk(this.coordinator, "assign", "{\"ids\":[" + a + "," + foreign + "],\"ownerId\":" + this.mentor.id() + "}")
			.andExpect(status().isNotFound());
		bulk(this.coordinator, "assign", "{\"ids\":[" + a + "," + b + "],\"ownerId\":" + this.mentor.id() + "}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.count").value(2))
			.andExpect(jsonPath("$.ownerId").value(this.mentor.id()));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM alerts WHERE owner_id = :m AND id IN (:ids)")
			.param("m", this.mentor.id()).param("ids", List.of(a, b, foreign)).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void theCsvExportHoldsTheFilteredQueueWithFormulaCellsDefused() throws Exception {
		AlertFixtures.alert(this.jdbc, this.mentee.id(), null, null, "=HYPERLINK(\"http://evil\")");
		AlertFixtures.alert(this.jdbc, this.busStudent.id(), null, null, "Other department");
		String csv = this.mvc.perform(get("/api/v1/alerts/export").with(as(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn().getResponse().getContentAsString();
		assertThat(csv).startsWith("id,student_id,student,");
		assertThat(csv).contains("'=HYPERLINK(").doesNotContain(",=HYPERLINK").doesNotContain("Other department");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'ALERTS_EXPORTED' AND user_id = :u")
			.param("u", this.coordinator.id()).query(Long.class).single()).isOne();
		this.mvc.perform(get("/api/v1/alerts/export").with(as(this.mentor))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/alerts/export?severity=LOUD").with(as(this.coordinator)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void myCasesAreWhatIOwnOrRaisedAndMyMenteesAlerts() throws Exception {
		long owned = AlertFixtures.alert(this.jdbc, this.loner.id(), null, this.mentor.id(), "Owned");
		long aboutMentee = AlertFixtures.alert(this.jdbc, this.mentee.id(), this.coordinator.id(), this.coordinator.id(),
				"About my mentee");
		long elsewhere = AlertFixtures.alert(this.jdbc, this.loner.id(), null, null, "Elsewhere");
		read(this.mentor, "/api/v1/alerts/mine").andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(content().string(not(containsString("Elsewhere"))));
		read(this.coordinator, "/api/v1/alerts/mine").andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(aboutMentee));
		read(this.mentor, "/api/v1/alerts/mine?closed=true").andExpect(jsonPath("$.total").value(0));
		assertThat(owned).isNotEqualTo(elsewhere);
	}

	@Test
	void aSourceNeverOpensASecondCaseForTheSameStudent() {
		long first = this.alerts.raiseOrUpdate(new AlertSignal(this.mentee.id(), AlertSeverity.WARN, AlertCategory.GPA,
				"GPA is 2.6", "rule:gpa-below-2.8", null));
		long again = this.alerts.raiseOrUpdate(new AlertSignal(this.mentee.id(), AlertSeverity.CRITICAL,
				AlertCategory.GPA, "GPA is 2.1", "rule:gpa-below-2.8", null));
		assertThat(again).isEqualTo(first);
		assertThat(alertsAbout(this.mentee)).isOne();
		assertThat(this.jdbc.sql("SELECT severity, message, owner_id FROM alerts WHERE id = :a").param("a", first).query()
			.singleRow()).containsEntry("severity", "CRITICAL").containsEntry("message", "GPA is 2.1");
		// Once the case is closed, the same source opens a new one.
		this.jdbc.sql("UPDATE alerts SET status = 'RESOLVED', open_key = NULL WHERE id = :a").param("a", first).update();
		long next = this.alerts.raiseOrUpdate(new AlertSignal(this.mentee.id(), AlertSeverity.WARN, AlertCategory.GPA,
				"GPA is 2.7", "rule:gpa-below-2.8", null));
		assertThat(next).isNotEqualTo(first);
		assertThat(alertsAbout(this.mentee)).isEqualTo(2);
	}

}
