package org.mentorhub.mentorship;

import java.time.Instant;

/** Published when the mentor declined, or an administrator rejected, with the reason. */
public record MentorshipRejected(long mentorshipId, long institutionId, long mentorId, long menteeId, String reason, Long actorId,
		Instant at) {
}
