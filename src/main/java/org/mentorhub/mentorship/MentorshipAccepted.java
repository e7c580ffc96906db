package org.mentorhub.mentorship;

import java.time.Instant;

/** Published when the mentor accepted; an administrator's approval is still needed. */
public record MentorshipAccepted(long mentorshipId, long institutionId, long mentorId, long menteeId, Long actorId,
		Instant at) {
}
