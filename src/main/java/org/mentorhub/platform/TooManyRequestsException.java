package org.mentorhub.platform;

import java.time.Duration;

/**
 * Thrown when a caller has used up a rate limit (QUALITY S14). The web layer answers 429 Too Many
 * Requests with a {@code Retry-After} header of {@link #retryAfter()} (whole seconds).
 */
public class TooManyRequestsException extends RuntimeException {

	private final Duration retryAfter;

	public TooManyRequestsException(Duration retryAfter) {
		super("Too many requests; try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds.");
		this.retryAfter = retryAfter;
	}

	/** How long the caller should wait before trying again. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** {@link #retryAfter()} rounded up to whole seconds, at least 1, as {@code Retry-After} wants it. */
	public long retryAfterSeconds() {
		long seconds = this.retryAfter.toSeconds() + (this.retryAfter.toNanosPart() > 0 ? 1 : 0);
		return Math.max(1, seconds);
	}

}
