package org.mentorhub.alert;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.CapturedEvents;
import org.mentorhub.MutableClock;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.TimeTravelTest;
import org.mentorhub.notification.DeliveredNotifications;
import org.mentorhub.notification.DeliveredNotifications.Row;
import org.mentorhub.session.SessionFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relationship health job ({@link RelationshipHealthJob}) with a moved clock: a new pair is healthy,
 * late pairs are at risk, a pair with no session for more than twice the expected interval is stalled; a
 * stalled pair is nudged once (both people, in the app and by e-mail, with the link to schedule a
 * session), and when it is still stalled after the institution's delay the department's coordinator gets
 * one ENGAGEMENT alert about the mentee; re-running, or four runs at once, changes nothing; a completed
 * session makes the pair healthy again and clears the marks. The job also runs on its own schedule, so
 * the tests count the events of their own mentorships.
 */
@TimeTravelTest
class RelationshipHealthIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RelationshipHealthJob job;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	TestInstitution college;

	Account mentor;

	Account mentee;

	Account coordinator;

	long mentorship;

	@BeforeEach
	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@BeforeEach
	void setUp() {
		this.college = TestInstitutions.aUniversity().withDepartment("CS").withDepartment("BUS").build(this.jdbc);
		this.mentor = this.college.aMentor().inDepartment("CS").named("Omar Mentor").create(this.jdbc);
		this.mentee = this.college.aMentee().inDepartment("CS").named("Nia Mentee").create(this.jdbc);
		this.college.anAdmin().create(this.jdbc);
		this.coordinator = this.college.aCoordinator().inDepartment("CS").named("Cora Coordinator").create(this.jdbc);
		this.college.aCoordinator().inDepartment("BUS").create(this.jdbc);
		this.mentorship = TestMentorships.plant(this.jdbc, this.mentor, this.mentee, "ACTIVE");
	}

	String health() {
		return this.jdbc.sql("SELECT health FROM relationship_health WHERE mentorship_id = :m")
			.param("m", this.mentorship).query(String.class).optional().orElse(null);
	}

	List<Long> alerts() {
		return this.jdbc.sql("SELECT id FROM alerts WHERE student_id = :s AND source_ref = :src")
			.param("s", this.mentee.id()).param("src", RelationshipHealthJob.sourceRef(this.mentorship))
			.query(Long.class).list();
	}

	@Test
	void aStalledPairIsNudgedOnceThenItsCoordinatorIsAlertedOnce() {
		DeliveredNotifications delivered = new DeliveredNotifications(this.jdbc, this.events, this.transactions);
		try (CapturedEvents<MentorshipNudged> nudges = CapturedEvents.of(this.context, MentorshipNudged.class)) {
			this.job.runOnce();
			assertThat(health()).isEqualTo("HEALTHY");

			this.clock.advance(Duration.ofDays(20));
			this.job.runOnce();
			assertThat(health()).isEqualTo("AT_RISK");
			assertThat(nudges.matching(e -> e.mentorshipId() == this.mentorship)).isEmpty();

			this.clock.advance(Duration.ofDays(10));
			this.job.runOnce();
			this.job.runOnce();
			assertThat(health()).isEqualTo("STALLED");
			assertThat(nudges.matching(e -> e.mentorshipId() == this.mentorship)).singleElement().satisfies(e -> {
				assertThat(e.mentorId()).isEqualTo(this.mentor.id());
				assertThat(e.menteeId()).isEqualTo(this.mentee.id());
				assertThat(e.reasons()).singleElement().asString().startsWith("No session completed since the mentorship began 30 days ago");
			});
			assertThat(alerts()).isEmpty();
			for (Account person : List.of(this.mentor, this.mentee)) {
				Row row = delivered.of(person, 1).get(0);
				assertThat(row.type()).isEqualTo("MENTORSHIP_NUDGED");
				assertThat(row.delivery()).isEqualTo("EMAIL");
				assertThat(row.linkUrl()).isEqualTo("/sessions/new?mentorship=" + this.mentorship);
				assertThat(row.body()).contains("No session completed since the mentorship began 30 days ago");
			}
			assertThat(delivered.of(this.mentor, 1).get(0).title()).isEqualTo("Time for a session with Nia Mentee");

			this.clock.advance(Duration.ofDays(6));
			this.job.runOnce();
			assertThat(alerts()).isEmpty();

			this.clock.advance(Duration.ofDays(2));
			this.job.runOnce();
			this.job.runOnce();
			assertThat(alerts()).singleElement().satisfies(alert -> {
				var row = this.jdbc.sql("SELECT category, severity, owner_id, status, message FROM alerts WHERE id = :a")
					.param("a", alert).query().singleRow();
				assertThat(row.get("category")).isEqualTo("ENGAGEMENT");
				assertThat(row.get("severity")).isEqualTo("WARN");
				assertThat(((Number) row.get("owner_id")).longValue()).isEqualTo(this.coordinator.id());
				assertThat(row.get("status")).isEqualTo("OPEN");
				assertThat((String) row.get("message")).contains("Nia Mentee", "Omar Mentor", "has stalled",
						"/mentorships/" + this.mentorship);
			});
			assertThat(this.jdbc.sql("SELECT alert_id FROM relationship_health WHERE mentorship_id = :m")
				.param("m", this.mentorship).query(Long.class).single()).isEqualTo(alerts().get(0));
			assertThat(nudges.matching(e -> e.mentorshipId() == this.mentorship)).hasSize(1);
			assertThat(delivered.of(this.coordinator, 1).get(0).type()).isEqualTo("ALERT_ASSIGNED");

			// The pair meets again: healthy, and the marks are cleared for a later stall.
			long session = SessionFixtures.session(this.jdbc, this.mentorship, this.mentor.id(), this.mentee.id(),
					this.mentor.id(), "COMPLETED", this.clock.instant().minus(Duration.ofDays(1)), "Back on track");
			this.jdbc.sql("UPDATE mentoring_sessions SET completed_at = :at WHERE id = :s")
				.param("at", LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC)).param("s", session).update();
			this.job.runOnce();
			assertThat(health()).isEqualTo("HEALTHY");
			assertThat(this.jdbc.sql("""
					SELECT COUNT(*) FROM relationship_health
					WHERE mentorship_id = :m AND nudged_at IS NULL AND escalate_at IS NULL AND escalated_at IS NULL""")
				.param("m", this.mentorship).query(Long.class).single()).isOne();
			assertThat(alerts()).hasSize(1);
		}
	}

	@Test
	void aPausedOrEndedMentorshipLosesItsHealthAtTheNextRun() {
		Account otherMentee = this.college.aMentee().inDepartment("CS").create(this.jdbc);
		long ending = TestMentorships.plant(this.jdbc, this.mentor, otherMentee, "ACTIVE");
		this.job.runOnce();
		assertThat(health()).isNotNull();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM relationship_health WHERE mentorship_id = :m")
			.param("m", ending).query(Long.class).single()).isOne();

		this.jdbc.sql("UPDATE mentorships SET status = 'PAUSED' WHERE id = :id").param("id", this.mentorship).update();
		this.jdbc.sql("UPDATE mentorships SET status = 'ENDED' WHERE id = :id").param("id", ending).update();
		this.job.runOnce();
		assertThat(health()).isNull();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM relationship_health WHERE mentorship_id IN (:m)")
			.param("m", List.of(this.mentorship, ending)).query(Long.class).single()).isZero();
	}

	record Interval(String health, Long departmentId, LocalDateTime from, LocalDateTime to) {
	}

	List<Interval> intervals() {
		return this.jdbc.sql("""
				SELECT health, department_id, valid_from, valid_to FROM relationship_health_history
				WHERE mentorship_id = :m ORDER BY valid_from""")
			.param("m", this.mentorship)
			.query((rs, i) -> new Interval(rs.getString("health"), rs.getObject("department_id", Long.class),
					rs.getObject("valid_from", LocalDateTime.class), rs.getObject("valid_to", LocalDateTime.class)))
			.list();
	}

	LocalDateTime now() {
		return LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/** Runs the job and answers when (UTC) it ran: between the two readings of the clock. */
	LocalDateTime[] run() {
		LocalDateTime before = now();
		this.job.runOnce();
		return new LocalDateTime[] { before, now() };
	}

	static void between(LocalDateTime value, LocalDateTime[] run) {
		assertThat(value).isAfterOrEqualTo(run[0].minusNanos(1000)).isBeforeOrEqualTo(run[1]);
	}

	@Test
	void theHistoryOpensAnIntervalWhenTheHealthOrDepartmentChangesAndClosesItWhenTheMentorshipEnds() {
		long cs = this.college.department("CS");
		LocalDateTime[] first = run();
		assertThat(intervals()).singleElement().satisfies(i -> {
			assertThat(i.health()).isEqualTo("HEALTHY");
			assertThat(i.departmentId()).isEqualTo(cs);
			assertThat(i.to()).isNull();
			between(i.from(), first);
		});
		// The same health again: nothing new.
		run();
		assertThat(intervals()).hasSize(1);

		this.clock.advance(Duration.ofDays(20));
		LocalDateTime[] late = run();
		run();
		List<Interval> history = intervals();
		assertThat(history).extracting(Interval::health).containsExactly("HEALTHY", "AT_RISK");
		assertThat(history.get(0).to()).isEqualTo(history.get(1).from());
		between(history.get(1).from(), late);
		assertThat(history.get(1).to()).isNull();

		this.clock.advance(Duration.ofDays(10));
		run();
		assertThat(intervals()).extracting(Interval::health).containsExactly("HEALTHY", "AT_RISK", "STALLED");

		// The mentorship moves to BUS: the stalled interval in CS ends, one in BUS begins.
		long bus = this.college.department("BUS");
		this.jdbc.sql("UPDATE mentorships SET department_id = :d WHERE id = :id").param("d", bus)
			.param("id", this.mentorship).update();
		run();
		history = intervals();
		assertThat(history).extracting(Interval::health).containsExactly("HEALTHY", "AT_RISK", "STALLED", "STALLED");
		assertThat(history).extracting(Interval::departmentId).containsExactly(cs, cs, cs, bus);
		assertThat(history.get(2).to()).isEqualTo(history.get(3).from());

		// What the dashboard counts: one pair at each instant, in its department of then.
		AlertStatistics statistics = this.context.getBean(AlertStatistics.class);
		List<LocalDateTime> at = history.stream().map(i -> i.from().plusSeconds(0)).toList();
		AlertStatistics.HealthFigures inCs = statistics.healthNowAndAt(
				new org.mentorhub.platform.Tenancy.Scope(this.college.id(), cs), at, org.mentorhub.identity.MenteeGroup.ALL);
		assertThat(inCs.now()).as("now it is BUS's").isEmpty();
		assertThat(inCs.at())
			.extracting(AlertStatistics.HealthAt::at, AlertStatistics.HealthAt::health, AlertStatistics.HealthAt::mentorships)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(at.get(0), RelationshipHealthStatus.HEALTHY, 1L),
					org.assertj.core.groups.Tuple.tuple(at.get(1), RelationshipHealthStatus.AT_RISK, 1L),
					org.assertj.core.groups.Tuple.tuple(at.get(2), RelationshipHealthStatus.STALLED, 1L));
		assertThat(statistics.healthNowAndAt(new org.mentorhub.platform.Tenancy.Scope(this.college.id(), bus), at,
				org.mentorhub.identity.MenteeGroup.ALL).now()).singleElement()
			.isEqualTo(new AlertStatistics.HealthCount(RelationshipHealthStatus.STALLED, 1L));
		assertThat(statistics.healthNowAndAt(new org.mentorhub.platform.Tenancy.Scope(this.college.id(), bus), at,
				org.mentorhub.identity.MenteeGroup.NEW_MOTHERS)).isEqualTo(new AlertStatistics.HealthFigures(List.of(), List.of()));

		// The mentorship ends: its health row goes and its last interval ends at that run.
		this.jdbc.sql("UPDATE mentorships SET status = 'ENDED' WHERE id = :id").param("id", this.mentorship).update();
		LocalDateTime[] ended = run();
		assertThat(health()).isNull();
		history = intervals();
		assertThat(history).hasSize(4).allSatisfy(i -> assertThat(i.to()).isNotNull());
		between(history.get(3).to(), ended);
		run();
		assertThat(intervals()).isEqualTo(history);
	}

	@Test
	void fourRunsAtOnceNudgeAndAlertOnce() throws Exception {
		this.clock.advance(Duration.ofDays(30));
		try (CapturedEvents<MentorshipNudged> nudges = CapturedEvents.of(this.context, MentorshipNudged.class)) {
			race();
			assertThat(nudges.matching(e -> e.mentorshipId() == this.mentorship)).hasSize(1);
			this.clock.advance(Duration.ofDays(8));
			race();
			assertThat(nudges.matching(e -> e.mentorshipId() == this.mentorship)).hasSize(1);
		}
		assertThat(alerts()).hasSize(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM relationship_health WHERE mentorship_id = :m")
			.param("m", this.mentorship).query(Long.class).single()).isOne();
		// One open interval however many runs raced: healthy never computed here (the clock starts 30 days on).
		assertThat(intervals()).extracting(Interval::health).containsExactly("STALLED");
	}

	void race() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<RelationshipHealthJob.Summary>> runs = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				runs.add(this.job::runOnce);
			}
			for (Future<RelationshipHealthJob.Summary> run : pool.invokeAll(runs)) {
				run.get();
			}
		}
		finally {
			pool.shutdown();
		}
	}

}
