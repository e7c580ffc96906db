package org.mentorhub.mentorship;

import java.time.Instant;

/** Published when a mentee asked a mentor (the ranked choice in rank). */
public record MentorshipRequested(long mentorshipId, long institutionId, long mentorId, long menteeId, int rank, Long actorId,
		Instant at) {
}
