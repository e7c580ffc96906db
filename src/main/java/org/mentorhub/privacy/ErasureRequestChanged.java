package org.mentorhub.privacy;

import java.time.Instant;

/**
 * A step of a person's erasure request (GDPR Art. 17), for the notification module to tell them.
 * @param requestId the request
 * @param userId the person who asked
 * @param step what happened
 * @param eligibleAt when the cooling-off period ends (an administrator may approve from then on)
 * @param at when it happened
 */
public record ErasureRequestChanged(long requestId, long userId, Step step, Instant eligibleAt, Instant at) {

	/** What happened to the request. */
	public enum Step {

		/** The person asked; the cooling-off period runs. */
		REQUESTED,
		/** The person withdrew the request. */
		CANCELLED,
		/** An administrator approved: the erasure runs now. */
		APPROVED,
		/** An administrator refused, with a reason. */
		REFUSED

	}

}
