package org.mentorhub.mentorship;

import java.time.Instant;

/**
 * Published when the mentor declined, or an administrator rejected, with the reason.
 *
 * @param rank the mentee's ranked choice this was, or null for a proposal made by staff
 * @param nextMentorId the mentor of the mentee's next choice, asked now (null when none is left)
 */
public record MentorshipRejected(long mentorshipId, long institutionId, long mentorId, long menteeId, String reason, Long actorId,
		Instant at, Integer rank, Long nextMentorId) {
}
