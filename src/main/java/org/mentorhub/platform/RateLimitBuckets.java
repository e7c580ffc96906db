package org.mentorhub.platform;

import java.time.Duration;
import java.time.Instant;

/** Where {@link RateLimiter} keeps its buckets: this instance's memory, or the database. */
interface RateLimitBuckets {

	/** Takes one token, if there is one, from the bucket of this key (a limit's name and a caller). */
	RateLimiter.Decision take(String key, int capacity, Duration per, Instant now);

}
