package org.mentorhub.mentorship;

import java.time.Instant;

/**
 * Published when a mentee asked a mentor (the ranked choice in rank). Carries what the mentor's mail
 * needs: the mentee's goal and how many days the mentor has to answer before the request moves on.
 */
public record MentorshipRequested(long mentorshipId, long institutionId, long mentorId, long menteeId, int rank, Long actorId,
		Instant at, String goal, int responseDays) {
}
