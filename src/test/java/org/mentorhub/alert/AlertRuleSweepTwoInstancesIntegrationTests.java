package org.mentorhub.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.OtherInstance;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TestInstitutions.TestInstitution;
import org.mentorhub.TestMentorships;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorhub.TestInstitutions.aUniversity;
import static org.mentorhub.alert.AlertRuleFixtures.academic;
import static org.mentorhub.alert.AlertRuleFixtures.rule;

/**
 * Never twice: two application instances on one database (this test's, and a second complete
 * application) run the nightly sweep at the same moment, three threads each, past ShedLock (which alone
 * would let only one of them run). Each flagged student has exactly one alert per rule, with one history
 * entry, and a further run changes nothing.
 */
@MentorHubIntegrationTest
class AlertRuleSweepTwoInstancesIntegrationTests {

	static ConfigurableApplicationContext instanceB;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AlertRuleSweep sweepOnA;

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

	@Test
	void twoInstancesSweepingAtOnceOpenOneAlertPerStudentAndRule() throws Exception {
		TestInstitution college = aUniversity().withDepartment("CS").build(this.jdbc);
		Account admin = college.anAdmin().create(this.jdbc);
		Account mentor = college.aMentor().inDepartment("CS").create(this.jdbc);
		rule(this.jdbc, college.id(), "GPA_BELOW", "2.5", null, "WARN", false, admin.id());
		rule(this.jdbc, college.id(), "RISK_HIGH", null, null, "CRITICAL", false, admin.id());
		List<Account> students = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			Account student = college.aStudent().inDepartment("CS").create(this.jdbc);
			academic(this.jdbc, student, "1.90", "90", "HIGH");
			TestMentorships.plant(this.jdbc, mentor, student, "ACTIVE");
			students.add(student);
		}
		AlertRuleSweep sweepOnB = instanceB.getBean(AlertRuleSweep.class);
		List<AlertRuleSweep> runners = List.of(this.sweepOnA, sweepOnB, this.sweepOnA, sweepOnB, this.sweepOnA, sweepOnB);
		CyclicBarrier start = new CyclicBarrier(runners.size());
		ExecutorService pool = Executors.newFixedThreadPool(runners.size());
		try {
			List<CompletableFuture<Integer>> runs = runners.stream()
				.map(runner -> CompletableFuture.supplyAsync(() -> {
					try {
						start.await(30, TimeUnit.SECONDS);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
					return runner.sweep(college.id(), Instant.now());
				}, pool))
				.toList();
			for (CompletableFuture<Integer> run : runs) {
				run.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		for (Account student : students) {
			for (String kind : List.of("GPA_BELOW", "RISK_HIGH")) {
				assertThat(AlertRuleFixtures.alerts(this.jdbc, student, kind)).as("%s alerts of %s", kind, student.email())
					.isOne();
			}
			assertThat(this.jdbc.sql("""
					SELECT COUNT(*) FROM alert_events e JOIN alerts a ON a.id = e.alert_id WHERE a.student_id = :s""")
				.param("s", student.id()).query(Long.class).single()).isEqualTo(2);
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM alerts WHERE student_id = :s AND owner_id = :m")
				.param("s", student.id()).param("m", mentor.id()).query(Long.class).single()).isEqualTo(2);
		}
		assertThat(this.sweepOnA.sweep(college.id(), Instant.now())).isZero();
		assertThat(sweepOnB.sweep(college.id(), Instant.now())).isZero();
	}

}
