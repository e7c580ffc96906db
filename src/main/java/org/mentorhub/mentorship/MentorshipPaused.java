package org.mentorhub.mentorship;

import java.time.Instant;

/** Published when an active mentorship was paused (it keeps its place). */
public record MentorshipPaused(long mentorshipId, long institutionId, long mentorId, long menteeId, Long actorId,
		Instant at) {
}
