package org.mentorhub.mentorship;

import java.time.Instant;

/**
 * Published when the mentor did not answer within the institution's time limit.
 *
 * @param nextMentorId the mentor of the mentee's next choice, asked now (null when none is left)
 */
public record MentorshipExpired(long mentorshipId, long institutionId, long mentorId, long menteeId, Long actorId,
		Instant at, Long nextMentorId) {
}
