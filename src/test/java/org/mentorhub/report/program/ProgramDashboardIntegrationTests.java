package org.mentorhub.report.program;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.StatementCounter;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.report.program.ProgramReport.ProgramCount;
import org.mentorhub.report.program.ProgramReport.ProgramRating;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.mentorhub.TestInstitutions.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The program dashboard against planted data in a university of the test's own (departments CS, BUS
 * and LAW) beside another institution whose rows must never count. Every figure's expected value is
 * worked out here from the planted records, independently of the SQL, for the administrator (the
 * whole institution) and for the CS coordinator (CS alone). The period is 2026-01-01 to 2026-03-31
 * (90 days); the previous period 2025-10-03 to 2025-12-31.
 */
@MentorHubIntegrationTest
class ProgramDashboardIntegrationTests {

	static final LocalDate FROM = LocalDate.of(2026, 1, 1);

	static final LocalDate TO = LocalDate.of(2026, 3, 31);

	static final LocalDate PREVIOUS = LocalDate.of(2025, 10, 3);

	static final String PERIOD = "from=2026-01-01&to=2026-03-31";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	TestInstitution college;

	TestInstitution elsewhere;

	Account admin;

	Account coordinator;

	Account lawCoordinator;

	Account mentor;

	Account mentee;

	record PlantedMentorship(long id, String department, long menteeId, String status, LocalDateTime created,
			LocalDateTime assigned, LocalDateTime ended, String reason) {
	}

	record PlantedSession(long id, String department, long mentorId, LocalDateTime at, String status,
			String attendance, LocalDateTime created, LocalDateTime confirmed) {
	}

	record PlantedRating(String department, long mentorId, LocalDateTime sessionAt, int rating) {
	}

	record PlantedGoal(String department, String status, int progress) {
	}

	record PlantedPath(String department, LocalDateTime started, LocalDateTime completed) {
	}

	record PlantedAlert(String department, LocalDateTime opened, LocalDateTime closed, String status,
			boolean escalated) {
	}

	final List<PlantedMentorship> mentorships = new ArrayList<>();

	final List<PlantedSession> sessions = new ArrayList<>();

	final List<PlantedRating> ratings = new ArrayList<>();

	final List<PlantedGoal> goals = new ArrayList<>();

	final List<PlantedPath> paths = new ArrayList<>();

	final List<PlantedAlert> alerts = new ArrayList<>();

	/** Sessions planted with a mode other than the column's default, ONLINE. */
	final Map<Long, String> sessionModes = new java.util.HashMap<>();

	record PlantedHealth(String department, String health) {
	}

	final List<PlantedHealth> health = new ArrayList<>();

	/** An interval of relationship_health_history: a mentorship's health from {@code from} until {@code to} (null: now). */
	record PlantedInterval(String department, long menteeId, String health, LocalDateTime from, LocalDateTime to) {
	}

	final List<PlantedInterval> intervals = new ArrayList<>();

	Map<Long, String> mentorNames;

	long pathId;

	@BeforeEach
	void plant() {
		String t = unique();
		this.college = aUniversity().named("Program University " + t)
			.withDepartment("CS", "Computer Science " + t)
			.withDepartment("BUS", "Business " + t)
			.withDepartment("LAW", "Law " + t)
			.build(this.jdbc);
		this.elsewhere = aUniversity().named("Elsewhere " + t).withDepartment("CS").build(this.jdbc);
		this.admin = this.college.anAdmin().create(this.jdbc);
		this.coordinator = this.college.aCoordinator().inDepartment("CS").create(this.jdbc);
		this.lawCoordinator = this.college.aCoordinator().inDepartment("LAW").create(this.jdbc);

		Account mA = mentor("CS", "Ada Mentor " + t, 2, 2);
		Account mB = mentor("CS", "Bea Mentor " + t, 3, 1);
		Account mC = mentor("CS", "Cy Mentor " + t, 1, 1);
		Account mD = mentor("BUS", "Dee Mentor " + t, 1, 1);
		Account mL = mentor("LAW", "Lee Mentor " + t, 2, 1);
		this.mentor = mA;
		this.mentorNames = Map.of(mA.id(), "Ada Mentor " + t, mB.id(), "Bea Mentor " + t, mC.id(), "Cy Mentor " + t,
				mD.id(), "Dee Mentor " + t, mL.id(), "Lee Mentor " + t);
		Account s1 = student("CS", true);
		Account s2 = student("CS", true);
		Account s3 = student("CS", false);
		Account s4 = student("CS", false);
		Account s5 = student("CS", false);
		Account s6 = student("CS", false);
		Account b1 = student("BUS", true);
		Account b2 = student("BUS", false);
		Account b3 = student("BUS", false);
		Account l1 = student("LAW", false);
		this.mentee = s1;
		onboarded(mA);

		long p1 = mentorship(mA, s1, "CS", "ACTIVE", at(2026, 1, 2, 0), at(2026, 1, 5, 0), null, null);
		long p2 = mentorship(mA, s2, "CS", "ACTIVE", at(2026, 1, 10, 0), at(2026, 1, 20, 12), null, null);
		long p3 = mentorship(mB, s3, "CS", "ENDED", at(2025, 11, 1, 0), at(2025, 11, 5, 0), at(2026, 2, 10, 9), "Graduated");
		long p4 = mentorship(mC, s4, "CS", "ENDED", at(2026, 1, 1, 0), at(2026, 2, 1, 0), at(2026, 3, 15, 0), "Graduated");
		mentorship(mB, s5, "CS", "REQUESTED", at(2026, 3, 1, 0), null, null, null);
		mentorship(mC, s6, "CS", "ENDED", at(2025, 10, 10, 0), at(2025, 10, 12, 0), at(2025, 12, 20, 0), "Graduated");
		long q1 = mentorship(mD, b1, "BUS", "ACTIVE", at(2026, 1, 3, 0), at(2026, 1, 4, 6), null, null);
		mentorship(mD, b2, "BUS", "ENDED", at(2026, 1, 5, 0), at(2026, 1, 6, 0), at(2026, 2, 20, 0), "Graduated");
		mentorship(mD, b3, "BUS", "PROPOSED", at(2026, 2, 1, 0), null, null, null);
		long l = mentorship(mL, l1, "LAW", "ACTIVE", at(2025, 12, 30, 0), at(2026, 1, 2, 0), null, null);

		rated(session(p1, "CS", mA, s1, at(2026, 1, 6, 10), "COMPLETED", "PRESENT"), s1, 5);
		rated(session(p1, "CS", mA, s1, at(2026, 1, 13, 10), "COMPLETED", "LATE"), s1, 4);
		rated(session(p1, "CS", mA, s1, at(2026, 1, 20, 10), "COMPLETED", "ABSENT"), s1, 3);
		session(p1, "CS", mA, s1, at(2026, 2, 3, 10), "CANCELLED", null);
		rated(session(p2, "CS", mA, s2, at(2026, 2, 10, 10), "COMPLETED", "PRESENT"), s2, 5);
		session(p2, "CS", mA, s2, at(2026, 3, 30, 23), "CONFIRMED", null);
		rated(session(p3, "CS", mB, s3, at(2025, 12, 1, 10), "COMPLETED", "PRESENT"), s3, 1);
		session(p3, "CS", mB, s3, at(2025, 12, 8, 10), "COMPLETED", "ABSENT");
		session(p3, "CS", mB, s3, at(2025, 1, 8, 10), "COMPLETED", "ABSENT");
		rated(session(p4, "CS", mC, s4, at(2026, 2, 5, 10), "COMPLETED", "PRESENT"), s4, 1);
		rated(session(p4, "CS", mC, s4, at(2026, 2, 12, 10), "COMPLETED", "PRESENT"), s4, 2);
		rated(session(q1, "BUS", mD, b1, at(2026, 1, 7, 10), "COMPLETED", "PRESENT"), b1, 2);
		rated(session(q1, "BUS", mD, b1, at(2026, 1, 14, 10), "COMPLETED", "ABSENT"), b1, 3);
		rated(session(q1, "BUS", mD, b1, at(2026, 1, 21, 10), "COMPLETED", "PRESENT"), b1, 4);
		rated(session(l, "LAW", mL, l1, at(2026, 1, 9, 10), "COMPLETED", "PRESENT"), l1, 5);
		rated(session(l, "LAW", mL, l1, at(2026, 1, 16, 10), "COMPLETED", "ABSENT"), l1, 4);

		goal(s1, "CS", "IN_PROGRESS", 40);
		goal(s2, "CS", "IN_PROGRESS", 60);
		goal(s3, "CS", "COMPLETED", 100);
		goal(b1, "BUS", "NOT_STARTED", 0);

		this.pathId = path(this.college.id());
		progress(s1, "CS", at(2026, 1, 10, 0), at(2026, 2, 1, 0));
		progress(s2, "CS", at(2025, 12, 15, 0), at(2026, 1, 15, 0));
		progress(b1, "BUS", at(2026, 3, 1, 0), null);

		alert(s1, "CS", at(2026, 1, 10, 0), at(2026, 1, 11, 0), "RESOLVED", false);
		alert(s2, "CS", at(2026, 1, 12, 0), at(2026, 1, 14, 0), "DISMISSED", false);
		alert(s3, "CS", at(2026, 2, 1, 0), at(2026, 2, 1, 6), "RESOLVED", false);
		alert(s4, "CS", at(2026, 3, 1, 0), null, "OPEN", true);
		alert(s5, "CS", at(2025, 12, 1, 0), null, "OPEN", false);
		alert(b1, "BUS", at(2026, 1, 5, 0), at(2026, 1, 6, 0), "RESOLVED", false);

		// Re-matches: a mentorship started whose mentee had an earlier one in the institution that had ended.
		// CS: s6 (ended in December), s3 (p3 ended 10 February) and b2 (a BUS mentorship ended 20 February; the
		// history is the institution's). Not one: s1's p1, started before s1's other mentorship ended. LAW: l1
		// once (hidden). BUS: b3 once in the previous period (hidden).
		mentorship(mB, s6, "CS", "ACTIVE", at(2026, 1, 5, 0), at(2026, 1, 15, 0), null, null);
		mentorship(mC, s3, "CS", "ACTIVE", at(2026, 2, 15, 0), at(2026, 3, 1, 0), null, null);
		mentorship(mA, b2, "CS", "ACTIVE", at(2026, 2, 25, 0), at(2026, 3, 5, 0), null, null);
		mentorship(mB, s1, "CS", "ENDED", at(2025, 12, 1, 0), at(2025, 12, 2, 0), at(2026, 2, 1, 0), null);
		mentorship(mL, l1, "LAW", "ENDED", at(2025, 9, 1, 0), at(2025, 9, 2, 0), at(2025, 10, 5, 0), null);
		mentorship(mD, b3, "BUS", "ENDED", at(2025, 9, 1, 0), at(2025, 9, 5, 0), at(2025, 10, 1, 0), null);
		mentorship(mD, b3, "BUS", "ENDED", at(2025, 10, 20, 0), at(2025, 11, 1, 0), at(2025, 12, 1, 0), null);

		// Request to confirmation: CS 12, 48 and 6 hours in the period and 24 before it; BUS 24 hours; a session
		// confirmed before the time was kept (none) and one never confirmed do not count.
		confirmedSession(p2, "CS", mA, s2, at(2026, 3, 2, 10), "COMPLETED", "PRESENT", at(2026, 2, 20, 8), at(2026, 2, 20, 20));
		confirmedSession(p2, "CS", mA, s2, at(2026, 3, 9, 10), "COMPLETED", "PRESENT", at(2026, 2, 25, 0), at(2026, 2, 27, 0));
		confirmedSession(p1, "CS", mA, s1, at(2026, 3, 16, 10), "CONFIRMED", null, at(2026, 3, 1, 0), at(2026, 3, 1, 6));
		confirmedSession(p3, "CS", mB, s3, at(2025, 11, 20, 10), "COMPLETED", "PRESENT", at(2025, 11, 10, 0), at(2025, 11, 11, 0));
		confirmedSession(p1, "CS", mA, s1, at(2026, 3, 23, 10), "CONFIRMED", null, at(2026, 3, 2, 0), null);
		confirmedSession(q1, "BUS", mD, b1, at(2026, 2, 2, 10), "COMPLETED", "PRESENT", at(2026, 1, 25, 0), at(2026, 1, 26, 0));

		// Modes: two CS sessions in person, one BUS session by phone; the rest ONLINE (the column's default).
		mode(this.sessions.get(0), "IN_PERSON");
		mode(this.sessions.get(4), "IN_PERSON");
		mode(this.sessions.get(11), "PHONE");

		// Relationship health as the job left it: CS p1 healthy, p2 stalled; BUS q1 at risk; LAW l healthy.
		health(p1, "CS", mA, s1, "HEALTHY");
		health(p2, "CS", mA, s2, "STALLED");
		health(q1, "BUS", mD, b1, "AT_RISK");
		health(l, "LAW", mL, l1, "HEALTHY");

		// Their history as the job kept it, across both periods; an interval ending exactly at a week's end
		// (Monday 00:00) does not count at that end, one starting then does.
		interval(p1, "CS", s1, "HEALTHY", at(2025, 11, 1, 0), at(2026, 1, 12, 0));
		interval(p1, "CS", s1, "AT_RISK", at(2026, 1, 12, 0), at(2026, 2, 20, 10));
		interval(p1, "CS", s1, "STALLED", at(2026, 2, 20, 10), null);
		interval(p2, "CS", s2, "HEALTHY", at(2026, 1, 20, 12), null);
		interval(p3, "CS", s3, "AT_RISK", at(2025, 11, 5, 0), at(2025, 12, 1, 8));
		interval(p3, "CS", s3, "HEALTHY", at(2025, 12, 1, 8), at(2026, 2, 10, 9));
		interval(q1, "BUS", b1, "AT_RISK", at(2026, 1, 4, 6), at(2026, 3, 1, 0));
		interval(q1, "BUS", b1, "HEALTHY", at(2026, 3, 1, 0), null);
		interval(l, "LAW", l1, "HEALTHY", at(2026, 1, 2, 0), null);

		plantElsewhere();
	}

	void mode(PlantedSession session, String mode) {
		this.jdbc.sql("UPDATE mentoring_sessions SET mode = :m WHERE id = :id").param("m", mode)
			.param("id", session.id()).update();
		this.sessionModes.put(session.id(), mode);
	}

	void health(long mentorship, String department, Account mentor, Account mentee, String health) {
		this.jdbc.sql("""
				INSERT INTO relationship_health (mentorship_id, institution_id, department_id, mentor_id, mentee_id, health,
				                                 reasons, computed_at)
				VALUES (:id, :i, :d, :m, :e, :h, 'Planted', :at)""")
			.param("id", mentorship).param("i", this.college.id()).param("d", this.college.department(department))
			.param("m", mentor.id()).param("e", mentee.id()).param("h", health).param("at", at(2026, 3, 30, 0))
			.update();
		this.health.add(new PlantedHealth(department, health));
	}

	void interval(long mentorship, String department, Account mentee, String health, LocalDateTime from,
			LocalDateTime to) {
		this.jdbc.sql("""
				INSERT INTO relationship_health_history (mentorship_id, institution_id, department_id, mentee_id, health,
				                                         valid_from, valid_to)
				VALUES (:id, :i, :d, :e, :h, :f, :t)""")
			.param("id", mentorship).param("i", this.college.id()).param("d", this.college.department(department))
			.param("e", mentee.id()).param("h", health).param("f", from).param("t", to)
			.update();
		this.intervals.add(new PlantedInterval(department, mentee.id(), health, from, to));
	}

	/** Rows of another institution, in the same period: they must never count. */
	void plantElsewhere() {
		Account m = this.elsewhere.aMentor().inDepartment("CS").withMentorProfile(1).create(this.jdbc);
		Account s = this.elsewhere.aStudent().inDepartment("CS").create(this.jdbc);
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO mentorships (institution_id, department_id, mentor_id, mentee_id, status, created_at, assigned_at)
				VALUES (:i, :d, :m, :e, 'ACTIVE', :c, :c)""")
			.param("i", this.elsewhere.id()).param("d", this.elsewhere.department("CS")).param("m", m.id())
			.param("e", s.id()).param("c", at(2026, 1, 15, 0)).update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		this.jdbc.sql("""
				INSERT INTO relationship_health_history (mentorship_id, institution_id, department_id, mentee_id, health,
				                                         valid_from)
				VALUES (:id, :i, :d, :e, 'STALLED', :f)""")
			.param("id", id).param("i", this.elsewhere.id()).param("d", this.elsewhere.department("CS"))
			.param("e", s.id()).param("f", at(2025, 9, 1, 0)).update();
		this.jdbc.sql("""
				INSERT INTO relationship_health (mentorship_id, institution_id, department_id, mentor_id, mentee_id, health,
				                                 reasons, computed_at)
				VALUES (:id, :i, :d, :m, :e, 'STALLED', 'Elsewhere', :at)""")
			.param("id", id).param("i", this.elsewhere.id()).param("d", this.elsewhere.department("CS"))
			.param("m", m.id()).param("e", s.id()).param("at", at(2026, 3, 30, 0)).update();
		for (int i = 0; i < 3; i++) {
			long session = insertSession(id, m, s, at(2026, 1, 20 + i, 10), "COMPLETED", "ABSENT", at(2026, 1, 1, 0),
					at(2026, 1, 10 + i, 0));
			insertRating(session, s, m, 1);
		}
		// The mentee's ended mentorship makes the active one and three more re-matches: none counts here.
		this.jdbc.sql("""
				INSERT INTO mentorships (institution_id, department_id, mentor_id, mentee_id, status, created_at, assigned_at,
				                         ended_at)
				VALUES (:i, :d, :m, :e, 'ENDED', :c, :c, :x)""")
			.param("i", this.elsewhere.id()).param("d", this.elsewhere.department("CS")).param("m", m.id())
			.param("e", s.id()).param("c", at(2025, 10, 1, 0)).param("x", at(2025, 12, 1, 0)).update();
		for (int i = 0; i < 3; i++) {
			this.jdbc.sql("""
					INSERT INTO mentorships (institution_id, department_id, mentor_id, mentee_id, status, created_at, assigned_at)
					VALUES (:i, :d, :m, :e, 'ACTIVE', :c, :c)""")
				.param("i", this.elsewhere.id()).param("d", this.elsewhere.department("CS")).param("m", m.id())
				.param("e", s.id()).param("c", at(2026, 2, 1 + i, 0)).update();
		}
		this.jdbc.sql("INSERT INTO goals (student_id, title, status, progress_pct) VALUES (:s, 'Elsewhere', 'AT_RISK', 10)")
			.param("s", s.id()).update();
		this.jdbc.sql("""
				INSERT INTO alerts (institution_id, student_id, severity, category, message, status, created_at)
				VALUES (:i, :s, 'WARN', 'OTHER', 'Elsewhere', 'OPEN', :c)""")
			.param("i", this.elsewhere.id()).param("s", s.id()).param("c", at(2026, 1, 20, 0)).update();
	}

	// --- planting -------------------------------------------------------------------------------

	static LocalDateTime at(int year, int month, int day, int hour) {
		return LocalDateTime.of(year, month, day, hour, 0);
	}

	Account mentor(String department, String name, int max, int current) {
		Account account = this.college.aMentor().inDepartment(department).named(name).create(this.jdbc);
		this.jdbc.sql("INSERT INTO mentor_profiles (user_id, max_mentees, current_mentee_count) VALUES (:u, :max, :c)")
			.param("u", account.id()).param("max", max).param("c", current).update();
		return account;
	}

	Account student(String department, boolean onboarded) {
		Account account = this.college.aStudent().inDepartment(department).create(this.jdbc);
		if (onboarded) {
			onboarded(account);
		}
		return account;
	}

	void onboarded(Account account) {
		this.jdbc.sql("INSERT INTO user_profiles (user_id, onboarding_status, onboarding_step) VALUES (:u, 'COMPLETED', 4)")
			.param("u", account.id()).update();
	}

	long mentorship(Account mentor, Account mentee, String department, String status, LocalDateTime created,
			LocalDateTime assigned, LocalDateTime ended, String reason) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO mentorships (institution_id, department_id, mentor_id, mentee_id, status, created_at,
				                         assigned_at, ended_at, end_reason)
				VALUES (:i, :d, :m, :e, :s, :c, :a, :x, :r)""")
			.param("i", this.college.id()).param("d", this.college.department(department)).param("m", mentor.id())
			.param("e", mentee.id()).param("s", status).param("c", created).param("a", assigned)
			.param("x", ended).param("r", reason)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		this.mentorships.add(new PlantedMentorship(id, department, mentee.id(), status, created, assigned, ended, reason));
		return id;
	}

	PlantedSession session(long mentorship, String department, Account mentor, Account mentee, LocalDateTime at,
			String status, String attendance) {
		return confirmedSession(mentorship, department, mentor, mentee, at, status, attendance, at.minusDays(7), null);
	}

	/** A session asked for ({@code created}) and first confirmed ({@code confirmed}, null: never) at these times. */
	PlantedSession confirmedSession(long mentorship, String department, Account mentor, Account mentee,
			LocalDateTime at, String status, String attendance, LocalDateTime created, LocalDateTime confirmed) {
		long id = insertSession(mentorship, mentor, mentee, at, status, attendance, created, confirmed);
		PlantedSession session = new PlantedSession(id, department, mentor.id(), at, status, attendance, created,
				confirmed);
		this.sessions.add(session);
		return session;
	}

	long insertSession(long mentorship, Account mentor, Account mentee, LocalDateTime at, String status,
			String attendance) {
		return insertSession(mentorship, mentor, mentee, at, status, attendance, at.minusDays(7), null);
	}

	long insertSession(long mentorship, Account mentor, Account mentee, LocalDateTime at, String status,
			String attendance, LocalDateTime created, LocalDateTime confirmed) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO mentoring_sessions (mentorship_id, mentor_id, mentee_id, title, scheduled_at, status, attendance,
				                                created_at, confirmed_at)
				VALUES (:p, :m, :e, 'Planted session', :at, :s, :a, :c, :x)""")
			.param("p", mentorship).param("m", mentor.id()).param("e", mentee.id()).param("at", at)
			.param("s", status).param("a", attendance).param("c", created).param("x", confirmed)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void rated(PlantedSession session, Account giver, int rating) {
		insertRating(session.id(), giver, null, rating);
		this.ratings.add(new PlantedRating(session.department(), session.mentorId(), session.at(), rating));
	}

	void insertRating(long session, Account giver, Account recipient, int rating) {
		this.jdbc.sql("""
				INSERT INTO session_feedback (session_id, giver_id, recipient_id, type, rating)
				VALUES (:s, :g, :r, 'MENTEE_TO_MENTOR', :rating)""")
			.param("s", session).param("g", giver.id()).param("r", recipient == null ? null : recipient.id())
			.param("rating", rating).update();
	}

	void goal(Account student, String department, String status, int progress) {
		this.jdbc.sql("INSERT INTO goals (student_id, title, status, progress_pct) VALUES (:s, 'Planted goal', :st, :p)")
			.param("s", student.id()).param("st", status).param("p", progress).update();
		this.goals.add(new PlantedGoal(department, status, progress));
	}

	long path(long institution) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO learning_paths (institution_id, title, category, is_published) VALUES (:i, 'Path', 'CAREER', TRUE)")
			.param("i", institution).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void progress(Account user, String department, LocalDateTime started, LocalDateTime completed) {
		this.jdbc.sql("""
				INSERT INTO user_learning_progress (user_id, path_id, progress_pct, started_at, completed_at)
				VALUES (:u, :p, :pct, :s, :c)""")
			.param("u", user.id()).param("p", this.pathId).param("pct", completed == null ? 10 : 100)
			.param("s", started).param("c", completed).update();
		this.paths.add(new PlantedPath(department, started, completed));
	}

	void alert(Account student, String department, LocalDateTime opened, LocalDateTime closed, String status,
			boolean escalated) {
		this.jdbc.sql("""
				INSERT INTO alerts (institution_id, student_id, severity, category, message, status, created_at, closed_at,
				                    escalated_at)
				VALUES (:i, :s, 'WARN', 'OTHER', 'Planted alert', :st, :o, :c, :e)""")
			.param("i", this.college.id()).param("s", student.id()).param("st", status).param("o", opened)
			.param("c", closed).param("e", escalated ? opened.plusDays(2) : null).update();
		this.alerts.add(new PlantedAlert(department, opened, closed, status, escalated));
	}

	// --- calling --------------------------------------------------------------------------------

	RequestPostProcessor as(Account account) {
		return user(this.users.loadUserByUsername(account.email()));
	}

	ProgramReport api(Account who, String query) throws Exception {
		MvcResult result = this.mvc.perform(get("/api/v1/reports/program?" + query).with(as(who)))
			.andExpect(status().isOk())
			.andReturn();
		return this.json.readValue(result.getResponse().getContentAsString(), ProgramReport.class);
	}

	// --- expectations, worked out from the planted records ------------------------------------

	static boolean in(LocalDateTime time, LocalDate from, LocalDate to) {
		return time != null && !time.toLocalDate().isBefore(from) && !time.toLocalDate().isAfter(to);
	}

	static boolean inPeriod(LocalDateTime time) {
		return in(time, FROM, TO);
	}

	static boolean inPrevious(LocalDateTime time) {
		return in(time, PREVIOUS, FROM.minusDays(1));
	}

	static Double median(Collection<Double> values) {
		if (values.size() < 3) {
			return null;
		}
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		double m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
		return Math.round(m * 10) / 10.0;
	}

	/**
	 * Whether the mentee of this mentorship had another one in the institution (every planted one is the
	 * college's) that had ENDED by the time this one started.
	 */
	boolean rematch(PlantedMentorship m) {
		return m.assigned() != null && this.mentorships.stream().anyMatch(e -> e.id() != m.id()
				&& e.menteeId() == m.menteeId() && e.status().equals("ENDED") && e.ended() != null
				&& !e.ended().isAfter(m.assigned()));
	}

	/** A count as the dashboard shows it: one or two are hidden (null), none is 0. */
	static Long shown(long count) {
		return count == 1 || count == 2 ? null : count;
	}

	static double average(List<PlantedRating> ratings) {
		double avg = ratings.stream().mapToInt(PlantedRating::rating).average().orElse(0);
		return Math.round(avg * 10) / 10.0;
	}

	static Map<String, Long> counts(List<ProgramCount> counts) {
		return counts.stream().collect(Collectors.toMap(ProgramCount::code, ProgramCount::count));
	}

	static double hours(LocalDateTime from, LocalDateTime to) {
		return Duration.between(from, to).toSeconds() / 3600.0;
	}

	/**
	 * The planted intervals holding at the end of each week (from its Monday) of a period: the next Monday
	 * 00:00, or the day after the period if sooner; an interval holds at t when it began at t or before and
	 * had not ended by t.
	 */
	List<ProgramReport.ProgramHealthWeek> healthWeeks(LocalDate from, LocalDate to, Predicate<PlantedInterval> which) {
		List<ProgramReport.ProgramHealthWeek> weeks = new ArrayList<>();
		LocalDate monday = from.minusDays(from.getDayOfWeek().getValue() - 1);
		for (LocalDate w = monday; !w.isAfter(to); w = w.plusDays(7)) {
			LocalDateTime end = (w.plusDays(7).isAfter(to.plusDays(1)) ? to.plusDays(1) : w.plusDays(7)).atStartOfDay();
			Map<String, Long> n = this.intervals.stream()
				.filter(which)
				.filter(i -> !i.from().isAfter(end) && (i.to() == null || i.to().isAfter(end)))
				.collect(Collectors.groupingBy(PlantedInterval::health, Collectors.counting()));
			weeks.add(new ProgramReport.ProgramHealthWeek(w, end, n.getOrDefault("HEALTHY", 0L),
					n.getOrDefault("AT_RISK", 0L), n.getOrDefault("STALLED", 0L)));
		}
		return weeks;
	}

	/** Checks every figure of the report against the planted records of the departments in scope. */
	void assertFigures(ProgramReport report, Set<String> departments) {
		Predicate<String> scoped = departments::contains;

		// Mentorships.
		List<PlantedMentorship> ms = this.mentorships.stream().filter(m -> scoped.test(m.department())).toList();
		assertThat(counts(report.mentorships().byStatus()))
			.isEqualTo(ms.stream().collect(Collectors.groupingBy(PlantedMentorship::status, Collectors.counting())));
		assertThat(report.participation().menteesWaiting())
			.isEqualTo(ms.stream().filter(m -> Set.of("REQUESTED", "PROPOSED", "ACCEPTED").contains(m.status())).count());
		List<Double> matchDays = ms.stream().filter(m -> inPeriod(m.assigned()))
			.map(m -> hours(m.created(), m.assigned()) / 24).toList();
		assertThat(report.participation().matchedInPeriod()).isEqualTo(matchDays.size());
		assertThat(report.participation().medianDaysToMatch()).isEqualTo(median(matchDays));
		for (ProgramReport.ProgramMonth month : report.mentorships().perMonth()) {
			YearMonth ym = YearMonth.parse(month.month());
			assertThat(month.started()).as("started in " + ym)
				.isEqualTo(ms.stream().filter(m -> m.assigned() != null && YearMonth.from(m.assigned()).equals(ym)).count());
			assertThat(month.ended()).as("ended in " + ym)
				.isEqualTo(ms.stream().filter(m -> m.ended() != null && YearMonth.from(m.ended()).equals(ym)).count());
		}
		assertThat(report.mentorships().perMonth()).extracting(ProgramReport.ProgramMonth::month)
			.containsExactly("2026-01", "2026-02", "2026-03");
		assertThat(report.mentorships().rematches()).as("re-matches")
			.isEqualTo(shown(ms.stream().filter(m -> inPeriod(m.assigned()) && rematch(m)).count()));
		assertThat(report.mentorships().rematchesBefore()).as("re-matches before")
			.isEqualTo(shown(ms.stream().filter(m -> inPrevious(m.assigned()) && rematch(m)).count()));
		Map<String, Long> reasons = ms.stream().filter(m -> inPeriod(m.ended()) && m.reason() != null)
			.collect(Collectors.groupingBy(PlantedMentorship::reason, Collectors.counting()));
		reasons.values().removeIf(n -> n < 3);
		assertThat(counts(report.mentorships().endReasons())).isEqualTo(reasons);
		Map<String, Long> health = new java.util.HashMap<>(Map.of("HEALTHY", 0L, "AT_RISK", 0L, "STALLED", 0L));
		this.health.stream().filter(h -> scoped.test(h.department())).forEach(h -> health.merge(h.health(), 1L, Long::sum));
		assertThat(counts(report.mentorships().health())).as("relationship health now").isEqualTo(health);
		assertThat(report.mentorships().healthPerWeek()).as("relationship health per week")
			.isEqualTo(healthWeeks(FROM, TO, i -> scoped.test(i.department())));
		assertThat(report.mentorships().healthPerWeekBefore()).as("relationship health per week before")
			.isEqualTo(healthWeeks(PREVIOUS, FROM.minusDays(1), i -> scoped.test(i.department())));

		// Sessions.
		List<PlantedSession> ss = this.sessions.stream().filter(s -> scoped.test(s.department()) && inPeriod(s.at())).toList();
		assertThat(report.sessions().scheduled()).isEqualTo(ss.size());
		assertThat(counts(report.sessions().byStatus()))
			.isEqualTo(ss.stream().collect(Collectors.groupingBy(PlantedSession::status, Collectors.counting())));
		long attended = ss.stream().filter(s -> "PRESENT".equals(s.attendance()) || "LATE".equals(s.attendance())).count();
		long absent = ss.stream().filter(s -> "ABSENT".equals(s.attendance())).count();
		assertThat(report.sessions().attended()).isEqualTo(attended);
		assertThat(report.sessions().noShows()).isEqualTo(absent);
		assertThat(report.sessions().attendanceRate())
			.isEqualTo(attended + absent < 3 ? null : Math.round(1000.0 * attended / (attended + absent)) / 10.0);
		Map<String, Long> modes = new java.util.HashMap<>(Map.of("IN_PERSON", 0L, "ONLINE", 0L, "PHONE", 0L));
		ss.forEach(s -> modes.merge(this.sessionModes.getOrDefault(s.id(), "ONLINE"), 1L, Long::sum));
		assertThat(counts(report.sessions().byMode())).as("sessions by mode").isEqualTo(modes);
		assertThat(report.sessions().perWeek()).hasSize(14); // Mondays 2025-12-29 to 2026-03-30
		List<PlantedSession> scopeSessions = this.sessions.stream().filter(s -> scoped.test(s.department())).toList();
		List<Double> toConfirm = scopeSessions.stream().filter(s -> inPeriod(s.confirmed()))
			.map(s -> hours(s.created(), s.confirmed())).toList();
		assertThat(report.sessions().confirmedInPeriod()).isEqualTo(toConfirm.size());
		assertThat(report.sessions().medianHoursToConfirm()).as("median hours to confirm").isEqualTo(median(toConfirm));
		assertThat(report.sessions().medianHoursToConfirmBefore()).as("median hours to confirm before")
			.isEqualTo(median(scopeSessions.stream().filter(s -> inPrevious(s.confirmed()))
				.map(s -> hours(s.created(), s.confirmed())).toList()));
		for (ProgramReport.ProgramWeek week : report.sessions().perWeek()) {
			assertThat(week.total()).as("week of " + week.weekStart())
				.isEqualTo(ss.stream().filter(s -> !s.at().toLocalDate().isBefore(week.weekStart())
						&& s.at().toLocalDate().isBefore(week.weekStart().plusDays(7))).count());
		}

		// Feedback: only groups of three or more.
		List<PlantedRating> rs = this.ratings.stream().filter(r -> scoped.test(r.department()) && inPeriod(r.sessionAt())).toList();
		if (rs.size() < 3) {
			assertThat(report.outcomes().overallRating()).isNull();
		}
		else {
			assertThat(report.outcomes().overallRating().answers()).isEqualTo(rs.size());
			assertThat(report.outcomes().overallRating().average()).isEqualTo(average(rs));
		}
		Map<Long, List<PlantedRating>> byMentor = rs.stream().collect(Collectors.groupingBy(PlantedRating::mentorId));
		byMentor.values().removeIf(list -> list.size() < 3);
		assertThat(report.outcomes().ratingsByMentor()).extracting(ProgramRating::id)
			.containsExactlyInAnyOrderElementsOf(byMentor.keySet());
		for (ProgramRating rating : report.outcomes().ratingsByMentor()) {
			assertThat(rating.label()).isEqualTo(this.mentorNames.get(rating.id()));
			assertThat(rating.answers()).isEqualTo(byMentor.get(rating.id()).size());
			assertThat(rating.average()).isEqualTo(average(byMentor.get(rating.id())));
		}
		Map<String, List<PlantedRating>> byDepartment = rs.stream().collect(Collectors.groupingBy(PlantedRating::department));
		byDepartment.values().removeIf(list -> list.size() < 3);
		assertThat(report.outcomes().ratingsByDepartment()).extracting(ProgramRating::id)
			.containsExactlyInAnyOrderElementsOf(byDepartment.keySet().stream().map(this.college::department).toList());
		for (ProgramRating rating : report.outcomes().ratingsByDepartment()) {
			String code = this.college.departments().entrySet().stream().filter(e -> e.getValue().equals(rating.id()))
				.findFirst().orElseThrow().getKey();
			assertThat(rating.average()).isEqualTo(average(byDepartment.get(code)));
		}

		// Goals, learning, alerts.
		List<PlantedGoal> gs = this.goals.stream().filter(g -> scoped.test(g.department())).toList();
		Map<String, Long> goalCounts = gs.stream().collect(Collectors.groupingBy(PlantedGoal::status, Collectors.counting()));
		assertThat(report.outcomes().goalsByStatus().stream()
			.collect(Collectors.toMap(ProgramReport.ProgramGoalStatus::code, ProgramReport.ProgramGoalStatus::goals)))
			.isEqualTo(goalCounts);
		for (ProgramReport.ProgramGoalStatus g : report.outcomes().goalsByStatus()) {
			double avg = gs.stream().filter(p -> p.status().equals(g.code())).mapToInt(PlantedGoal::progress).average().orElse(0);
			assertThat(g.averageProgress()).isEqualTo(Math.round(avg * 10) / 10.0);
		}
		List<PlantedPath> ps = this.paths.stream().filter(p -> scoped.test(p.department())).toList();
		assertThat(report.outcomes().pathsStarted()).isEqualTo(ps.stream().filter(p -> inPeriod(p.started())).count());
		assertThat(report.outcomes().pathsCompleted()).isEqualTo(ps.stream().filter(p -> inPeriod(p.completed())).count());
		List<PlantedAlert> as = this.alerts.stream().filter(a -> scoped.test(a.department())).toList();
		assertThat(report.outcomes().alertsOpened()).isEqualTo(as.stream().filter(a -> inPeriod(a.opened())).count());
		assertThat(report.outcomes().alertsClosed()).isEqualTo(as.stream().filter(a -> inPeriod(a.closed())).count());
		assertThat(report.outcomes().alertsOverdue())
			.isEqualTo(as.stream().filter(a -> a.escalated() && a.closed() == null).count());
		assertThat(report.outcomes().medianHoursToClose()).isEqualTo(median(as.stream()
			.filter(a -> inPeriod(a.closed())).map(a -> hours(a.opened(), a.closed())).toList()));

		// The comparison with the previous period.
		Map<String, ProgramReport.ProgramChange> changes = report.comparison().stream()
			.collect(Collectors.toMap(ProgramReport.ProgramChange::code, c -> c));
		List<PlantedSession> all = this.sessions.stream().filter(s -> scoped.test(s.department())).toList();
		assertChange(changes.get("sessionsCompleted"),
				all.stream().filter(s -> inPeriod(s.at()) && s.status().equals("COMPLETED")).count(),
				all.stream().filter(s -> inPrevious(s.at()) && s.status().equals("COMPLETED")).count());
		assertChange(changes.get("noShows"), all.stream().filter(s -> inPeriod(s.at()) && "ABSENT".equals(s.attendance())).count(),
				all.stream().filter(s -> inPrevious(s.at()) && "ABSENT".equals(s.attendance())).count());
		assertChange(changes.get("mentorshipsStarted"), ms.stream().filter(m -> inPeriod(m.assigned())).count(),
				ms.stream().filter(m -> inPrevious(m.assigned())).count());
		assertChange(changes.get("mentorshipsEnded"), ms.stream().filter(m -> inPeriod(m.ended())).count(),
				ms.stream().filter(m -> inPrevious(m.ended())).count());
		assertChange(changes.get("pathsStarted"), ps.stream().filter(p -> inPeriod(p.started())).count(),
				ps.stream().filter(p -> inPrevious(p.started())).count());
		assertChange(changes.get("alertsOpened"), as.stream().filter(a -> inPeriod(a.opened())).count(),
				as.stream().filter(a -> inPrevious(a.opened())).count());
	}

	static void assertChange(ProgramReport.ProgramChange change, long current, long previous) {
		assertThat(change.current()).as(change.code() + " now").isEqualTo(current);
		assertThat(change.previous()).as(change.code() + " before").isEqualTo(previous);
		assertThat(change.changePercent()).as(change.code() + " change")
			.isEqualTo(previous == 0 ? null : Math.round(1000.0 * (current - previous) / previous) / 10.0);
	}

	// --- tests ----------------------------------------------------------------------------------

	@Test
	void administratorsDashboardMatchesThePlantedDataOfTheWholeInstitution() throws Exception {
		ProgramReport report = api(this.admin, PERIOD);

		assertThat(report.previousFrom()).isEqualTo(PREVIOUS);
		assertThat(report.departmentId()).isNull();
		assertFigures(report, Set.of("CS", "BUS", "LAW"));
		// People by role: the admin, two coordinators, five mentors, ten students.
		assertThat(counts(report.participation().peopleByRole()))
			.isEqualTo(Map.of("ADMIN", 1L, "COORDINATOR", 2L, "MENTOR", 5L, "MENTEE", 10L));
		// Onboarded: s1, s2, b1 and the mentor Ada; at capacity: Ada (2/2), Cy (1/1), Dee (1/1).
		assertThat(report.participation().onboardingCompleted()).isEqualTo(4);
		assertThat(report.participation().mentors()).isEqualTo(5);
		assertThat(report.participation().mentorsAtCapacity()).isEqualTo(3);
		// A few figures spelled out, as a check on the checker.
		assertThat(report.outcomes().overallRating().answers()).isEqualTo(11);
		// Re-matches: s6, s3, b2 (CS) and l1 (LAW); b3's one before is hidden. Confirmation: 12, 48, 6, 24 hours.
		assertThat(report.mentorships().rematches()).isEqualTo(4);
		assertThat(report.mentorships().rematchesBefore()).isNull();
		assertThat(report.sessions().medianHoursToConfirm()).isEqualTo(18.0);
		// Graduated three times in the period (two in CS, one in BUS): shown to the administrator only.
		assertThat(report.mentorships().endReasons()).extracting(ProgramCount::label).containsExactly("Graduated");
	}

	@Test
	void coordinatorsDashboardNeverCountsAnotherDepartmentsRows() throws Exception {
		ProgramReport report = api(this.coordinator, PERIOD);

		assertThat(report.departmentId()).isEqualTo(this.college.department("CS"));
		assertFigures(report, Set.of("CS"));
		assertThat(counts(report.participation().peopleByRole()))
			.isEqualTo(Map.of("COORDINATOR", 1L, "MENTOR", 3L, "MENTEE", 6L));
		assertThat(report.participation().mentorsAtCapacity()).isEqualTo(2);
		assertThat(report.mentorships().endReasons()).isEmpty();
		// Three re-matches in CS (one of them after a BUS mentorship ended); 6, 12 and 48 hours to confirm.
		assertThat(report.mentorships().rematches()).isEqualTo(3);
		assertThat(report.mentorships().rematchesBefore()).isZero();
		assertThat(report.sessions().medianHoursToConfirm()).isEqualTo(12.0);
		assertThat(report.sessions().medianHoursToConfirmBefore()).isNull();
		assertThat(report.outcomes().ratingsByDepartment()).extracting(ProgramRating::id)
			.containsExactly(this.college.department("CS"));
		// Passing their own department is the same; an administrator narrowing to CS sees the same figures.
		assertThat(api(this.coordinator, PERIOD + "&department=" + this.college.department("CS")))
			.usingRecursiveComparison().ignoringFields("asOf").isEqualTo(report);
		ProgramReport narrowed = api(this.admin, PERIOD + "&department=" + this.college.department("CS"));
		assertFigures(narrowed, Set.of("CS"));
	}

	@Test
	void anAggregateOverFewerThanThreeAnswersIsHidden() throws Exception {
		// LAW: two ratings of one mentor, two sessions with attendance.
		ProgramReport report = api(this.lawCoordinator, PERIOD);

		assertThat(report.outcomes().overallRating()).isNull();
		assertThat(report.outcomes().ratingsByMentor()).isEmpty();
		assertThat(report.outcomes().ratingsByDepartment()).isEmpty();
		assertThat(report.sessions().attendanceRate()).isNull();
		assertThat(report.participation().medianDaysToMatch()).isNull();
		// One re-match in LAW: hidden, not 1; no session confirmed there, so no median.
		assertThat(report.mentorships().rematches()).isNull();
		assertThat(report.sessions().medianHoursToConfirm()).isNull();
		assertFigures(report, Set.of("LAW"));
		this.mvc.perform(get("/reports/program?" + PERIOD).with(as(this.lawCoordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Fewer than three ratings in this period")))
			.andExpect(content().string(containsString("<tr id=\"rematches\"><th scope=\"row\">This period</th><td class=\"text-end\">Not shown (fewer than three)</td>")))
			.andExpect(content().string(not(containsString("Lee Mentor"))));
		// The institution: Cy Mentor's two ratings stay hidden, LAW's department average too.
		ProgramReport institution = api(this.admin, PERIOD);
		assertThat(institution.outcomes().ratingsByMentor()).extracting(ProgramRating::label)
			.noneMatch(name -> name.startsWith("Cy Mentor") || name.startsWith("Lee Mentor"));
		assertThat(institution.outcomes().ratingsByDepartment()).extracting(ProgramRating::id)
			.doesNotContain(this.college.department("LAW"));
	}

	/** The figures a program kind narrows: every mentorship, session and outcome figure, and the comparison. */
	static void assertSameProgramFigures(ProgramReport narrowed, ProgramReport expected) {
		assertThat(narrowed.mentorships()).isEqualTo(expected.mentorships());
		assertThat(narrowed.sessions()).isEqualTo(expected.sessions());
		assertThat(narrowed.outcomes()).isEqualTo(expected.outcomes());
		assertThat(narrowed.comparison()).isEqualTo(expected.comparison());
		assertThat(narrowed.participation().menteesWaiting()).isEqualTo(expected.participation().menteesWaiting());
		assertThat(narrowed.participation().medianDaysToMatch()).isEqualTo(expected.participation().medianDaysToMatch());
	}

	@Test
	void aProgramKindNarrowsEveryMentorshipSessionAndOutcomeFigure() throws Exception {
		// Before any new mother, everything of this university is student mentoring.
		ProgramReport institution = api(this.admin, PERIOD);
		ProgramReport cs = api(this.coordinator, PERIOD);
		// A new mother in CS: a mentorship started in January, three sessions (one a no-show) rated 5, 5 and 4,
		// one more confirmed 10 hours after it was asked for, a goal, a learning path and an alert. One in BUS:
		// a mentorship and a no-show.
		String t = unique();
		Account mother = this.college.a(org.mentorhub.identity.RoleName.NEW_MOTHER).inDepartment("CS").create(this.jdbc);
		Account busMother = this.college.a(org.mentorhub.identity.RoleName.NEW_MOTHER).inDepartment("BUS").create(this.jdbc);
		Account nia = mentor("CS", "Nia Mentor " + t, 3, 1);
		Account bo = mentor("BUS", "Bo Mentor " + t, 3, 1);
		long p = mentorship(nia, mother, "CS", "ACTIVE", at(2026, 1, 10, 0), at(2026, 1, 12, 0), null, null);
		health(p, "CS", nia, mother, "STALLED");
		interval(p, "CS", mother, "AT_RISK", at(2025, 12, 20, 0), at(2026, 1, 26, 0));
		interval(p, "CS", mother, "STALLED", at(2026, 1, 26, 0), null);
		rated(session(p, "CS", nia, mother, at(2026, 1, 14, 10), "COMPLETED", "PRESENT"), mother, 5);
		rated(session(p, "CS", nia, mother, at(2026, 1, 21, 10), "COMPLETED", "ABSENT"), mother, 5);
		rated(session(p, "CS", nia, mother, at(2026, 1, 28, 10), "COMPLETED", "PRESENT"), mother, 4);
		confirmedSession(p, "CS", nia, mother, at(2026, 2, 4, 10), "CONFIRMED", null, at(2026, 2, 1, 0), at(2026, 2, 1, 10));
		goal(mother, "CS", "IN_PROGRESS", 50);
		progress(mother, "CS", at(2026, 2, 1, 0), null);
		alert(mother, "CS", at(2026, 2, 3, 0), at(2026, 2, 4, 0), "RESOLVED", false);
		long q = mentorship(bo, busMother, "BUS", "ACTIVE", at(2026, 1, 10, 0), at(2026, 1, 11, 0), null, null);
		session(q, "BUS", bo, busMother, at(2026, 1, 15, 10), "COMPLETED", "ABSENT");

		// Student mentoring leaves the new mothers out: the figures of before.
		ProgramReport students = api(this.admin, PERIOD + "&kind=student");
		assertThat(students.programKind()).isEqualTo("student");
		assertSameProgramFigures(students, institution);
		assertSameProgramFigures(api(this.coordinator, PERIOD + "&kind=STUDENT"), cs);

		// New-mother support in CS: hers alone, never BUS's.
		ProgramReport mothers = api(this.coordinator, PERIOD + "&kind=new-mother");
		assertThat(counts(mothers.mentorships().byStatus())).isEqualTo(Map.of("ACTIVE", 1L));
		assertThat(mothers.comparison()).filteredOn(c -> c.code().equals("mentorshipsStarted"))
			.extracting(ProgramReport.ProgramChange::current).containsExactly(1L);
		assertThat(mothers.sessions().scheduled()).isEqualTo(4);
		assertThat(mothers.sessions().noShows()).isEqualTo(1);
		assertThat(mothers.sessions().attendanceRate()).isEqualTo(66.7);
		assertThat(mothers.sessions().confirmedInPeriod()).isEqualTo(1);
		assertThat(mothers.sessions().medianHoursToConfirm()).as("one session: hidden").isNull();
		assertThat(mothers.outcomes().overallRating().answers()).isEqualTo(3);
		assertThat(mothers.outcomes().overallRating().average()).isEqualTo(4.7);
		assertThat(mothers.outcomes().ratingsByMentor()).extracting(ProgramRating::label).containsExactly("Nia Mentor " + t);
		assertThat(mothers.outcomes().goalsByStatus()).extracting(ProgramReport.ProgramGoalStatus::goals).containsExactly(1L);
		assertThat(mothers.outcomes().pathsStarted()).isEqualTo(1);
		assertThat(mothers.outcomes().alertsOpened()).isEqualTo(1);
		assertThat(mothers.outcomes().alertsClosed()).isEqualTo(1);
		assertThat(mothers.mentorships().rematches()).isZero();
		assertThat(counts(mothers.mentorships().health())).isEqualTo(Map.of("HEALTHY", 0L, "AT_RISK", 0L, "STALLED", 1L));
		assertThat(mothers.mentorships().healthPerWeek()).as("her health per week")
			.isEqualTo(healthWeeks(FROM, TO, i -> i.menteeId() == mother.id()));
		assertThat(mothers.mentorships().healthPerWeekBefore()).as("her health per week before")
			.isEqualTo(healthWeeks(PREVIOUS, FROM.minusDays(1), i -> i.menteeId() == mother.id()));
		assertThat(mothers.mentorships().healthPerWeek()).extracting(ProgramReport.ProgramHealthWeek::stalled)
			.contains(1L);
		// The pairs behind the figure, narrowed the same way: hers alone.
		String pairs = this.mvc.perform(get("/reports/program/health?kind=new-mother&" + PERIOD).with(as(this.coordinator)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(java.util.regex.Pattern.compile("data-mentorship=\"(\\d+)\"").matcher(pairs).results()
			.map(m -> Long.parseLong(m.group(1))).toList()).containsExactly(p);
		this.mvc.perform(get("/api/v1/reports/program/health?kind=new-mother&department=" + this.college.department("CS"))
			.with(as(this.admin))).andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.total").value(1))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.items[0].mentorshipId").value(p));
		this.mvc.perform(get("/api/v1/reports/program/health?kind=mothers").with(as(this.admin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose a kind of program")));
		assertThat(api(this.admin, PERIOD + "&kind=new-mother").sessions().noShows()).as("both departments").isEqualTo(2);

		// The sessions behind the figures and their export, narrowed the same way: her four sessions.
		List<Long> hers = this.sessions.stream().filter(x -> x.mentorId() == nia.id()).map(PlantedSession::id).sorted().toList();
		assertThat(hers).hasSize(4);
		String list = this.mvc.perform(get("/reports/program/sessions?kind=new-mother&" + PERIOD).with(as(this.coordinator)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(java.util.regex.Pattern.compile("data-session=\"(\\d+)\"").matcher(list).results()
			.map(m -> Long.parseLong(m.group(1))).toList()).containsExactlyElementsOf(hers);
		assertThat(list).contains("/reports/program/sessions/export?format=csv&amp;from=2026-01-01&amp;to=2026-03-31&amp;kind=new-mother");
		String csv = new String(download("/api/v1/reports/program/sessions/export?format=csv&kind=new-mother&" + PERIOD,
				this.coordinator), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv.lines().skip(1).map(line -> Long.parseLong(line.substring(0, line.indexOf(',')))).toList())
			.containsExactlyElementsOf(hers);
		this.mvc.perform(get("/reports/program/sessions?kind=mothers").with(as(this.coordinator)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose a kind of program")));

		// Professional development is a company's: this university has none.
		ProgramReport professional = api(this.admin, PERIOD + "&kind=professional");
		assertThat(professional.mentorships().byStatus()).isEmpty();
		assertThat(professional.sessions().scheduled()).isZero();
		assertThat(professional.outcomes().overallRating()).isNull();
		assertThat(professional.outcomes().goalsByStatus()).isEmpty();
		assertThat(professional.outcomes().pathsStarted()).isZero();
		assertThat(professional.outcomes().alertsOpened()).isZero();
		assertThat(professional.outcomes().alertsOverdue()).isZero();

		// The page says so and its dashboard exports keep the kind; an unknown kind is refused.
		this.mvc.perform(get("/reports/program?" + PERIOD + "&kind=new-mother").with(as(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Narrowed to: New-mother support")))
			.andExpect(content().string(containsString("/reports/program.pdf?from=2026-01-01&amp;to=2026-03-31&amp;department="
					+ this.college.department("CS") + "&amp;kind=new-mother")))
			.andExpect(content().string(containsString("<option value=\"new-mother\" selected=\"selected\">New-mother support</option>")));
		this.mvc.perform(get("/reports/program?kind=mothers").with(as(this.admin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose a kind of program: student, professional or new-mother.")));
		this.mvc.perform(get("/api/v1/reports/program?kind=mothers").with(as(this.admin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose a kind of program")));
		this.mvc.perform(get("/api/v1/reports/program/export?format=csv&kind=x").with(as(this.admin)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/reports/program.pdf?kind=x").with(as(this.admin)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/reports/program?kind=new-mother").with(as(this.mentor)))
			.andExpect(status().isForbidden());
	}

	@Test
	void coordinatorCannotPassAnotherDepartmentAndAdministratorCannotPassAnotherInstitutions() throws Exception {
		this.mvc.perform(get("/api/v1/reports/program?department=" + this.college.department("BUS")).with(as(this.coordinator)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/reports/program?department=" + this.college.department("BUS")).with(as(this.coordinator)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/reports/program?department=" + this.elsewhere.department("CS")).with(as(this.admin)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/reports/program/export?format=csv&department=" + this.college.department("BUS"))
			.with(as(this.coordinator))).andExpect(status().isForbidden());
	}

	@Test
	void mentorsAndMenteesAreRefused() throws Exception {
		for (Account who : List.of(this.mentor, this.mentee)) {
			this.mvc.perform(get("/reports/program").with(as(who))).andExpect(status().isForbidden());
			this.mvc.perform(get("/api/v1/reports/program").with(as(who))).andExpect(status().isForbidden());
			this.mvc.perform(get("/api/v1/reports/program/export?format=csv").with(as(who))).andExpect(status().isForbidden());
			this.mvc.perform(get("/api/v1/reports/program/sessions/export?format=xlsx").with(as(who)))
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void badPeriodsAreRefusedWithAClearMessage() throws Exception {
		this.mvc.perform(get("/reports/program?from=2026-03-01&to=2026-01-01").with(as(this.admin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The last day must not be before the first.")));
		this.mvc.perform(get("/reports/program?from=yesterday").with(as(this.admin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Enter a date as yyyy-mm-dd.")));
		this.mvc.perform(get("/api/v1/reports/program?from=2024-01-01&to=2026-01-01").with(as(this.admin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("at most 366 days")));
		this.mvc.perform(get("/api/v1/reports/program/export?format=pdf").with(as(this.admin)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/reports/program/sessions/export?format=csv&status=SOMETIMES").with(as(this.admin)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void pageShowsTheFiguresInWordsWithChartsTablesAndDrillDownLinks() throws Exception {
		String page = this.mvc.perform(get("/reports/program?" + PERIOD).with(as(this.admin)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Program dashboard", "chart.umd.min.js", "/js/program-charts", "data-charts=",
				"id=\"chart-weeks\"", "id=\"table-weeks\"", "Mentees and students", "Completed", "No-shows",
				"/reports/program/sessions?from=2026-01-01&amp;to=2026-03-31&amp;attendance=ABSENT",
				"/reports/program/sessions?from=2026-01-01&amp;to=2026-03-31&amp;status=COMPLETED",
				"/mentorships/manage?status=ACTIVE", "Ada Mentor", "Graduated", "id=\"chart-health-weeks\"",
				"id=\"table-health-weeks\"", "id=\"table-health-weeks-before\"", "Relationship health per week",
				"/reports/program/health?from=2026-01-01&amp;to=2026-03-31&amp;health=STALLED",
				"/reports/program/health?from=2026-01-01&amp;to=2026-03-31&amp;health=AT_RISK");
		assertThat(page).doesNotContain("Cy Mentor", ">MENTEE<", ">COMPLETED<");
	}

	@Test
	void sessionsListBehindAFigureHasTheScopesRowsInTheOrderOfItsExportAndIsAudited() throws Exception {
		List<PlantedSession> csNoShows = this.sessions.stream()
			.filter(s -> s.department().equals("CS") && inPeriod(s.at()) && "ABSENT".equals(s.attendance()))
			.sorted(Comparator.comparingLong(PlantedSession::id))
			.toList();
		assertThat(csNoShows).isNotEmpty();
		String page = this.mvc.perform(get("/reports/program/sessions?attendance=ABSENT&" + PERIOD).with(as(this.coordinator)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		List<Long> shown = java.util.regex.Pattern.compile("data-session=\"(\\d+)\"").matcher(page).results()
			.map(m -> Long.parseLong(m.group(1))).toList();
		assertThat(shown).containsExactlyElementsOf(csNoShows.stream().map(PlantedSession::id).toList());
		assertThat(page).contains(csNoShows.size() + " sessions", "Attendance: Absent",
				"/reports/program/sessions/export?format=xlsx&amp;from=2026-01-01&amp;to=2026-03-31&amp;attendance=ABSENT")
			.doesNotContain("Lee Mentor", "Dee Mentor", ">ABSENT<", ">ONLINE<");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'SESSION_ATTENDANCE_READ' AND user_id = :u")
			.param("u", this.coordinator.id()).query(Long.class).single()).isEqualTo(csNoShows.size());

		// The administrator sees every department's no-shows in the period, and can narrow to one.
		String all = this.mvc.perform(get("/reports/program/sessions?attendance=ABSENT&" + PERIOD).with(as(this.admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(all).contains(this.sessions.stream()
			.filter(s -> inPeriod(s.at()) && "ABSENT".equals(s.attendance())).count() + " sessions");

		// Wrong people and bad filters.
		this.mvc.perform(get("/reports/program/sessions?department=" + this.college.department("BUS")).with(as(this.coordinator)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/reports/program/sessions?department=" + this.elsewhere.department("CS")).with(as(this.admin)))
			.andExpect(status().isNotFound());
		for (Account who : List.of(this.mentor, this.mentee)) {
			this.mvc.perform(get("/reports/program/sessions").with(as(who))).andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/reports/program/sessions?attendance=SOMETIMES").with(as(this.admin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Unknown attendance.")));
		this.mvc.perform(get("/reports/program/sessions?from=2026-03-01&to=2026-01-01").with(as(this.admin)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theMentorshipsBehindTheHealthFigureAreTheScopesPairsOfThatHealth() throws Exception {
		long p1 = this.mentorships.get(0).id();
		long p2 = this.mentorships.get(1).id();
		long q1 = this.mentorships.get(6).id();
		long l = this.mentorships.get(9).id();
		// The CS coordinator: CS's stalled pair, never BUS's or another institution's.
		String page = this.mvc.perform(get("/reports/program/health?health=STALLED&" + PERIOD).with(as(this.coordinator)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(shownPairs(page)).containsExactly(p2);
		assertThat(page).contains("Health: Stalled", "1 mentorships", "/mentorships/" + p2, "Planted",
				"/reports/program?from=2026-01-01&amp;to=2026-03-31").doesNotContain(">STALLED<", "Elsewhere");
		assertThat(shownPairs(this.mvc.perform(get("/reports/program/health").with(as(this.coordinator)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString())).containsExactly(p2, p1);
		// The administrator: every department's, stalled first; narrowed to one department, that one's.
		assertThat(shownPairs(this.mvc.perform(get("/reports/program/health").with(as(this.admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString())).containsExactly(p2, q1, p1, l);
		assertThat(shownPairs(this.mvc.perform(get("/reports/program/health?health=healthy&department="
				+ this.college.department("LAW")).with(as(this.admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString())).containsExactly(l);
		this.mvc.perform(get("/api/v1/reports/program/health?health=AT_RISK").with(as(this.admin)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.total").value(1))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.items[0].mentorshipId").value(q1));
		this.mvc.perform(get("/api/v1/reports/program/health?health=AT_RISK").with(as(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.total").value(0));

		// Wrong people and bad input.
		for (String uri : List.of("/reports/program/health?department=", "/api/v1/reports/program/health?department=")) {
			this.mvc.perform(get(uri + this.college.department("BUS")).with(as(this.coordinator)))
				.andExpect(status().isForbidden());
			this.mvc.perform(get(uri + this.elsewhere.department("CS")).with(as(this.admin)))
				.andExpect(status().isNotFound());
		}
		for (Account who : List.of(this.mentor, this.mentee)) {
			this.mvc.perform(get("/reports/program/health").with(as(who))).andExpect(status().isForbidden());
			this.mvc.perform(get("/api/v1/reports/program/health?health=STALLED").with(as(who)))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/reports/program/health?health=GREEN").with(as(this.admin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose a health: HEALTHY, AT_RISK or STALLED.")));
		this.mvc.perform(get("/api/v1/reports/program/health?health=GREEN").with(as(this.coordinator)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose a health: HEALTHY, AT_RISK or STALLED.")));
		this.mvc.perform(get("/reports/program/health?from=2026-03-01&to=2026-01-01").with(as(this.admin)))
			.andExpect(status().isBadRequest());
	}

	static List<Long> shownPairs(String page) {
		return java.util.regex.Pattern.compile("data-mentorship=\"(\\d+)\"").matcher(page).results()
			.map(m -> Long.parseLong(m.group(1))).toList();
	}

	@Test
	void dashboardPageAndApiRunAFixedNumberOfStatements() throws Exception {
		long page = count("/reports/program?" + PERIOD, this.admin);
		long api = count("/api/v1/reports/program?" + PERIOD, this.admin);
		long coordinatorPage = count("/reports/program?" + PERIOD, this.coordinator);
		// Twice the data: more mentorships, sessions, ratings, goals and alerts.
		List<PlantedMentorship> before = List.copyOf(this.mentorships);
		for (int i = 0; i < 3; i++) {
			Account m = mentor("CS", "More Mentor " + i + " " + unique(), 3, 1);
			Account s = student("CS", true);
			long p = mentorship(m, s, "CS", "ACTIVE", at(2026, 1, 2, 0), at(2026, 1, 3 + i, 0), null, null);
			for (int k = 0; k < 4; k++) {
				rated(session(p, "CS", m, s, at(2026, 1, 5 + 7 * k, 9), "COMPLETED", "PRESENT"), s, 4);
			}
			goal(s, "CS", "AT_RISK", 20);
			alert(s, "CS", at(2026, 2, 2, 0), at(2026, 2, 3, 0), "RESOLVED", false);
			health(p, "CS", m, s, "AT_RISK");
			interval(p, "CS", s, "HEALTHY", at(2026, 1, 3 + i, 0), at(2026, 2, 1, 0));
			interval(p, "CS", s, "AT_RISK", at(2026, 2, 1, 0), null);
		}
		assertThat(this.mentorships).hasSizeGreaterThan(before.size());
		assertThat(count("/reports/program?" + PERIOD, this.admin)).isEqualTo(page);
		assertThat(count("/api/v1/reports/program?" + PERIOD, this.admin)).isEqualTo(api);
		assertThat(count("/reports/program?" + PERIOD, this.coordinator)).isEqualTo(coordinatorPage);
	}

	long count(String uri, Account who) throws Exception {
		this.mvc.perform(get(uri).with(as(who))).andExpect(status().isOk());
		return StatementCounter.count(() -> this.mvc.perform(get(uri).with(as(who))).andExpect(status().isOk()));
	}

	byte[] download(String uri, Account who) throws Exception {
		MvcResult started = this.mvc.perform(get(uri).with(as(who))).andExpect(request().asyncStarted()).andReturn();
		return this.mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsByteArray();
	}

	@Test
	void sessionsExportInXlsxReadsBackAsThePlantedSessionsAndIsAudited() throws Exception {
		byte[] xlsx = download("/reports/program/sessions/export?format=xlsx&" + PERIOD, this.coordinator);

		List<List<String>> rows = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			try (var stream = workbook.getFirstSheet().openStream()) {
				stream.forEach(row -> rows.add(cells(row, 9)));
			}
		}
		assertThat(rows.get(0)).containsExactly("id", "scheduled_at_utc", "status", "mode", "attendance", "mentor",
				"mentee", "department", "title");
		List<PlantedSession> expected = this.sessions.stream()
			.filter(s -> s.department().equals("CS") && inPeriod(s.at()))
			.sorted(Comparator.comparingLong(PlantedSession::id))
			.toList();
		assertThat(rows.subList(1, rows.size())).extracting(r -> Long.parseLong(r.get(0).replace(".0", "")))
			.containsExactlyElementsOf(expected.stream().map(PlantedSession::id).toList());
		assertThat(rows.get(1).get(1)).isEqualTo(expected.get(0).at().toString());
		assertThat(rows.get(1).get(2)).isEqualTo("Completed");
		assertThat(rows.get(1).get(5)).startsWith("Ada Mentor");
		assertThat(rows.get(1).get(7)).startsWith("Computer Science");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'SESSIONS_EXPORTED' AND user_id = :u")
			.param("u", this.coordinator.id()).query(Long.class).single()).isEqualTo(1);

		// No-shows only, as the drill-down filters them.
		byte[] noShows = download("/api/v1/reports/program/sessions/export?format=csv&attendance=ABSENT&" + PERIOD,
				this.coordinator);
		String csv = new String(noShows, java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv.lines().skip(1).count())
			.isEqualTo(this.sessions.stream().filter(s -> s.department().equals("CS") && inPeriod(s.at())
					&& "ABSENT".equals(s.attendance())).count());
	}

	@Test
	void dashboardExportInXlsxHasTheRowsOfTheDashboardTables() throws Exception {
		ProgramReport report = api(this.admin, PERIOD);
		byte[] xlsx = download("/reports/program/export?format=xlsx&" + PERIOD, this.admin);

		List<List<String>> rows = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			try (var stream = workbook.getFirstSheet().openStream()) {
				stream.forEach(row -> rows.add(cells(row, 4)));
			}
		}
		assertThat(rows.get(0)).containsExactly("section", "figure", "item", "value");
		assertThat(rows).contains(List.of("Sessions", "No-shows", "", String.valueOf(report.sessions().noShows())),
				List.of("Participation", "People by role", "Mentors", "5"),
				List.of("Outcomes", "Rating by mentor", this.mentorNames.get(this.mentor.id()),
						String.valueOf(report.outcomes().ratingsByMentor().stream()
							.filter(r -> r.id() == this.mentor.id()).findFirst().orElseThrow().average())));
		assertThat(rows).noneMatch(r -> r.get(2).startsWith("Cy Mentor"));
		ProgramReport.ProgramHealthWeek week = report.mentorships().healthPerWeek().get(8);
		assertThat(rows).contains(
				List.of("Mentorships", "Relationship health per week", week.weekStart() + " Healthy", String.valueOf(week.healthy())),
				List.of("Mentorships", "Relationship health per week", week.weekStart() + " Stalled", String.valueOf(week.stalled())),
				List.of("Mentorships", "Relationship health per week, Previous period",
						report.mentorships().healthPerWeekBefore().get(0).weekStart() + " At risk",
						String.valueOf(report.mentorships().healthPerWeekBefore().get(0).atRisk())));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'REPORT_EXPORTED' AND user_id = :u")
			.param("u", this.admin.id()).query(Long.class).single()).isEqualTo(1);

		String csv = new String(download("/api/v1/reports/program/export?format=csv&" + PERIOD, this.admin),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv.lines().count()).isEqualTo(rows.size());
	}

	@Test
	void dashboardPdfParsesAndHasEveryFigureOfThePlantedDataAndIsAudited() throws Exception {
		ProgramReport report = api(this.coordinator, PERIOD);
		MvcResult result = this.mvc.perform(get("/reports/program.pdf?" + PERIOD).with(as(this.coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn();
		assertThat(result.getResponse().getHeader("Content-Disposition"))
			.contains("attachment", "program-2026-01-01-2026-03-31.pdf");
		String text;
		try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
			assertThat(pdf.getNumberOfPages()).isPositive();
			text = new PDFTextStripper().getText(pdf).replace("\r", "");
		}
		// Kept for a look at the charts, which are drawn, not text.
		java.nio.file.Files.write(java.nio.file.Path.of("target", "program-dashboard.pdf"),
				result.getResponse().getContentAsByteArray());
		// The planted CS figures, as the tables print them (label, then the value).
		assertThat(text).contains("Program dashboard", "Computer Science", "From 2026-01-01 to 2026-03-31",
				"No-shows " + report.sessions().noShows(),
				"Onboarding completed " + report.participation().onboardingCompleted(),
				"Mentees waiting for a match " + report.participation().menteesWaiting(),
				"Learning paths started " + report.outcomes().pathsStarted(),
				"Alerts opened " + report.outcomes().alertsOpened(),
				"Attendance rate " + report.sessions().attendanceRate() + " %");
		for (ProgramRating r : report.outcomes().ratingsByMentor()) {
			assertThat(text).contains(r.label() + " " + r.answers() + " " + r.average());
		}
		for (ProgramReport.ProgramWeek w : report.sessions().perWeek()) {
			assertThat(text).contains(w.weekStart() + " " + w.total());
		}
		assertThat(text).contains("Relationship health per week");
		for (ProgramReport.ProgramHealthWeek w : report.mentorships().healthPerWeek()) {
			assertThat(text).contains(w.weekStart() + " " + w.healthy() + " " + w.atRisk() + " " + w.stalled());
		}
		assertThat(text).doesNotContain("Cy Mentor", "Dee Mentor", "Business");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_logs WHERE action = 'REPORT_EXPORTED' AND user_id = :u")
			.param("u", this.coordinator.id()).query(Long.class).single()).isEqualTo(1);

		// The API twin: the same document for the administrator; refusals as the dashboard's.
		this.mvc.perform(get("/api/v1/reports/program.pdf?" + PERIOD).with(as(this.admin)))
			.andExpect(status().isOk()).andExpect(content().contentType("application/pdf"));
		this.mvc.perform(get("/api/v1/reports/program.pdf?from=2026-03-01&to=2026-01-01").with(as(this.admin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The last day must not be before the first.")));
		this.mvc.perform(get("/reports/program.pdf?department=" + this.college.department("BUS")).with(as(this.coordinator)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/reports/program.pdf").with(as(this.mentor))).andExpect(status().isForbidden());
	}

	static List<String> cells(Row row, int n) {
		List<String> cells = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			String text = row.getCellText(i);
			if (text != null && text.matches("-?\\d+\\.0")) {
				text = text.substring(0, text.length() - 2);
			}
			cells.add(text == null ? "" : text);
		}
		return cells;
	}

}
