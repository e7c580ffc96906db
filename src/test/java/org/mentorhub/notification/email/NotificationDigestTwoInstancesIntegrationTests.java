package org.mentorhub.notification.email;

import java.util.ArrayList;
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
import org.mentorhub.OtherInstance;
import org.mentorhub.MutableClock;
import org.mentorhub.TestAccounts.Account;
import org.mentorhub.TimeTravelTest;
import org.mentorhub.calendar.CalendarFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Never twice: two application instances on one database (this test's, and a second complete application
 * started on the same database) run the digest job at the same moment, three threads each, past ShedLock
 * (which alone would let only one of them run). Each person gets exactly one digest.
 */
@TimeTravelTest
class NotificationDigestTwoInstancesIntegrationTests {

	static ConfigurableApplicationContext instanceB;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NotificationDigests digestsOnA;

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

	@Test
	void twoInstancesRunningTheJobAtOnceSendOneDigestPerPerson() throws Exception {
		String zone = DigestFixtures.zoneWhereItIs(this.clock.instant(), 12);
		List<Account> people = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			Account person = DigestFixtures.person(this.jdbc, zone);
			DigestFixtures.notification(this.jdbc, person, "DIGEST", "Raced item one of " + i, 20);
			DigestFixtures.notification(this.jdbc, person, "DIGEST", "Raced item two of " + i, 10);
			people.add(person);
		}
		long before = CalendarFixtures.lastMailId(this.jdbc);
		NotificationDigests digestsOnB = instanceB.getBean(NotificationDigests.class);
		List<NotificationDigests> runners = List.of(this.digestsOnA, digestsOnB, this.digestsOnA, digestsOnB,
				this.digestsOnA, digestsOnB);
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
					return runner.sendDue();
				}, pool))
				.toList();
			for (CompletableFuture<Integer> run : runs) {
				run.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		for (Account person : people) {
			assertThat(DigestFixtures.digests(this.jdbc, person, before)).as("digests to %s", person.email()).hasSize(1);
			assertThat(DigestFixtures.digestRows(this.jdbc, person)).isEqualTo(1);
			assertThat(DigestFixtures.pending(this.jdbc, person)).isZero();
		}
		assertThat(DigestFixtures.digests(this.jdbc, people.get(0), before).get(0).text())
			.containsSubsequence("Raced item two of 0", "Raced item one of 0");
	}

}
