package org.mentorhub.mentorship;

import java.time.Instant;

/** Published when the mentorship became active and holds one of the mentor's places. */
public record MentorshipActivated(long mentorshipId, long institutionId, long mentorId, long menteeId, Long actorId,
		Instant at) {
}
