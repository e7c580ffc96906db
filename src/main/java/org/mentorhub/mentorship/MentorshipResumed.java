package org.mentorhub.mentorship;

import java.time.Instant;

/** Published when a paused mentorship is active again. */
public record MentorshipResumed(long mentorshipId, long institutionId, long mentorId, long menteeId, Long actorId,
		Instant at) {
}
