package org.mentorhub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock for tests that runs with real time but can be moved forward ({@link #advance}), to prove
 * time-based rules (lock expiry, session limits) without waiting. Import {@link Config} (as
 * {@link TimeTravelTest} does) to make it the application's {@link Clock}.
 */
public final class MutableClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	/** Moves the clock forward (or back, with a negative amount). */
	public void advance(Duration amount) {
		this.offset = this.offset.plus(amount);
	}

	/** Back to real time. */
	public void reset() {
		this.offset = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("MentorHub's clock is UTC");
	}

	/** Replaces the application's clock with a {@link MutableClock}. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

	}

}
