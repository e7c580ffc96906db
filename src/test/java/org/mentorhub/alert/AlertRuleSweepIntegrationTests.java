package org.mentorhub.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.StatementCounter;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.mentorhub.alert.AlertRuleFixtures.academic;
import static org.mentorhub.alert.AlertRuleFixtures.alerts;
import static org.mentorhub.alert.AlertRuleFixtures.rule;

/**
 * The rules' sweep ({@link AlertRuleSweep}) over a fresh institution: each rule flags the students its
 * data says, opens one alert per student and rule, owned by the student's mentor and raised for the
 * rule's enabler; re-running it, or four runs at once, changes nothing; a student whose data recovered
 * gets one note, or the alert is resolved when the rule auto-resolves; and the number of statements of
 * a sweep does not grow with the number of students.
 */
@MentorHubIntegrationTest
class AlertRuleSweepIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AlertRuleSweep sweep;

	TestInstitution college;

	Account admin;

	Account mentor;

	@BeforeEach
	void setUp() {
		this.college = aUniversity().withDepartment("CS").build(this.jdbc);
		this.admin = this.college.anAdmin().create(this.jdbc);
		this.mentor = this.college.aMentor().inDepartment("CS").create(this.jdbc);
	}

	Account student() {
		return this.college.aStudent().inDepartment("CS").create(this.jdbc);
	}

	LocalDateTime daysAgo(int days) {
		return LocalDateTime.now(ZoneOffset.UTC).minusDays(days);
	}

	int sweep() {
		return this.sweep.sweep(this.college.id(), Instant.now());
	}

	String snapshot() {
		return this.jdbc.sql("""
				SELECT CONCAT(COUNT(*), '/', COALESCE(SUM(a.version), 0), '/',
				       (SELECT COUNT(*) FROM alert_events e JOIN alerts b ON b.id = e.alert_id WHERE b.institution_id = :i))
				FROM alerts a WHERE a.institution_id = :i""")
			.param("i", this.college.id())
			.query(String.class)
			.single();
	}

	@Test
	void eachRuleFlagsItsStudentsOnceAndReRunningChangesNothing() {
		for (String[] r : List.of(new String[] { "GPA_BELOW", "2.5" }, new String[] { "ATTENDANCE_BELOW", "75" },
				new String[] { "RISK_HIGH", null }, new String[] { "GOAL_AT_RISK", null },
				new String[] { "NO_RECENT_SESSION", "30" }, new String[] { "ACTION_ITEMS_OVERDUE", "7" })) {
			rule(this.jdbc, this.college.id(), r[0], r[1], null, "WARN", false, this.admin.id());
		}
		rule(this.jdbc, this.college.id(), "NO_SHOWS", "2", 4, "CRITICAL", false, this.admin.id());
		Account low = student();
		academic(this.jdbc, low, "2.10", "90", "LOW");
		Account fine = student();
		academic(this.jdbc, fine, "3.60", "95", "LOW");
		Account absent = student();
		academic(this.jdbc, absent, "3.00", "60", "HIGH");
		Account noShow = student();
		long pair = TestMentorships.plant(this.jdbc, this.mentor, noShow, "ACTIVE");
		AlertRuleFixtures.session(this.jdbc, pair, this.mentor, noShow, "COMPLETED", "ABSENT", daysAgo(3));
		long recent = AlertRuleFixtures.session(this.jdbc, pair, this.mentor, noShow, "COMPLETED", "ABSENT", daysAgo(10));
		AlertRuleFixtures.actionItem(this.jdbc, recent, noShow, daysAgo(9));
		Account quiet = student();
		long quietPair = TestMentorships.plant(this.jdbc, this.mentor, quiet, "ACTIVE");
		AlertRuleFixtures.session(this.jdbc, quietPair, this.mentor, quiet, "COMPLETED", "PRESENT", daysAgo(45));
		AlertRuleFixtures.goal(this.jdbc, quiet, "IN_PROGRESS", LocalDate.now(ZoneOffset.UTC).minusDays(3));

		assertThat(sweep()).isEqualTo(7);

		assertThat(alerts(this.jdbc, low, "GPA_BELOW")).isOne();
		assertThat(alerts(this.jdbc, fine, "GPA_BELOW")).isZero();
		assertThat(alerts(this.jdbc, absent, "ATTENDANCE_BELOW")).isOne();
		assertThat(alerts(this.jdbc, absent, "RISK_HIGH")).isOne();
		assertThat(alerts(this.jdbc, noShow, "NO_SHOWS")).isOne();
		assertThat(alerts(this.jdbc, noShow, "ACTION_ITEMS_OVERDUE")).isOne();
		assertThat(alerts(this.jdbc, noShow, "NO_RECENT_SESSION")).isZero();
		assertThat(alerts(this.jdbc, quiet, "NO_RECENT_SESSION")).isOne();
		assertThat(alerts(this.jdbc, quiet, "GOAL_AT_RISK")).isOne();
		assertThat(this.jdbc.sql("""
				SELECT CONCAT(severity, ' ', category, ' ', owner_id, ' ', raised_by_id, ' ', message) FROM alerts
				WHERE student_id = :s AND source_ref = 'rule:no-shows'""")
			.param("s", noShow.id()).query(String.class).single())
			.isEqualTo("CRITICAL MISSED_SESSIONS " + this.mentor.id() + " " + this.admin.id()
					+ " 2 no-shows in the last 4 weeks (the rule flags 2 or more).");

		String after = snapshot();
		assertThat(sweep()).isZero();
		assertThat(sweep()).isZero();
		assertThat(snapshot()).isEqualTo(after);
	}

	@Test
	void aRecoveredStudentGetsOneNoteOrIsResolvedWhenTheRuleResolvesByItself() {
		rule(this.jdbc, this.college.id(), "GPA_BELOW", "2.5", null, "WARN", false, this.admin.id());
		rule(this.jdbc, this.college.id(), "ATTENDANCE_BELOW", "75", null, "WARN", true, this.admin.id());
		Account student = student();
		academic(this.jdbc, student, "2.00", "50", "LOW");
		assertThat(sweep()).isEqualTo(2);

		academic(this.jdbc, student, "2.20", "50", "LOW");
		assertThat(sweep()).isOne();
		assertThat(this.jdbc.sql("SELECT message FROM alerts WHERE student_id = :s AND source_ref = 'rule:gpa-below'")
			.param("s", student.id()).query(String.class).single()).isEqualTo("GPA is 2.2, below the rule's threshold of 2.5.");

		academic(this.jdbc, student, "3.00", "80", "LOW");
		assertThat(sweep()).isEqualTo(2);
		assertThat(sweep()).isZero();
		assertThat(this.jdbc.sql("SELECT status FROM alerts WHERE student_id = :s AND source_ref = 'rule:gpa-below'")
			.param("s", student.id()).query(String.class).single()).isEqualTo("OPEN");
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM alert_events e JOIN alerts a ON a.id = e.alert_id
				WHERE a.student_id = :s AND a.source_ref = 'rule:gpa-below' AND e.note LIKE 'The rule no longer flags%'""")
			.param("s", student.id()).query(Long.class).single()).isOne();
		assertThat(this.jdbc.sql("""
				SELECT CONCAT(status, ' ', CASE WHEN closed_by_id IS NULL THEN 'nobody' ELSE 'somebody' END) FROM alerts
				WHERE student_id = :s AND source_ref = 'rule:attendance-below'""")
			.param("s", student.id()).query(String.class).single()).isEqualTo("RESOLVED nobody");

		// Down again: the open GPA case is flagged again (its note cleared), the resolved one opens a new case.
		academic(this.jdbc, student, "2.00", "50", "LOW");
		assertThat(sweep()).isEqualTo(2);
		assertThat(alerts(this.jdbc, student, "GPA_BELOW")).isOne();
		assertThat(alerts(this.jdbc, student, "ATTENDANCE_BELOW")).isEqualTo(2);
	}

	@Test
	void fourSweepsAtOnceOpenOneAlertPerStudentAndRule() throws Exception {
		rule(this.jdbc, this.college.id(), "GPA_BELOW", "2.5", null, "WARN", false, this.admin.id());
		List<Account> students = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Account student = student();
			academic(this.jdbc, student, "1.50", null, "LOW");
			students.add(student);
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				runs.add(this::sweep);
			}
			for (Future<Integer> run : pool.invokeAll(runs)) {
				run.get();
			}
		}
		finally {
			pool.shutdown();
		}
		for (Account student : students) {
			assertThat(alerts(this.jdbc, student, "GPA_BELOW")).isOne();
			assertThat(this.jdbc.sql("""
					SELECT COUNT(*) FROM alert_events e JOIN alerts a ON a.id = e.alert_id WHERE a.student_id = :s""")
				.param("s", student.id()).query(Long.class).single()).isOne();
		}
		assertThat(sweep()).isZero();
	}

	@Test
	void theSweepsStatementsDoNotGrowWithTheNumberOfStudents() throws Exception {
		for (String kind : List.of("GPA_BELOW", "ATTENDANCE_BELOW", "NO_RECENT_SESSION", "ACTION_ITEMS_OVERDUE")) {
			rule(this.jdbc, this.college.id(), kind, AlertRuleKind.valueOf(kind).defaultThreshold().toPlainString(), null,
					"WARN", false, this.admin.id());
		}
		rule(this.jdbc, this.college.id(), "NO_SHOWS", "2", 4, "WARN", false, this.admin.id());
		rule(this.jdbc, this.college.id(), "GOAL_AT_RISK", null, null, "WARN", false, this.admin.id());
		rule(this.jdbc, this.college.id(), "RISK_HIGH", null, null, "WARN", false, this.admin.id());
		grow(3);
		sweep();
		long few = StatementCounter.count(this::sweep);
		grow(30);
		sweep();
		long many = StatementCounter.count(this::sweep);
		assertThat(many).isEqualTo(few);
		// One for the rules, one for the batch of students, one per kind of data, one for the open alerts.
		assertThat(few).isLessThanOrEqualTo(10);
	}

	/** Students with data: half of them flagged by the GPA rule, each with an active mentorship and a session. */
	void grow(int n) {
		for (int i = 0; i < n; i++) {
			Account student = student();
			academic(this.jdbc, student, i % 2 == 0 ? "1.80" : "3.20", "90", "LOW");
			long pair = TestMentorships.plant(this.jdbc, this.mentor, student, "ACTIVE");
			AlertRuleFixtures.session(this.jdbc, pair, this.mentor, student, "COMPLETED", "PRESENT", daysAgo(2));
		}
	}

}
