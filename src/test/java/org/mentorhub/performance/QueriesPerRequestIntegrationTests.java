package org.mentorhub.performance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.StatementCounter;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.attachment.TestDocuments;
import org.mentorhub.attachment.TestFiles;
import org.mentorhub.goal.GoalFixtures;
import org.mentorhub.platform.LocalCaches;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The number of SQL statements of every list and dashboard page and every main API list is fixed
 * (QUALITY: no N+1 queries, whatever the size of the data). Each request is made as the role that
 * uses it, counted ({@link StatementCounter}), then made again after the data of everybody involved
 * has grown threefold: the count must not change, and it must stay within the page's budget. A page
 * whose count grows with its rows fails here long before it is slow in production.
 */
@MentorHubIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueriesPerRequestIntegrationTests {

	/** The most statements any one page or API list may take (security, session and the page's reads). */
	private static final int BUDGET = 25;

	/** A request counted after the short-lived caches were emptied (the first request after they expire). */
	private static final String COLD = " (caches empty)";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	LocalCaches caches;

	private TestInstitution college;

	private Account admin;

	private Account coordinator;

	private Account mentor;

	private Account mentee;

	private Account platformAdmin;

	private Account newMother;

	private int planted;

	/** The mentee's mentorship with the mentor, one of its sessions and one goal: their files grow too. */
	private long mentorship;

	private long session;

	private long goal;

	private long alert;

	@BeforeAll
	void institution() {
		this.college = TestInstitutions.aUniversity().withDepartment("CS").build(this.jdbc);
		this.admin = this.college.anAdmin().create(this.jdbc);
		this.coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		this.mentor = this.college.aMentor().inDepartment("CS").withMentorProfile(30).create(this.jdbc);
		this.mentee = this.college.aStudent().inDepartment("CS").create(this.jdbc);
		this.newMother = this.college.a(org.mentorhub.identity.RoleName.NEW_MOTHER).inDepartment("CS").create(this.jdbc);
		this.platformAdmin = this.jdbc.sql("SELECT id, email FROM users WHERE institution_id IS NULL ORDER BY id")
			.query((rs, n) -> new Account(rs.getLong("id"), rs.getString("email"), null, null, null))
			.list()
			.get(0);
		this.mentorship = TestMentorships.plant(this.jdbc, this.mentor, this.mentee, "ACTIVE");
		this.session = session(this.mentorship, this.mentee, "CONFIRMED", 2);
		this.goal = GoalFixtures.goal(this.jdbc, this.mentee, "The goal with files", null);
		this.alert = alert(this.mentee);
		grow(2);
	}

	/** Requests by role: the list and dashboard pages and the main API lists. */
	private Map<String, Account> requests() {
		Map<String, Account> requests = new LinkedHashMap<>();
		for (String uri : List.of("/", "/sessions", "/sessions/week", "/mentorships", "/directory", "/profile",
				"/profile/availability", "/action-items", "/account", "/account/sessions", "/account/tokens",
				"/account/calendar", "/api/v1/me", "/api/v1/sessions",
				"/api/v1/mentorships", "/api/v1/action-items/mine", "/api/v1/directory/mentors", "/api/v1/profiles/me",
				"/notifications", "/notifications?unread=true", "/account/notifications", "/api/v1/notifications",
				"/api/v1/notifications/unread-count", "/api/v1/notifications/preferences", "/goals", "/api/v1/goals",
				"/goals/" + this.goal, "/attachments/goal/" + this.goal, "/api/v1/attachments/goal/" + this.goal,
				"/attachments/session/" + this.session, "/api/v1/attachments/session/" + this.session,
				"/attachments/mentorship/" + this.mentorship, "/api/v1/attachments/mentorship/" + this.mentorship,
				"/learning", "/learning/mine", "/learning/mentees", "/api/v1/learning/paths", "/api/v1/learning/mine",
				"/api/v1/learning/mentees",
				"/alerts/mine", "/api/v1/alerts/mine", "/alerts/" + this.alert, "/api/v1/alerts/" + this.alert,
				"/account/privacy", "/account/privacy/erasure", "/api/v1/privacy/exports", "/api/v1/privacy/consents",
				"/api/v1/privacy/disclosures", "/api/v1/privacy/erasure-requests", "/api/v1/reports/my-mentees")) {
			requests.put("mentor " + uri, this.mentor);
		}
		for (String uri : List.of("/", "/sessions", "/mentorships", "/directory", "/mentorships/suggestions",
				"/api/v1/sessions", "/api/v1/mentorships", "/api/v1/mentorships/suggestions", "/notifications",
				"/api/v1/notifications", "/goals", "/api/v1/goals", "/learning", "/learning/mine",
				"/api/v1/learning/paths", "/api/v1/learning/mine", "/api/v1/learning/recommendations/mine",
				"/alerts/mine", "/api/v1/alerts/mine", "/account/privacy", "/api/v1/privacy/disclosures",
				"/api/v1/reports/my-mentoring")) {
			requests.put("mentee " + uri, this.mentee);
		}
		// Also with the short-lived caches empty (platform.LocalCaches): the kept mentors are loaded again.
		requests.put("mentee /api/v1/mentorships/suggestions" + COLD, this.mentee);
		for (String uri : List.of("/", "/mentorships/manage", "/admin/onboarding", "/sessions/attendance",
				"/reports/program/sessions?status=CONFIRMED&from=2000-01-01&to=2000-12-31",
				"/reports/program/sessions?status=CONFIRMED&from=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(30)
						+ "&to=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(300),
				"/api/v1/reports/program?kind=student", "/reports/program/health",
				"/reports/program/health?health=STALLED&kind=student", "/api/v1/reports/program/health?health=STALLED",
				"/api/v1/mentorships", "/api/v1/admin/onboarding",
				"/sessions/feedback/summary?mentor=" + this.mentor.id(), "/goals", "/api/v1/goals?scope=managed", "/alerts",
				"/alerts?status=all", "/api/v1/alerts", "/alerts/mine", "/api/v1/alerts/mine", "/alerts/" + this.alert,
				"/api/v1/alerts/" + this.alert, "/alerts/rules", "/api/v1/alert-rules",
				"/api/v1/reports/department")) {
			requests.put("coordinator " + uri, this.coordinator);
		}
		requests.put("coordinator /" + COLD, this.coordinator);
		requests.put("coordinator /api/v1/reports/department" + COLD, this.coordinator);
		for (String uri : List.of("/", "/admin/users", "/admin/departments", "/admin/audit", "/admin/matching",
				"/admin/academic-imports", "/mentorships/manage", "/api/v1/users", "/api/v1/departments",
				"/api/v1/audit-logs", "/api/v1/mentorships", "/goals", "/api/v1/goals", "/learning",
				"/api/v1/learning/paths?status=DRAFT",
				"/alerts", "/api/v1/alerts", "/alerts/rules", "/api/v1/alert-rules", "/admin/privacy/erasure-requests",
				"/api/v1/privacy/erasure-requests?scope=institution", "/api/v1/privacy/legal-hold",
				"/admin/privacy/retention", "/api/v1/privacy/retention", "/api/v1/reports/institution",
				"/reports/program/health", "/api/v1/reports/program/health")) {
			requests.put("admin " + uri, this.admin);
		}
		requests.put("admin /" + COLD, this.admin);
		requests.put("admin /api/v1/reports/institution" + COLD, this.admin);
		// Her home page and its twins, with her milestones, groups and leave-coverage plan growing too.
		for (String uri : List.of("/", "/api/v1/reports/my-mentoring", "/api/v1/reports/my-support")) {
			requests.put("new-mother " + uri, this.newMother);
		}
		for (String uri : List.of("/", "/platform/institutions", "/platform/outbox", "/api/v1/institutions",
				"/admin/privacy/retention", "/api/v1/privacy/retention", "/api/v1/reports/platform")) {
			requests.put("platform-admin " + uri, this.platformAdmin);
		}
		return requests;
	}

	@Test
	void everyPageAndApiListTakesAFixedNumberOfStatementsWhateverTheData() throws Exception {
		Map<String, Long> before = countAll();
		grow(4);
		Map<String, Long> after = countAll();
		List<String> report = new ArrayList<>();
		before.forEach((request, count) -> report.add(request + ": " + count + " -> " + after.get(request)));
		// For docs/performance.md: target/queries-per-request.txt lists every request's count.
		Files.write(Path.of("target", "queries-per-request.txt"), report);
		assertThat(after).as("statements per request, before and after the data grew threefold:%n%s",
				String.join("\n", report))
			.isEqualTo(before);
		assertThat(after.values()).as("statements per request, at most %d:%n%s", BUDGET, String.join("\n", report))
			.allMatch(count -> count <= BUDGET);
	}

	private Map<String, Long> countAll() throws Exception {
		Map<String, Long> counts = new LinkedHashMap<>();
		List<String> failed = new ArrayList<>();
		for (Map.Entry<String, Account> request : requests().entrySet()) {
			boolean cold = request.getKey().endsWith(COLD);
			String uri = request.getKey().substring(request.getKey().indexOf(' ') + 1).replace(COLD, "");
			UserDetails caller = this.users.loadUserByUsername(request.getValue().email());
			// Once to warm what is cached for the whole application (templates, settings), then counted.
			int warm = this.mvc.perform(get(uri).with(user(caller))).andReturn().getResponse().getStatus();
			if (warm != 200) {
				failed.add(request.getKey() + " answered " + warm);
				continue;
			}
			if (cold) {
				this.caches.clearAll();
			}
			counts.put(request.getKey(), StatementCounter.count(() -> this.mvc.perform(get(uri).with(user(caller)))
				.andExpect(status().isOk())));
		}
		assertThat(failed).as("requests that did not answer 200").isEmpty();
		return counts;
	}

	/**
	 * More of everything the pages list: mentees with mentorships and sessions with the mentor (past,
	 * upcoming and requested), action items, goals with their updates, learning paths with enrolments and
	 * recommendations, alerts with their history, notifications (unread and read) and audit rows.
	 */
	private void grow(int mentees) {
		for (int i = 0; i < mentees; i++) {
			Account other = this.college.aStudent().inDepartment("CS").create(this.jdbc);
			long mentorship = TestMentorships.plant(this.jdbc, this.mentor, other, "ACTIVE");
			// Its relationship health now and its history (the program dashboard's figures and the list behind them).
			this.jdbc.sql("""
					INSERT INTO relationship_health (mentorship_id, institution_id, department_id, mentor_id, mentee_id,
					                                 health, reasons, computed_at)
					SELECT id, institution_id, department_id, mentor_id, mentee_id, 'STALLED', 'Grown', :at FROM mentorships
					WHERE id = :m""")
				.param("m", mentorship).param("at", java.time.LocalDateTime.now().minusHours(1)).update();
			for (int week = 1; week <= 2; week++) {
				this.jdbc.sql("""
						INSERT INTO relationship_health_history (mentorship_id, institution_id, department_id, mentee_id,
						                                         health, valid_from, valid_to)
						SELECT id, institution_id, department_id, mentee_id, :h, :from, :to FROM mentorships WHERE id = :m""")
					.param("m", mentorship).param("h", week == 1 ? "HEALTHY" : "STALLED")
					.param("from", java.time.LocalDateTime.now().minusDays(week == 1 ? 40 : 20))
					.param("to", week == 1 ? java.time.LocalDateTime.now().minusDays(20) : null).update();
			}
			for (String[] session : new String[][] { { "COMPLETED", "-7" }, { "CONFIRMED", "3" },
					{ "REQUESTED", "5" } }) {
				long id = session(mentorship, other, session[0], Integer.parseInt(session[1]));
				this.jdbc.sql("""
						INSERT INTO action_items (session_id, assigned_to_id, created_by_id, title, status)
						VALUES (:s, :to, :by, 'Read the chapter', 'PENDING')""")
					.param("s", id)
					.param("to", other.id())
					.param("by", this.mentor.id())
					.update();
			}
			for (Account owner : List.of(other, this.mentee)) {
				this.jdbc.sql("""
						INSERT INTO goals (student_id, title, category, status, progress_pct, created_by_id)
						VALUES (:s, 'Finish the project', 'SKILL', 'IN_PROGRESS', 40, :s)""")
					.param("s", owner.id())
					.update();
				this.jdbc.sql("""
						INSERT INTO goal_updates (goal_id, noted_by_id, note, progress_pct, status)
						SELECT id, student_id, 'Halfway there', 40, 'IN_PROGRESS' FROM goals WHERE student_id = :s""")
					.param("s", owner.id())
					.update();
			}
			learning(other);
			alert(other);
			alert(this.mentee);
			session(this.jdbc.sql("SELECT id FROM mentorships WHERE mentee_id = :e").param("e", this.mentee.id())
				.query(Long.class).single(), this.mentee, "CONFIRMED", 10 + this.planted);
			// Files of the goal, of each of its updates, of the session and of the mentorship, by both people.
			for (Long update : this.jdbc.sql("""
					SELECT u.id FROM goal_updates u WHERE u.goal_id = :g
					  AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.related_type = 'GOAL_UPDATE' AND a.related_id = u.id)""")
				.param("g", this.goal)
				.query(Long.class)
				.list()) {
				TestFiles.plant(this.jdbc, "GOAL_UPDATE", update, this.college.id(), other.id(), "update.pdf",
						"application/pdf", TestDocuments.pdf("update"));
			}
			for (Account uploader : List.of(this.mentor, this.mentee)) {
				TestFiles.plant(this.jdbc, "GOAL", this.goal, this.college.id(), uploader.id(), "goal.pdf",
						"application/pdf", TestDocuments.pdf("goal"));
				TestFiles.plant(this.jdbc, "SESSION", this.session, this.college.id(), uploader.id(), "agenda.pdf",
						"application/pdf", TestDocuments.pdf("session"));
				TestFiles.plant(this.jdbc, "MENTORSHIP", this.mentorship, this.college.id(), uploader.id(), "plan.pdf",
						"application/pdf", TestDocuments.pdf("mentorship"));
			}
			for (Account who : List.of(this.mentor, this.mentee, this.coordinator, this.admin)) {
				this.jdbc.sql("INSERT INTO notifications (user_id, type, title, body) VALUES (:u, 'INFO', 'Hello', 'Body')")
					.param("u", who.id())
					.update();
				this.jdbc.sql("""
						INSERT INTO notifications (user_id, type, title, body, payload, link_url, delivery, read_at)
						VALUES (:u, 'SESSION_CONFIRMED', 'Session confirmed', 'Body', '{"sessionId":1}', '/sessions',
						        'DIGEST', CURRENT_TIMESTAMP)""")
					.param("u", who.id())
					.update();
			}
			privacy(other);
			wellbeing(other, mentorship);
			this.jdbc.sql("""
					INSERT INTO audit_logs (institution_id, user_id, action, entity, entity_id)
					VALUES (:i, :u, 'PROFILE_UPDATED', 'USER', :e)""")
				.param("i", this.college.id())
				.param("u", other.id())
				.param("e", String.valueOf(other.id()))
				.update();
		}
	}

	/**
	 * The privacy pages' rows: the other student's erasure request (the administrators' list), a download of
	 * the mentor's data with its job, and a read of the mentee's education record by the other student (her
	 * disclosure log).
	 */
	private void privacy(Account other) {
		this.jdbc.sql("""
				INSERT INTO privacy_erasure_requests (user_id, institution_id, status, reason, requested_at, eligible_at)
				VALUES (:u, :i, 'PENDING', 'Leaving', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
			.param("u", other.id())
			.param("i", this.college.id())
			.update();
		this.jdbc.sql("""
				INSERT INTO privacy_exports (user_id, status, size_bytes, created_at, ready_at, downloaded_at)
				VALUES (:u, 'DOWNLOADED', 100, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
			.param("u", this.mentor.id())
			.update();
		this.jdbc.sql("""
				INSERT INTO platform_jobs (kind, subject_id, submitted_by, state, done_count, total_count, created_at)
				SELECT 'privacy.export', MAX(id), :u, 'SUCCEEDED', 1, 1, CURRENT_TIMESTAMP FROM privacy_exports
				WHERE user_id = :u""")
			.param("u", this.mentor.id())
			.update();
		this.jdbc.sql("""
				INSERT INTO audit_logs (institution_id, user_id, subject_user_id, action, entity, entity_id)
				VALUES (:i, :u, :s, 'GOAL_READ', 'goal', :e)""")
			.param("i", this.college.id())
			.param("u", other.id())
			.param("s", this.mentee.id())
			.param("e", String.valueOf(this.goal))
			.update();
	}

	/**
	 * The new mother's home: a milestone, a support group she joined, and a leave-coverage request covered by
	 * the other student, the leave having handed over one of her mentees.
	 */
	private void wellbeing(Account other, long mentorship) {
		java.time.LocalDate start = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(10L * this.planted);
		long request = org.mentorhub.wellbeing.coverage.CoverageFixtures.request(this.jdbc, this.newMother.id(),
				other.id(), "ACCEPTED", start, start.plusDays(5), "Handover", false, true);
		this.jdbc.sql("""
				INSERT INTO proxy_request_mentorships (request_id, mentorship_id, mentor_id, mentee_id)
				VALUES (:r, :m, :mother, :mentee)""")
			.param("r", request).param("m", mentorship).param("mother", this.newMother.id()).param("mentee", other.id())
			.update();
		this.jdbc.sql("""
				INSERT INTO milestone_logs (user_id, type, title, milestone_date) VALUES (:u, 'OTHER', 'A milestone', :d)""")
			.param("u", this.newMother.id()).param("d", start)
			.update();
		org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO support_groups (institution_id, name, member_count) VALUES (:i, :n, 1)")
			.param("i", this.college.id()).param("n", "Group " + this.planted + " " + TestInstitutions.unique())
			.update(keys, "id");
		this.jdbc.sql("INSERT INTO group_memberships (user_id, group_id, role, status) VALUES (:u, :g, 'MEMBER', 'ACTIVE')")
			.param("u", this.newMother.id()).param("g", keys.getKeyAs(Number.class).longValue())
			.update();
	}

	/**
	 * A published path of three modules and a draft, followed by this mentee and the other one (one module
	 * done each), and recommended to the other one by the mentor.
	 */
	private void learning(Account other) {
		org.mentorhub.learning.LearningFixtures.Planted path = org.mentorhub.learning.LearningFixtures.path(this.jdbc,
				this.college.id(), "Path " + this.planted, true, 3);
		org.mentorhub.learning.LearningFixtures.path(this.jdbc, this.college.id(), "Draft " + this.planted, false, 1);
		for (Account learner : List.of(other, this.mentee)) {
			org.mentorhub.learning.LearningFixtures.enrol(this.jdbc, learner.id(), path, 1);
		}
		this.jdbc.sql("INSERT INTO learning_recommendations (path_id, mentor_id, mentee_id, note) VALUES (:p, :m, :e, 'Try')")
			.param("p", path.id())
			.param("m", this.mentor.id())
			.param("e", other.id())
			.update();
	}

	/** An open alert about the student, raised by the coordinator and owned by the mentor, with its history. */
	private long alert(Account student) {
		long id = org.mentorhub.alert.AlertFixtures.alert(this.jdbc, student.id(), this.coordinator.id(), this.mentor.id(),
				"Missed two lectures");
		this.jdbc.sql("""
				INSERT INTO alert_events (alert_id, actor_id, from_status, to_status, note)
				VALUES (:a, :m, 'OPEN', 'OPEN', 'Called the student')""")
			.param("a", id)
			.param("m", this.mentor.id())
			.update();
		return id;
	}

	private long session(long mentorship, Account mentee, String status, int days) {
		this.planted++;
		String uid = "q" + this.planted + "-" + TestInstitutions.unique() + "@test";
		this.jdbc.sql("""
				INSERT INTO mentoring_sessions (mentorship_id, mentor_id, mentee_id, title, scheduled_at, status, ical_uid)
				VALUES (:m, :mentor, :mentee, :title, :at, :status, :uid)""")
			.param("m", mentorship)
			.param("mentor", this.mentor.id())
			.param("mentee", mentee.id())
			.param("title", "Session " + this.planted)
			.param("at", java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusDays(days).withNano(0))
			.param("status", status)
			.param("uid", uid)
			.update();
		return this.jdbc.sql("SELECT id FROM mentoring_sessions WHERE ical_uid = :uid")
			.param("uid", uid)
			.query(Long.class)
			.single();
	}

}
