package org.mentorhub.mentorship;

import java.time.Instant;

/** Published when the requester withdrew before a decision. */
public record MentorshipWithdrawn(long mentorshipId, long institutionId, long mentorId, long menteeId, Long actorId,
		Instant at) {
}
