package org.mentorhub.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Token-bucket rate limits keyed by a limit's name and a caller (QUALITY S14). Each caller gets
 * {@code capacity} tokens that refill evenly over {@code per}; a call takes one token.
 *
 * <p>The buckets are kept in this instance's memory: with N instances behind a load balancer a
 * caller may get up to N times the limit. That is accepted for these limits, which protect against
 * bursts and abuse (exports, token creation, messages), not against brute force; sign-in throttling
 * keeps its counters in the database instead (QUALITY S3). Controllers use {@link RateLimited};
 * services may call {@link #acquire} directly.
 */
@Component
public class RateLimiter {

	/** Above this many buckets, full (idle) ones are dropped, so memory stays bounded. */
	static final int MAX_BUCKETS = 50_000;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final Clock clock;

	RateLimiter(Clock clock) {
		this.clock = clock;
	}

	/** The answer for one call: allowed, or how long to wait. */
	public record Decision(boolean allowed, Duration retryAfter) {
	}

	/** Takes one token from the caller's bucket for the named limit, if there is one. */
	public Decision tryAcquire(String limit, String caller, int capacity, Duration per) {
		if (capacity < 1 || per.isZero() || per.isNegative()) {
			throw new IllegalArgumentException("A rate limit needs a capacity of at least 1 and a positive period");
		}
		Instant now = this.clock.instant();
		if (this.buckets.size() > MAX_BUCKETS) {
			this.buckets.values().removeIf(bucket -> bucket.isFull(now));
		}
		Bucket bucket = this.buckets.computeIfAbsent(limit + '\u0000' + caller, key -> new Bucket(capacity, per, now));
		return bucket.take(now);
	}

	/** Like {@link #tryAcquire}, but throws {@link TooManyRequestsException} when the limit is used up. */
	public void acquire(String limit, String caller, int capacity, Duration per) {
		Decision decision = tryAcquire(limit, caller, capacity, per);
		if (!decision.allowed()) {
			throw new TooManyRequestsException(decision.retryAfter());
		}
	}

	private static final class Bucket {

		private final int capacity;

		/** Tokens added per nanosecond. */
		private final double refillPerNano;

		private double tokens;

		private Instant refilledAt;

		Bucket(int capacity, Duration per, Instant now) {
			this.capacity = capacity;
			this.refillPerNano = capacity / (double) per.toNanos();
			this.tokens = capacity;
			this.refilledAt = now;
		}

		synchronized Decision take(Instant now) {
			refill(now);
			if (this.tokens >= 1 - 1e-9) {
				this.tokens = Math.max(0, this.tokens - 1);
				return new Decision(true, Duration.ZERO);
			}
			long waitNanos = (long) Math.ceil((1 - this.tokens) / this.refillPerNano);
			return new Decision(false, Duration.ofNanos(Math.max(1, waitNanos)));
		}

		synchronized boolean isFull(Instant now) {
			refill(now);
			return this.tokens >= this.capacity;
		}

		private void refill(Instant now) {
			long elapsed = Duration.between(this.refilledAt, now).toNanos();
			if (elapsed > 0) {
				this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.refillPerNano);
				this.refilledAt = now;
			}
		}

	}

}
