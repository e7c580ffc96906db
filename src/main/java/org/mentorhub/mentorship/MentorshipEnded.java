package org.mentorhub.mentorship;

import java.time.Instant;

/** Published when the mentorship ended, with the reason; its place is free again. */
public record MentorshipEnded(long mentorshipId, long institutionId, long mentorId, long menteeId, String reason, Long actorId,
		Instant at) {
}
