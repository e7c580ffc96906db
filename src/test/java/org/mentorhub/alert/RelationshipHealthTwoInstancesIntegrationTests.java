package org.mentorhub.alert;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MutableClock;
import org.mentorhub.OtherInstance;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.mentorhub.TimeTravelTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Never twice across instances: two application instances on one database (this test's, and a second
 * complete application) run the relationship health job at the same moment, three threads each, past
 * ShedLock (which alone would let only one of them run). A pair stalled for 40 days is nudged once (one
 * notification each for the mentor and the mentee); a week after the nudge, one ENGAGEMENT alert.
 */
@TimeTravelTest
class RelationshipHealthTwoInstancesIntegrationTests {

	static ConfigurableApplicationContext instanceB;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RelationshipHealthJob jobOnA;

	@Autowired
	MutableClock clock;

	@BeforeAll
	static void startInstanceB() {
		instanceB = OtherInstance.start();
	}

	@AfterAll
	static void stopInstanceB() {
		if (instanceB != null) {
			instanceB.close();
		}
	}

	@BeforeEach
	void realTime() {
		// Instance B has the real clock: so has A in this test.
		this.clock.reset();
	}

	long notifications(Account person) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notifications WHERE user_id = :u AND type = 'MENTORSHIP_NUDGED'")
			.param("u", person.id()).query(Long.class).single();
	}

	@Test
	void twoInstancesRunningTheJobAtOnceNudgeOnceAndAlertOnce() throws Exception {
		TestInstitution college = TestInstitutions.aUniversity().withDepartment("CS").build(this.jdbc);
		Account mentor = college.aMentor().inDepartment("CS").create(this.jdbc);
		Account mentee = college.aMentee().inDepartment("CS").create(this.jdbc);
		Account coordinator = college.aCoordinator().inDepartment("CS").create(this.jdbc);
		long mentorship = TestMentorships.plant(this.jdbc, mentor, mentee, "ACTIVE");
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		this.jdbc.sql("UPDATE mentorships SET assigned_at = :at WHERE id = :id")
			.param("at", now.minusDays(40)).param("id", mentorship).update();

		race();
		await().atMost(Duration.ofSeconds(20)).until(() -> notifications(mentor) >= 1 && notifications(mentee) >= 1);
		Thread.sleep(2000);
		assertThat(notifications(mentor)).isOne();
		assertThat(notifications(mentee)).isOne();
		// Six runs at once, each with its own time: one open history interval, stalled.
		assertThat(this.jdbc.sql("""
				SELECT health FROM relationship_health_history WHERE mentorship_id = :id AND valid_to IS NULL""")
			.param("id", mentorship).query(String.class).list()).containsExactly("STALLED");

		// A week after the nudge, as both instances see it.
		this.jdbc.sql("""
				UPDATE relationship_health SET nudged_at = :nudged, escalate_at = :escalate WHERE mentorship_id = :id""")
			.param("nudged", now.minusDays(8)).param("escalate", now.minusDays(1)).param("id", mentorship).update();
		race();
		assertThat(this.jdbc.sql("SELECT owner_id FROM alerts WHERE student_id = :s AND source_ref = :src")
			.param("s", mentee.id()).param("src", RelationshipHealthJob.sourceRef(mentorship)).query(Long.class).list())
			.containsExactly(coordinator.id());
		assertThat(notifications(mentor)).isOne();
	}

	void race() throws Exception {
		RelationshipHealthJob jobOnB = instanceB.getBean(RelationshipHealthJob.class);
		List<RelationshipHealthJob> runners = List.of(this.jobOnA, jobOnB, this.jobOnA, jobOnB, this.jobOnA, jobOnB);
		CyclicBarrier start = new CyclicBarrier(runners.size());
		ExecutorService pool = Executors.newFixedThreadPool(runners.size());
		try {
			List<CompletableFuture<RelationshipHealthJob.Summary>> runs = runners.stream()
				.map(runner -> CompletableFuture.supplyAsync(() -> {
					try {
						start.await(30, TimeUnit.SECONDS);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
					return runner.runOnce();
				}, pool))
				.toList();
			for (CompletableFuture<RelationshipHealthJob.Summary> run : runs) {
				run.get(180, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
