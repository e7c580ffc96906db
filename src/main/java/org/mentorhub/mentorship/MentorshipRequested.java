package org.mentorhub.mentorship;

import java.time.Instant;

/**
 * Published when a mentee asked a mentor (the ranked choice in rank), with how many days the mentor
 * has to answer before the request moves on. The goal is not carried: it may be long, and the
 * mentorship module's own listener reads it from the mentorship.
 */
public record MentorshipRequested(long mentorshipId, long institutionId, long mentorId, long menteeId, int rank, Long actorId,
		Instant at, int responseDays) {
}
