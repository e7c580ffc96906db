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

	/** The same moving clock seen from another zone (for "today" in a person's zone). */
	@Override
	public Clock withZone(ZoneId zone) {
		MutableClock source = this;
		return new Clock() {

			@Override
			public Instant instant() {
				return source.instant();
			}

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return source.withZone(other);
			}

		};
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
