package org.mentorhub.mentorship;

import java.time.Instant;

/** Published when the mentorship was approved (it is activated in the same transaction). */
public record MentorshipApproved(long mentorshipId, long institutionId, long mentorId, long menteeId, Long actorId,
		Instant at) {
}
