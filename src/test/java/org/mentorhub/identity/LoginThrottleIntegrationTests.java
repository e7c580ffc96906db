package org.mentorhub.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorhub.MutableClock;
import org.mentorhub.TimeTravelTest;
import org.mentorhub.identity.LoginThrottle.Action;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Brute-force protection (QUALITY S3) on a real database, with a clock the tests move: the
 * per-account back-off with its numbers, the per-address limit, resets, and counting that holds
 * under concurrency. {@link LoginThrottleTwoInstancesIntegrationTests} proves the counts add up
 * across two application instances.
 */
@TimeTravelTest
class LoginThrottleIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	PlatformTransactionManager transactions;

	final String ip = Accounts.randomIp();

	@BeforeEach
	void realTime() {
		this.clock.reset();
	}


	ResultActions signIn(String login, String password) throws Exception {
		return signIn(login, password, this.ip);
	}

	ResultActions signIn(String login, String password, String ip) throws Exception {
		return this.mvc.perform(post("/login").param("username", login).param("password", password).with(csrf())
			.with(request -> {
				request.setRemoteAddr(ip);
				return request;
			}));
	}

	void fail(TestAccounts.Account account, int times) throws Exception {
		for (int i = 0; i < times; i++) {
			signIn(account.email(), "not my password " + i).andExpect(unauthenticated())
				.andExpect(redirectedUrl("/login?error"));
		}
	}

	TestAccounts.Account anAccount() {
		return TestAccounts.anAccount(this.jdbc).named("throttled").create();
	}

	Instant lockedUntil(String accountKey) {
		return this.throttle.check(Action.LOGIN, accountKey, null).lockedUntil();
	}

	@Test
	void theFifthFailureInARowLocksTheAccountSoThatEvenTheRightPasswordIsRefused() throws Exception {
		TestAccounts.Account account = anAccount();
		fail(account, 4);
		assertThat(this.throttle.check(Action.LOGIN, account.email(), null).allowed()).isTrue();

		fail(account, 1);

		signIn(account.email(), account.password()).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
		assertThat(lockedUntil(account.email())).isCloseTo(this.clock.instant().plus(Duration.ofMinutes(1)),
				within(Duration.ofSeconds(10)));
	}

	@Test
	void theLockEndsAfterAMinuteAndThenTheRightPasswordWorks() throws Exception {
		TestAccounts.Account account = anAccount();
		fail(account, 5);

		this.clock.advance(Duration.ofSeconds(50));
		signIn(account.email(), account.password()).andExpect(unauthenticated());

		this.clock.advance(Duration.ofSeconds(15));
		signIn(account.email(), account.password()).andExpect(authenticated().withUsername(account.username()));
	}

	@Test
	void eachFurtherFailureDoublesTheLockUpToFifteenMinutes() throws Exception {
		TestAccounts.Account account = anAccount();
		fail(account, 4);
		List<Duration> locks = new ArrayList<>();
		for (int failure = 5; failure <= 10; failure++) {
			fail(account, 1);
			Instant now = this.clock.instant();
			Duration lock = Duration.between(now, lockedUntil(account.email()));
			locks.add(Duration.ofMinutes(Math.round(lock.getSeconds() / 60.0)));
			this.clock.advance(lock.plusSeconds(1));
		}

		assertThat(locks).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
				Duration.ofMinutes(8), Duration.ofMinutes(15), Duration.ofMinutes(15));
	}

	@Test
	void attemptsWhileLockedAreRefusedWithoutExtendingTheLock() throws Exception {
		TestAccounts.Account account = anAccount();
		fail(account, 5);
		Instant until = lockedUntil(account.email());

		fail(account, 3);
		signIn(account.email(), account.password()).andExpect(unauthenticated());

		assertThat(lockedUntil(account.email())).isEqualTo(until);
	}

	@Test
	void aSuccessfulSignInResetsTheCount() throws Exception {
		TestAccounts.Account account = anAccount();
		fail(account, 4);
		signIn(account.email(), account.password()).andExpect(authenticated());

		fail(account, 4);

		assertThat(this.throttle.check(Action.LOGIN, account.email(), null).allowed()).isTrue();
		signIn(account.email(), account.password()).andExpect(authenticated());
	}

	@Test
	void theCountStartsAgainAfterTwelveHoursWithoutAFailure() throws Exception {
		TestAccounts.Account account = anAccount();
		fail(account, 4);
		this.clock.advance(Duration.ofHours(12));

		fail(account, 4);

		signIn(account.email(), account.password()).andExpect(authenticated());
	}

	@Test
	void theUsernameAndTheEmailCountAsOneAccount() throws Exception {
		TestAccounts.Account account = anAccount();
		fail(account, 3);
		signIn(account.username(), "wrong again").andExpect(unauthenticated());
		signIn(account.username().toUpperCase(), "and again").andExpect(unauthenticated());

		signIn(account.username(), account.password()).andExpect(unauthenticated());
		assertThat(lockedUntil(account.email())).isAfter(this.clock.instant());
	}

	@Test
	void unknownAccountsAreLockedLikeKnownOnes() throws Exception {
		String nobody = "nobody-" + UUID.randomUUID() + "@mentorhub.test";
		for (int i = 0; i < 5; i++) {
			signIn(nobody, "guess " + i).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
		}

		assertThat(this.throttle.check(Action.LOGIN, nobody, null).allowed()).isFalse();
	}

	@Test
	void anotherAddressIsNotBlockedByAnAccountLockButTheAccountStaysLocked() throws Exception {
		TestAccounts.Account account = anAccount();
		fail(account, 5);

		signIn(account.email(), account.password(), Accounts.randomIp()).andExpect(unauthenticated());
		assertThat(this.throttle.check(Action.LOGIN, null, this.ip).allowed()).isTrue();
	}

	@Test
	void fiftyFailuresFromOneAddressWithinFifteenMinutesBlockItForFifteenMinutes() throws Exception {
		// The production numbers; the test profile raises the limit because every test signs in from 127.0.0.1.
		LoginThrottle production = new LoginThrottle(this.jdbc, this.transactions, this.clock,
				LoginThrottleProperties.defaults());
		for (int i = 1; i <= 49; i++) {
			LoginThrottle.Failure failure = production.recordFailure(Action.LOGIN, "guess-" + i + "-" + this.ip, this.ip);
			assertThat(failure.ipLockedUntil()).isNull();
			this.clock.advance(Duration.ofSeconds(10));
		}
		LoginThrottle.Failure fiftieth = production.recordFailure(Action.LOGIN, "guess-50-" + this.ip, this.ip);
		assertThat(fiftieth.ipNewlyLocked()).isTrue();

		// The sign-in itself refuses everyone from that address, whatever the account.
		TestAccounts.Account bystander = anAccount();
		signIn(bystander.email(), bystander.password()).andExpect(unauthenticated());
		signIn(bystander.email(), bystander.password(), Accounts.randomIp()).andExpect(authenticated());

		this.clock.advance(Duration.ofMinutes(14));
		assertThat(production.check(Action.LOGIN, null, this.ip).allowed()).isFalse();
		this.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		signIn(bystander.email(), bystander.password()).andExpect(authenticated());
	}

	@Test
	void failuresSpreadOverMoreThanFifteenMinutesDoNotBlockAnAddress() {
		LoginThrottle production = new LoginThrottle(this.jdbc, this.transactions, this.clock,
				LoginThrottleProperties.defaults());
		for (int i = 1; i <= 60; i++) {
			production.recordFailure(Action.LOGIN, null, this.ip);
			this.clock.advance(Duration.ofSeconds(20));
		}

		assertThat(production.check(Action.LOGIN, null, this.ip).allowed()).isTrue();
	}

	@Test
	void aSuccessDoesNotResetTheAddressCount() {
		LoginThrottle production = new LoginThrottle(this.jdbc, this.transactions, this.clock,
				LoginThrottleProperties.defaults());
		for (int i = 1; i <= 49; i++) {
			production.recordFailure(Action.LOGIN, "victim-" + i, this.ip);
		}
		production.recordSuccess(Action.LOGIN, "attacker-own-account", this.ip);

		assertThat(production.recordFailure(Action.LOGIN, "victim-50", this.ip).ipNewlyLocked()).isTrue();
	}

	@Test
	void resetAndRegistrationCountSeparatelyFromSignIn() {
		String key = "someone-" + UUID.randomUUID() + "@example.org";
		for (int i = 0; i < 5; i++) {
			this.throttle.recordFailure(Action.RESET, key, this.ip);
		}

		assertThat(this.throttle.check(Action.RESET, key, null).allowed()).isFalse();
		assertThat(this.throttle.check(Action.LOGIN, key, null).allowed()).isTrue();
		assertThat(this.throttle.check(Action.REGISTER, key, null).allowed()).isTrue();
		this.throttle.recordSuccess(Action.RESET, key, this.ip);
		assertThat(this.throttle.check(Action.RESET, key, null).allowed()).isTrue();
	}

	@Test
	void accountKeysIgnoreCaseAndSurroundingSpaces() {
		assertThat(LoginThrottle.accountKey("  Ann.Lee@Example.ORG ")).isEqualTo("ann.lee@example.org");
		assertThat(LoginThrottle.accountKey("   ")).isNull();
		assertThat(LoginThrottle.accountKey("x".repeat(400))).hasSize(320);
	}

	@Test
	void concurrentFailuresAreAllCounted() throws Exception {
		String key = "concurrent-" + UUID.randomUUID() + "@example.org";
		int threads = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<LoginThrottle.Failure>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return this.throttle.recordFailure(Action.REGISTER, key, null);
				}));
			}
			start.countDown();
			List<Integer> counts = new ArrayList<>();
			for (Future<LoginThrottle.Failure> result : results) {
				counts.add(result.get().accountFailures());
			}

			assertThat(counts).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void staleCountersArePurged() {
		String key = "stale-" + UUID.randomUUID() + "@example.org";
		this.throttle.recordFailure(Action.LOGIN, key, null);
		this.clock.advance(Duration.ofHours(13));

		this.throttle.purgeStale();

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM login_throttles WHERE throttle_key = :key")
			.param("key", key)
			.query(Long.class)
			.single()).isZero();
	}

}
