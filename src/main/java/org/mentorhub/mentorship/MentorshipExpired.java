package org.mentorhub.mentorship;

import java.time.Instant;

/** Published when the mentor did not answer within the institution's time limit. */
public record MentorshipExpired(long mentorshipId, long institutionId, long mentorId, long menteeId, Long actorId,
		Instant at) {
}
