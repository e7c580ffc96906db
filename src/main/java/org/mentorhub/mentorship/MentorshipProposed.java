package org.mentorhub.mentorship;

import java.time.Instant;

/** Published when an administrator or coordinator proposed a pairing. */
public record MentorshipProposed(long mentorshipId, long institutionId, long mentorId, long menteeId, Long actorId,
		Instant at) {
}
