package org.mentorhub.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.TestAccounts;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.PersonBuilder;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.alert.AlertFixtures;
import org.mentorhub.identity.RoleName;
import org.mentorhub.report.HomeQueries.AlertRow;
import org.mentorhub.report.HomeQueries.Count;
import org.mentorhub.report.HomeQueries.DepartmentRow;
import org.mentorhub.report.HomeQueries.MentorshipRow;
import org.mentorhub.report.HomeQueries.SessionRow;
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
 * The JSON twins of the institution administrator's and the coordinator's home dashboards (issue 21):
 * a university with two departments (and another institution) is planted with people, mentorships in
 * every state, sessions, alerts and the backlog behind the next actions; each twin answers the figures
 * computed here from the planted rows, and the same as the page's model and text for the same user. The
 * coordinator's never counts the other department's rows, the administrator's never another
 * institution's; a coordinator without a department sees nothing; every other role gets 403 problem JSON.
 */
@MentorHubIntegrationTest
class ManagerDashboardTwinIntegrationTests {

	static final String INSTITUTION = "/api/v1/reports/institution";

	static final String DEPARTMENT = "/api/v1/reports/department";

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

	TestInstitution foreign;

	Account admin;

	Account csCoordinator;

	final LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);

	/** Everybody planted in the university. */
	final List<Account> people = new ArrayList<>();

	record PlantedMentorship(long id, long department, String status, String mentorName, String menteeName) {
	}

	record PlantedSession(long id, long department, String title, LocalDateTime at, String status) {
	}

	record PlantedAlert(long id, long department, String severity, String status, String studentName,
			LocalDateTime at) {
	}

	final List<PlantedMentorship> mentorships = new ArrayList<>();

	final List<PlantedSession> sessions = new ArrayList<>();

	final List<PlantedAlert> alerts = new ArrayList<>();

	long cs;

	long bus;

	@BeforeEach
	void plant() {
		this.t = unique();
		this.college = aUniversity().named("Staff University " + this.t).withDepartment("CS", "Computer Science")
			.withDepartment("BUS", "Business").build(this.jdbc);
		this.cs = this.college.department("CS");
		this.bus = this.college.department("BUS");
		this.admin = person(this.college.anAdmin().named("Staff Admin " + this.t).withTimeZone("Europe/Paris"));
		this.csCoordinator = person(this.college.aCoordinator().inDepartment("CS").named("CS Coordinator " + this.t)
			.withTimeZone("America/New_York"));
		person(this.college.aCoordinator().inDepartment("BUS").named("BUS Coordinator " + this.t));

		// Computer Science: an active pair with sessions of every kind, one waiting for approval, one ended
		// (its mentee has no mentor now), a mentee never matched, and an open and a resolved alert.
		Account csMentor = person(this.college.aMentor().inDepartment("CS").named("CS Mentor " + this.t));
		Account csOne = person(this.college.aStudent().inDepartment("CS").named("CS Mentee One " + this.t));
		Account csTwo = person(this.college.aStudent().inDepartment("CS").named("CS Mentee Two " + this.t));
		Account csEnded = person(this.college.aStudent().inDepartment("CS").named("CS Ended " + this.t));
		person(this.college.aStudent().inDepartment("CS").named("CS Unmatched " + this.t));
		long csPair = mentorship(csMentor, csOne, "ACTIVE");
		mentorship(csMentor, csTwo, "ACCEPTED");
		mentorship(csMentor, csEnded, "ENDED");
		session(csPair, "CS upcoming " + this.t, this.now.plusDays(3), "CONFIRMED");
		session(csPair, "CS called off " + this.t, this.now.plusDays(2), "CANCELLED");
		session(csPair, "CS held " + this.t, this.now.minusDays(5), "COMPLETED");
		session(csPair, "CS held long ago " + this.t, this.now.minusDays(40), "COMPLETED");
		alert(csOne, "WARN", "OPEN", "CS alert " + this.t, this.now.minusDays(2));
		alert(csOne, "CRITICAL", "RESOLVED", "CS resolved alert " + this.t, this.now.minusDays(3));

		// Business: an active pair with a session coming and one held, a quiet active pair, one waiting for
		// approval, and a critical alert.
		Account busMentor = person(this.college.aMentor().inDepartment("BUS").named("BUS Mentor " + this.t));
		Account busOne = person(this.college.aStudent().inDepartment("BUS").named("BUS Mentee One " + this.t));
		Account busQuiet = person(this.college.aStudent().inDepartment("BUS").named("BUS Quiet " + this.t));
		Account busWaiting = person(this.college.aStudent().inDepartment("BUS").named("BUS Waiting " + this.t));
		long busPair = mentorship(busMentor, busOne, "ACTIVE");
		mentorship(busMentor, busQuiet, "ACTIVE");
		mentorship(busMentor, busWaiting, "ACCEPTED");
		session(busPair, "BUS upcoming " + this.t, this.now.plusDays(1), "REQUESTED");
		session(busPair, "BUS held " + this.t, this.now.minusDays(2), "COMPLETED");
		alert(busOne, "CRITICAL", "ACKNOWLEDGED", "BUS alert " + this.t, this.now.minusDays(1));

		// Another institution, with rows of every kind of its own that must never be counted.
		this.foreign = aCompany().named("Foreign Company " + this.t).withDepartment("CS", "Computer Science")
			.build(this.jdbc);
		this.foreign.anAdmin().create(this.jdbc);
		Account foreignMentor = this.foreign.aMentor().inDepartment("CS").named("Foreign Mentor " + this.t)
			.create(this.jdbc);
		Account foreignMentee = this.foreign.aStudent().inDepartment("CS").named("Foreign Mentee " + this.t)
			.create(this.jdbc);
		Account foreignWaiting = this.foreign.aStudent().inDepartment("CS").named("Foreign Waiting " + this.t)
			.create(this.jdbc);
		this.foreign.aStudent().inDepartment("CS").named("Foreign Unmatched " + this.t).create(this.jdbc);
		long foreignPair = TestMentorships.plant(this.jdbc, foreignMentor, foreignMentee, "ACTIVE");
		TestMentorships.plant(this.jdbc, foreignMentor, foreignWaiting, "ACCEPTED");
		insertSession(foreignPair, "Foreign upcoming " + this.t, this.now.plusDays(1), "CONFIRMED");
		insertSession(foreignPair, "Foreign held " + this.t, this.now.minusDays(1), "COMPLETED");
		AlertFixtures.alert(this.jdbc, foreignMentee.id(), null, null, "CRITICAL", "OPEN", "Foreign alert " + this.t,
				this.now.minusHours(3));
	}

	// ------------------------------------------------------------------ the administrator

	@Test
	void theInstitutionTwinHasThePlantedFiguresAsThePageShowsThemAndNoOtherInstitutions() throws Exception {
		MvcResult page = this.mvc.perform(get("/").with(as(this.admin))).andExpect(status().isOk()).andReturn();
		Map<String, Object> model = page.getModelAndView().getModel();
		String html = page.getResponse().getContentAsString();
		JsonNode twin = read(this.mvc.perform(get(INSTITUTION).with(as(this.admin))).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)).andReturn());

		assertThat(twin.get("institution").get("id").asLong()).isEqualTo(this.college.id());
		assertThat(twin.get("institution").get("name").asString()).isEqualTo("Staff University " + this.t);
		assertThat(twin.get("institution").get("code").asString()).isEqualTo(this.college.code());
		assertThat(twin.get("timeZone").asString()).isEqualTo("Europe/Paris").isEqualTo(model.get("zone").toString());
		assertThat(LocalDateTime.ofInstant(Instant.parse(twin.get("figuresAsOf").asString()), ZoneId.of("Europe/Paris")))
			.isEqualTo(model.get("figuresAsOf"));

		// People by role: as planted (the administrator, two coordinators, two mentors, seven mentees).
		Map<String, Long> roles = this.people.stream()
			.collect(Collectors.groupingBy(a -> a.role().name(), TreeMap::new, Collectors.counting()));
		assertThat(roles).containsEntry("MENTEE", 7L).containsEntry("COORDINATOR", 2L);
		assertThat(counts(twin.get("usersByRole"), "role", "users")).isEqualTo(roles)
			.isEqualTo(counts(model.get("usersByRole")));

		// Mentorships by status, all statuses, both departments.
		Map<String, Long> byStatus = this.mentorships.stream()
			.collect(Collectors.groupingBy(PlantedMentorship::status, TreeMap::new, Collectors.counting()));
		assertThat(byStatus).containsEntry("ACTIVE", 3L).containsEntry("ACCEPTED", 2L).containsEntry("ENDED", 1L);
		assertThat(counts(twin.get("mentorshipsByStatus"), "status", "mentorships")).isEqualTo(byStatus)
			.isEqualTo(counts(model.get("mentorshipsByStatus")));

		// Sessions completed in the last 30 days: one in each department (not the one 40 days ago).
		assertThat(twin.get("completedSessions").asLong()).isEqualTo(completedSince(d -> true)).isEqualTo(2L)
			.isEqualTo(model.get("completedSessions"));
		assertThat(twin.get("recentDays").asLong()).isEqualTo(30L);
		assertThat(html).contains("2 sessions completed in the last 30 days");

		// The departments by name, each with its members and active mentorships.
		JsonNode departments = twin.get("departments");
		assertThat(longs(departments, "id")).containsExactly(this.bus, this.cs);
		assertThat(texts(departments, "name")).containsExactly("Business", "Computer Science");
		assertThat(longs(departments, "members")).containsExactly(members(this.bus), members(this.cs))
			.containsExactly(5L, 6L);
		assertThat(longs(departments, "activeMentorships")).containsExactly(active(this.bus), active(this.cs))
			.containsExactly(2L, 1L);
		@SuppressWarnings("unchecked")
		List<DepartmentRow> pageDepartments = (List<DepartmentRow>) model.get("departments");
		assertThat(pageDepartments).extracting(DepartmentRow::members).containsExactly(5L, 6L);

		// Open alerts, the most severe first; the resolved one not.
		List<PlantedAlert> open = openAlerts(a -> true);
		assertThat(open).extracting(PlantedAlert::studentName).containsExactly("BUS Mentee One " + this.t,
				"CS Mentee One " + this.t);
		assertAlerts(twin.get("alerts"), open, model);

		// Upcoming sessions, not cancelled, earliest first.
		List<PlantedSession> upcoming = upcoming(d -> true);
		assertThat(upcoming).extracting(PlantedSession::title).containsExactly("BUS upcoming " + this.t,
				"CS upcoming " + this.t);
		assertSessions(twin.get("upcomingSessions"), upcoming, model);

		// What waits: two approvals, two mentees without a mentor (one never matched, one whose mentorship
		// ended), one quiet mentorship, in the page's words.
		assertThat(texts(twin.get("nextActions"), "id")).containsExactly("approvals", "unmatched", "quiet");
		assertThat(texts(twin.get("nextActions"), "text")).containsExactly("2 mentorships wait for your approval",
				"2 mentees have no mentor yet", "1 mentorship has no session in 30 days");
		assertThat(texts(twin.get("nextActions"), "href")).containsExactly("/mentorships/manage?status=ACCEPTED",
				"/mentorships/bulk", "/mentorships/manage?status=ACTIVE");
		assertThat(html).contains("2 mentorships wait for your approval", "2 mentees have no mentor yet",
				"1 mentorship has no session in 30 days");
		@SuppressWarnings("unchecked")
		List<NextAction> pageActions = (List<NextAction>) model.get("nextActions");
		assertThat(texts(twin.get("nextActions"), "id")).containsExactlyElementsOf(
				pageActions.stream().map(NextAction::id).toList());

		assertThat(twin.toString()).doesNotContain("Foreign", "resolved alert", "called off");
	}

	@Test
	void theInstitutionTwinRefusesEveryOtherRole() throws Exception {
		for (Account caller : List.of(this.csCoordinator, this.college.aMentor().create(this.jdbc),
				this.college.aStudent().create(this.jdbc), this.college.a(RoleName.NEW_MOTHER).create(this.jdbc),
				TestAccounts.anAccount(RoleName.PLATFORM_ADMIN).create(this.jdbc))) {
			refused(INSTITUTION, caller);
		}
	}

	// ------------------------------------------------------------------ the coordinator

	@Test
	void theDepartmentTwinHasItsDepartmentsFiguresAsThePageShowsThemAndNoOtherDepartments() throws Exception {
		MvcResult page = this.mvc.perform(get("/").with(as(this.csCoordinator))).andExpect(status().isOk()).andReturn();
		Map<String, Object> model = page.getModelAndView().getModel();
		String html = page.getResponse().getContentAsString();
		JsonNode twin = read(this.mvc.perform(get(DEPARTMENT).with(as(this.csCoordinator))).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)).andReturn());
		Predicate<Long> inCs = d -> d == this.cs;

		assertThat(twin.get("institution").get("id").asLong()).isEqualTo(this.college.id());
		assertThat(twin.get("department").get("id").asLong()).isEqualTo(this.cs);
		assertThat(twin.get("department").get("name").asString()).isEqualTo("Computer Science");
		assertThat(twin.get("department").get("code").asString()).isEqualTo("CS");
		assertThat(twin.get("timeZone").asString()).isEqualTo("America/New_York").isEqualTo(model.get("zone").toString());
		assertThat(LocalDateTime.ofInstant(Instant.parse(twin.get("figuresAsOf").asString()),
				ZoneId.of("America/New_York"))).isEqualTo(model.get("figuresAsOf"));

		Map<String, Long> byStatus = this.mentorships.stream().filter(m -> inCs.test(m.department()))
			.collect(Collectors.groupingBy(PlantedMentorship::status, TreeMap::new, Collectors.counting()));
		assertThat(byStatus).isEqualTo(Map.of("ACTIVE", 1L, "ACCEPTED", 1L, "ENDED", 1L));
		assertThat(counts(twin.get("mentorshipsByStatus"), "status", "mentorships")).isEqualTo(byStatus)
			.isEqualTo(counts(model.get("mentorshipsByStatus")));

		assertThat(twin.get("completedSessions").asLong()).isEqualTo(completedSince(inCs)).isEqualTo(1L)
			.isEqualTo(model.get("completedSessions"));
		assertThat(html).contains("1 session completed in the last 30 days");

		// The department's open and running mentorships, by status then mentee.
		List<PlantedMentorship> listed = this.mentorships.stream()
			.filter(m -> inCs.test(m.department())
					&& List.of("ACTIVE", "PAUSED", "REQUESTED", "PROPOSED", "ACCEPTED").contains(m.status()))
			.sorted(Comparator.comparing(PlantedMentorship::status).thenComparing(PlantedMentorship::menteeName))
			.toList();
		JsonNode rows = twin.get("mentorships");
		assertThat(longs(rows, "id")).containsExactlyElementsOf(listed.stream().map(PlantedMentorship::id).toList());
		assertThat(texts(rows, "menteeName")).containsExactly("CS Mentee Two " + this.t, "CS Mentee One " + this.t);
		assertThat(texts(rows, "mentorName")).containsOnly("CS Mentor " + this.t);
		assertThat(texts(rows, "status")).containsExactly("ACCEPTED", "ACTIVE");
		assertThat(texts(rows, "goal")).containsOnly("Planted goal");
		@SuppressWarnings("unchecked")
		List<MentorshipRow> pageRows = (List<MentorshipRow>) model.get("mentorships");
		assertThat(longs(rows, "id")).containsExactlyElementsOf(pageRows.stream().map(MentorshipRow::id).toList());

		assertAlerts(twin.get("alerts"), openAlerts(inCs), model);
		assertThat(texts(twin.get("alerts"), "message")).containsExactly("CS alert " + this.t);
		assertSessions(twin.get("upcomingSessions"), upcoming(inCs), model);
		assertThat(texts(twin.get("upcomingSessions"), "title")).containsExactly("CS upcoming " + this.t);

		// What waits in the department: one approval, two mentees without a mentor; its one active
		// mentorship has a session coming, so none is quiet (the quiet one is Business's).
		assertThat(texts(twin.get("nextActions"), "id")).containsExactly("approvals", "unmatched");
		assertThat(texts(twin.get("nextActions"), "text")).containsExactly("1 mentorship waits for your approval",
				"2 mentees have no mentor yet");
		assertThat(html).contains("1 mentorship waits for your approval", "2 mentees have no mentor yet")
			.doesNotContain("no session in 30 days");

		assertThat(twin.toString()).doesNotContain("BUS", "Business", "Foreign", "usersByRole", "departments");
		assertThat(html).doesNotContain("BUS ", "Foreign");
	}

	@Test
	void aCoordinatorWithoutADepartmentIsRefusedNotShownTheInstitution() throws Exception {
		Account loose = this.college.aCoordinator().named("Loose Coordinator " + this.t).create(this.jdbc);
		// As everywhere (platform.Tenancy#scope): a coordinator is scoped to a department; without one they see
		// nothing, the home page as the JSON.
		this.mvc.perform(get("/").with(as(loose))).andExpect(status().isForbidden());
		refused(DEPARTMENT, loose);
		refused(INSTITUTION, loose);

		// A coordinator without a department who is an administrator too coordinates the whole institution.
		Account both = this.college.aCoordinator().named("Admin Coordinator " + this.t).create(this.jdbc);
		TestAccounts.grant(this.jdbc, both, RoleName.ADMIN);
		MvcResult page = this.mvc.perform(get("/").with(as(both))).andExpect(status().isOk()).andReturn();
		JsonNode twin = read(this.mvc.perform(get(DEPARTMENT).with(as(both))).andExpect(status().isOk()).andReturn());
		assertThat(twin.get("department").isNull()).isTrue();
		assertThat(twin.get("completedSessions").asLong()).isEqualTo(completedSince(d -> true))
			.isEqualTo(page.getModelAndView().getModel().get("completedSessions"));
		assertThat(longs(twin.get("alerts"), "id")).containsExactlyElementsOf(
				openAlerts(d -> true).stream().map(PlantedAlert::id).toList());
	}

	@Test
	void theDepartmentTwinRefusesEveryOtherRole() throws Exception {
		for (Account caller : List.of(this.admin, this.college.aMentor().inDepartment("CS").create(this.jdbc),
				this.college.aStudent().inDepartment("CS").create(this.jdbc),
				TestAccounts.anAccount(RoleName.PLATFORM_ADMIN).create(this.jdbc))) {
			refused(DEPARTMENT, caller);
		}
	}

	// ------------------------------------------------------------------ expected, from the planted rows

	private long completedSince(Predicate<Long> department) {
		return this.sessions.stream()
			.filter(s -> department.test(s.department()) && s.status().equals("COMPLETED")
					&& s.at().isAfter(this.now.minusDays(30)))
			.count();
	}

	private List<PlantedSession> upcoming(Predicate<Long> department) {
		return this.sessions.stream()
			.filter(s -> department.test(s.department()) && s.at().isAfter(this.now)
					&& List.of("CONFIRMED", "PENDING", "PROPOSED", "REQUESTED", "RESCHEDULED").contains(s.status()))
			.sorted(Comparator.comparing(PlantedSession::at))
			.toList();
	}

	private List<PlantedAlert> openAlerts(Predicate<Long> department) {
		List<String> severities = List.of("CRITICAL", "WARN", "INFO");
		return this.alerts.stream()
			.filter(a -> department.test(a.department())
					&& List.of("OPEN", "ACKNOWLEDGED", "IN_PROGRESS").contains(a.status()))
			.sorted(Comparator.comparing((PlantedAlert a) -> severities.indexOf(a.severity()))
				.thenComparing(PlantedAlert::at, Comparator.reverseOrder()))
			.toList();
	}

	private long members(long department) {
		return this.people.stream().filter(p -> Objects.equals(p.departmentId(), department)).count();
	}

	private long active(long department) {
		return this.mentorships.stream().filter(m -> m.department() == department && m.status().equals("ACTIVE"))
			.count();
	}

	private void assertAlerts(JsonNode twin, List<PlantedAlert> expected, Map<String, Object> model) {
		assertThat(longs(twin, "id")).containsExactlyElementsOf(expected.stream().map(PlantedAlert::id).toList());
		assertThat(texts(twin, "severity")).containsExactlyElementsOf(expected.stream().map(PlantedAlert::severity).toList());
		assertThat(texts(twin, "status")).containsExactlyElementsOf(expected.stream().map(PlantedAlert::status).toList());
		assertThat(texts(twin, "studentName")).containsExactlyElementsOf(
				expected.stream().map(PlantedAlert::studentName).toList());
		assertThat(texts(twin, "createdAt").stream().map(Instant::parse).toList()).containsExactlyElementsOf(
				expected.stream().map(a -> a.at().toInstant(ZoneOffset.UTC)).toList());
		@SuppressWarnings("unchecked")
		List<AlertRow> page = (List<AlertRow>) model.get("alerts");
		assertThat(longs(twin, "id")).containsExactlyElementsOf(page.stream().map(AlertRow::id).toList());
	}

	private void assertSessions(JsonNode twin, List<PlantedSession> expected, Map<String, Object> model) {
		assertThat(longs(twin, "id")).containsExactlyElementsOf(expected.stream().map(PlantedSession::id).toList());
		assertThat(texts(twin, "start").stream().map(Instant::parse).toList()).containsExactlyElementsOf(
				expected.stream().map(s -> s.at().toInstant(ZoneOffset.UTC)).toList());
		@SuppressWarnings("unchecked")
		List<SessionRow> page = (List<SessionRow>) model.get("sessions");
		assertThat(longs(twin, "id")).containsExactlyElementsOf(page.stream().map(SessionRow::id).toList());
	}

	// ------------------------------------------------------------------ planting and reading

	private Account person(PersonBuilder builder) {
		Account account = builder.create(this.jdbc);
		this.people.add(account);
		return account;
	}

	private long mentorship(Account mentor, Account mentee, String status) {
		long id = TestMentorships.plant(this.jdbc, mentor, mentee, status);
		String mentorName = this.jdbc.sql("SELECT full_name FROM users WHERE id = :id").param("id", mentor.id())
			.query(String.class).single();
		String menteeName = this.jdbc.sql("SELECT full_name FROM users WHERE id = :id").param("id", mentee.id())
			.query(String.class).single();
		this.mentorships.add(new PlantedMentorship(id, mentee.departmentId(), status, mentorName, menteeName));
		return id;
	}

	private void session(long mentorship, String title, LocalDateTime at, String status) {
		long department = this.mentorships.stream().filter(m -> m.id() == mentorship).findFirst().orElseThrow()
			.department();
		this.sessions.add(new PlantedSession(insertSession(mentorship, title, at, status), department, title, at, status));
	}

	private long insertSession(long mentorship, String title, LocalDateTime at, String status) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO mentoring_sessions (mentorship_id, mentor_id, mentee_id, title, scheduled_at, status)
				SELECT m.id, m.mentor_id, m.mentee_id, :title, :at, :s FROM mentorships m WHERE m.id = :p""")
			.param("p", mentorship).param("title", title).param("at", at).param("s", status)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	private void alert(Account student, String severity, String status, String message, LocalDateTime at) {
		long id = AlertFixtures.alert(this.jdbc, student.id(), null, null, severity, status, message, at);
		String name = this.jdbc.sql("SELECT full_name FROM users WHERE id = :id").param("id", student.id())
			.query(String.class).single();
		this.alerts.add(new PlantedAlert(id, student.departmentId(), severity, status, name, at));
	}

	private void refused(String uri, Account caller) throws Exception {
		this.mvc.perform(get(uri).with(as(caller)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	private JsonNode read(MvcResult result) throws Exception {
		return this.json.readTree(result.getResponse().getContentAsString());
	}

	private static Map<String, Long> counts(JsonNode array, String label, String total) {
		Map<String, Long> counts = new TreeMap<>();
		array.forEach(node -> counts.put(node.get(label).asString(), node.get(total).asLong()));
		return counts;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Long> counts(Object modelCounts) {
		Map<String, Long> counts = new TreeMap<>();
		((List<Count>) modelCounts).forEach(c -> counts.put(c.label(), c.total()));
		return counts;
	}

	private RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

}
