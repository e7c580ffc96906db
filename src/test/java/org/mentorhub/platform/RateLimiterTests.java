package org.mentorhub.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTests {

	static final class MovableClock extends Clock {

		Instant now = Instant.parse("2026-01-01T10:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	final MovableClock clock = new MovableClock();

	final RateLimiter limiter = new RateLimiter(this.clock);

	@Test
	void aBurstOfCapacityPassesAndTheNextCallWaitsForOneRefill() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.limiter.tryAcquire("export", "user:1", 5, Duration.ofMinutes(10)).allowed()).isTrue();
		}
		RateLimiter.Decision refused = this.limiter.tryAcquire("export", "user:1", 5, Duration.ofMinutes(10));

		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void tokensRefillEvenlyOverThePeriod() {
		for (int i = 0; i < 3; i++) {
			this.limiter.tryAcquire("export", "user:1", 3, Duration.ofMinutes(3));
		}
		this.clock.now = this.clock.now.plusSeconds(59);
		assertThat(this.limiter.tryAcquire("export", "user:1", 3, Duration.ofMinutes(3)).allowed()).isFalse();

		this.clock.now = this.clock.now.plusSeconds(1);
		assertThat(this.limiter.tryAcquire("export", "user:1", 3, Duration.ofMinutes(3)).allowed()).isTrue();
		assertThat(this.limiter.tryAcquire("export", "user:1", 3, Duration.ofMinutes(3)).allowed()).isFalse();
	}

	@Test
	void callersAndLimitsHaveSeparateBudgets() {
		this.limiter.tryAcquire("export", "user:1", 1, Duration.ofHours(1));

		assertThat(this.limiter.tryAcquire("export", "user:1", 1, Duration.ofHours(1)).allowed()).isFalse();
		assertThat(this.limiter.tryAcquire("export", "user:2", 1, Duration.ofHours(1)).allowed()).isTrue();
		assertThat(this.limiter.tryAcquire("tokens", "user:1", 1, Duration.ofHours(1)).allowed()).isTrue();
	}

	@Test
	void acquireThrowsWithTheWaitInWholeSecondsRoundedUp() {
		this.limiter.acquire("message", "user:1", 1, Duration.ofSeconds(90));

		assertThatThrownBy(() -> this.limiter.acquire("message", "user:1", 1, Duration.ofSeconds(90)))
			.isInstanceOfSatisfying(TooManyRequestsException.class,
					ex -> assertThat(ex.retryAfterSeconds()).isEqualTo(90));
		this.clock.now = this.clock.now.plusMillis(89_500);
		assertThatThrownBy(() -> this.limiter.acquire("message", "user:1", 1, Duration.ofSeconds(90)))
			.isInstanceOfSatisfying(TooManyRequestsException.class,
					ex -> assertThat(ex.retryAfterSeconds()).isEqualTo(1));
	}

	@Test
	void aLimitNeedsAPositiveCapacityAndPeriod() {
		assertThatThrownBy(() -> this.limiter.tryAcquire("x", "y", 0, Duration.ofMinutes(1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> this.limiter.tryAcquire("x", "y", 1, Duration.ZERO))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
