package org.mentorhub.goal;

import java.time.LocalDate;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overdue job ({@link GoalOverdueAlerts}): one {@link GoalAtRisk} OVERDUE for an open goal whose
 * target date has passed, none for a completed goal or one still due, exactly one per goal and target
 * date however often and however many instances run it, and a new one after the date is moved. The
 * job also runs on its own schedule, so the tests count the events of their own goals.
 */
@TimeTravelTest
class GoalOverdueAlertsIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GoalOverdueAlerts alerts;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	Account mentee;

	Account mentor;

	@BeforeEach
	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@BeforeEach
	void setUp() {
		TestInstitution college = TestInstitutions.aUniversity().withDepartment("CS").build(this.jdbc);
		this.mentee = college.aMentee().inDepartment("CS").create(this.jdbc);
		this.mentor = college.aMentor().inDepartment("CS").create(this.jdbc);
		TestMentorships.plant(this.jdbc, this.mentor, this.mentee, "ACTIVE");
	}

	LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	@Test
	void anOpenGoalPastItsTargetDateIsReportedOncePerTargetDate() throws Exception {
		long overdue = GoalFixtures.goal(this.jdbc, this.mentee, "Overdue goal", today().minusDays(2));
		long done = GoalFixtures.goal(this.jdbc, this.mentee.id(), "Done goal", today().minusDays(2), "COMPLETED", 100);
		long due = GoalFixtures.goal(this.jdbc, this.mentee, "Still due", today().plusDays(2));
		try (CapturedEvents<GoalAtRisk> events = CapturedEvents.of(this.context, GoalAtRisk.class)) {
			this.alerts.publishOverdue();
			this.alerts.publishOverdue();

			assertThat(events.matching(e -> e.goalId() == overdue)).singleElement().satisfies(e -> {
				assertThat(e.reason()).isEqualTo(GoalAtRisk.Reason.OVERDUE);
				assertThat(e.actorId()).isNull();
				assertThat(e.studentId()).isEqualTo(this.mentee.id());
				assertThat(e.mentorIds()).containsExactly(this.mentor.id());
				assertThat(e.title()).isEqualTo("Overdue goal");
			});
			assertThat(events.matching(e -> e.goalId() == done || e.goalId() == due)).isEmpty();

			// The date moves, and passes again: a new alert.
			this.jdbc.sql("UPDATE goals SET target_date = :d WHERE id = :g").param("d", today().minusDays(1))
				.param("g", overdue).update();
			this.alerts.publishOverdue();
			assertThat(events.matching(e -> e.goalId() == overdue)).hasSize(2);
			// Three days on, the goal that was still due is overdue too.
			this.clock.advance(java.time.Duration.ofDays(3));
			this.alerts.publishOverdue();
			assertThat(events.matching(e -> e.goalId() == due)).hasSize(1);
			assertThat(events.matching(e -> e.goalId() == done)).isEmpty();
		}
	}

	@Test
	void concurrentRunsReportAGoalExactlyOnce() throws Exception {
		long overdue = GoalFixtures.goal(this.jdbc, this.mentee, "Raced goal", today().minusDays(3));
		try (CapturedEvents<GoalAtRisk> events = CapturedEvents.of(this.context, GoalAtRisk.class)) {
			ExecutorService pool = Executors.newFixedThreadPool(4);
			try {
				List<Callable<Integer>> runs = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					runs.add(this.alerts::publishOverdue);
				}
				for (Future<Integer> run : pool.invokeAll(runs)) {
					run.get();
				}
			}
			finally {
				pool.shutdown();
			}
			assertThat(events.matching(e -> e.goalId() == overdue)).hasSize(1);
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM goal_overdue_alerts WHERE goal_id = :g").param("g", overdue)
				.query(Long.class).single()).isOne();
		}
	}

}
