package org.mentorhub.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;


/**
 * Token-bucket rate limits keyed by a limit's name and a caller (QUALITY S14). Each caller gets
 * {@code capacity} tokens that refill evenly over {@code per}; a call takes one token.
 *
 * <p>Where the buckets are kept is {@code mentorhub.platform.rate-limits.store}: {@code database} (the
 * default) keeps them in the {@code rate_limit_buckets} table, each call taking its token under the row's
 * lock, so that several instances behind a load balancer together allow exactly what one would (issue 23;
 * {@link JdbcRateLimitBuckets}); {@code memory} keeps them in this instance's memory (one instance, or tests).
 * Controllers use {@link RateLimited}; services may call {@link #acquire} directly, preferably before their
 * transaction starts (the database store takes its token in a transaction of its own).
 */
public class RateLimiter {

	/** Above this many buckets, full (idle) ones are dropped, so memory stays bounded. */
	static final int MAX_BUCKETS = 50_000;

	private final Clock clock;

	private final RateLimitBuckets buckets;

	private volatile Consumer<String> refusals = limit -> {
	};

	/** Buckets in this instance's memory. */
	public RateLimiter(Clock clock) {
		this(clock, new MemoryBuckets());
	}

	RateLimiter(Clock clock, RateLimitBuckets buckets) {
		this.clock = clock;
		this.buckets = buckets;
	}

	/** The answer for one call: allowed, or how long to wait. */
	public record Decision(boolean allowed, Duration retryAfter) {
	}

	/** Takes one token from the caller's bucket for the named limit, if there is one. */
	public Decision tryAcquire(String limit, String caller, int capacity, Duration per) {
		if (capacity < 1 || per.isZero() || per.isNegative()) {
			throw new IllegalArgumentException("A rate limit needs a capacity of at least 1 and a positive period");
		}
		Decision decision = this.buckets.take(limit + '\u0000' + caller, capacity, per, this.clock.instant());
		if (!decision.allowed()) {
			this.refusals.accept(limitName(limit));
		}
		return decision;
	}

	/** Tells each refused call's limit name to a listener (the {@code mentorhub.rate.limit.refusals} counter). */
	void onRefusal(Consumer<String> listener) {
		this.refusals = listener;
	}

	/** The name of a limit without its data part ({@code direct-message:42} is {@code direct-message}). */
	static String limitName(String limit) {
		int colon = limit.indexOf(':');
		return colon < 0 ? limit : limit.substring(0, colon);
	}

	/** Like {@link #tryAcquire}, but throws {@link TooManyRequestsException} when the limit is used up. */
	public void acquire(String limit, String caller, int capacity, Duration per) {
		Decision decision = tryAcquire(limit, caller, capacity, per);
		if (!decision.allowed()) {
			throw new TooManyRequestsException(decision.retryAfter());
		}
	}

	/** A bucket's state: its tokens when it was last refilled. */
	record Bucket(double tokens, Instant refilledAt) {

		/** A full bucket, first seen now. */
		static Bucket full(int capacity, Instant now) {
			return new Bucket(capacity, now);
		}

		/** The bucket refilled up to now. */
		Bucket refilled(int capacity, Duration per, Instant now) {
			long elapsed = Duration.between(this.refilledAt, now).toNanos();
			if (elapsed <= 0) {
				return this;
			}
			return new Bucket(Math.min(capacity, this.tokens + elapsed * rate(capacity, per)), now);
		}

		/** Whether a token can be taken. */
		boolean hasToken() {
			return this.tokens >= 1 - 1e-9;
		}

		/** The bucket after one token is taken. */
		Bucket taken() {
			return new Bucket(Math.max(0, this.tokens - 1), this.refilledAt);
		}

		/** How long until a token is back. */
		Duration untilNextToken(int capacity, Duration per) {
			long waitNanos = (long) Math.ceil((1 - this.tokens) / rate(capacity, per));
			return Duration.ofNanos(Math.max(1, waitNanos));
		}

		/** When the bucket will be full again (after which forgetting it changes nothing). */
		Instant fullAt(int capacity, Duration per) {
			return this.refilledAt.plusNanos((long) Math.ceil((capacity - this.tokens) / rate(capacity, per)));
		}

		private static double rate(int capacity, Duration per) {
			return capacity / (double) per.toNanos();
		}

		/** One call: the new state and the decision. */
		static Taken take(Bucket before, int capacity, Duration per, Instant now) {
			Bucket refilled = before.refilled(capacity, per, now);
			if (refilled.hasToken()) {
				return new Taken(refilled.taken(), new Decision(true, Duration.ZERO));
			}
			return new Taken(refilled, new Decision(false, refilled.untilNextToken(capacity, per)));
		}

	}

	/** A bucket after a call, and the call's decision. */
	record Taken(Bucket after, Decision decision) {
	}

	/** The buckets of one instance's memory. */
	static final class MemoryBuckets implements RateLimitBuckets {

		private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

		@Override
		public Decision take(String key, int capacity, Duration per, Instant now) {
			if (this.buckets.size() > MAX_BUCKETS) {
				this.buckets.values().removeIf(entry -> entry.isFull(now));
			}
			return this.buckets.computeIfAbsent(key, k -> new Entry(capacity, per, now)).take(now);
		}

		private static final class Entry {

			private final int capacity;

			private final Duration per;

			private Bucket bucket;

			Entry(int capacity, Duration per, Instant now) {
				this.capacity = capacity;
				this.per = per;
				this.bucket = Bucket.full(capacity, now);
			}

			synchronized Decision take(Instant now) {
				Taken taken = Bucket.take(this.bucket, this.capacity, this.per, now);
				this.bucket = taken.after();
				return taken.decision();
			}

			synchronized boolean isFull(Instant now) {
				return !this.bucket.fullAt(this.capacity, this.per).isAfter(now);
			}

		}

	}

}
