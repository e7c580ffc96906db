package org.mentorhub.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mentorhub.MentorHubIntegrationTest;
import org.mentorhub.OtherInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23 part 2, QUALITY S14: rate limits are counted in the database, so two instances together allow
 * exactly the configured number of calls, not twice that. Instance A is this test's application, instance B
 * a second, complete application on the same database; each test uses a limit of its own.
 */
@MentorHubIntegrationTest
class RateLimitTwoInstancesIntegrationTests {

	static ConfigurableApplicationContext instanceB;

	@Autowired
	RateLimiter onA;

	@Autowired
	JdbcClient jdbc;

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
	void callsAlternatingBetweenTwoInstancesShareOneBucket() {
		RateLimiter onB = instanceB.getBean(RateLimiter.class);
		String limit = "two-instances-" + UUID.randomUUID();
		int allowed = 0;
		RateLimiter.Decision last = null;
		for (int i = 0; i < 10; i++) {
			last = (i % 2 == 0 ? this.onA : onB).tryAcquire(limit, "user:1", 5, Duration.ofHours(1));
			allowed += last.allowed() ? 1 : 0;
		}

		assertThat(allowed).isEqualTo(5);
		assertThat(last.allowed()).isFalse();
		assertThat(last.retryAfter()).isGreaterThan(Duration.ofMinutes(11)).isLessThanOrEqualTo(Duration.ofMinutes(12));
		// Another caller has a bucket of their own.
		assertThat(onB.tryAcquire(limit, "user:2", 5, Duration.ofHours(1)).allowed()).isTrue();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM rate_limit_buckets WHERE bucket_key LIKE :key")
			.param("key", limit + "|%")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void twentyConcurrentCallsOnTwoInstancesGetExactlyTheCapacity() throws Exception {
		RateLimiter onB = instanceB.getBean(RateLimiter.class);
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			// Several rounds, each on a bucket no call has made yet: the race to make the row is where MariaDB's
			// gap locks once made deadlocks.
			for (int round = 0; round < 10; round++) {
				String limit = "two-instances-concurrent-" + UUID.randomUUID();
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Boolean>> calls = new ArrayList<>();
				for (int i = 0; i < 20; i++) {
					RateLimiter limiter = i % 2 == 0 ? this.onA : onB;
					calls.add(pool.submit(() -> {
						start.await();
						return limiter.tryAcquire(limit, "user:7", 5, Duration.ofHours(1)).allowed();
					}));
				}
				start.countDown();
				int allowed = 0;
				for (Future<Boolean> call : calls) {
					allowed += call.get() ? 1 : 0;
				}
				assertThat(allowed).as("round %d", round).isEqualTo(5);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aKeyTooLongForTheColumnIsStoredAsItsDigest() {
		String caller = "ip:" + "f".repeat(300);
		String limit = "long-key-" + UUID.randomUUID();
		assertThat(this.onA.tryAcquire(limit, caller, 1, Duration.ofHours(1)).allowed()).isTrue();
		assertThat(this.onA.tryAcquire(limit, caller, 1, Duration.ofHours(1)).allowed()).isFalse();
		assertThat(JdbcRateLimitBuckets.stored("long-key\u0000" + caller)).startsWith("sha256:").hasSize(71);
	}

}
