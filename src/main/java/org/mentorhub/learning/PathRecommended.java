package org.mentorhub.learning;

import java.time.Instant;

/**
 * A mentor recommended a published learning path to their active mentee. Carries no note: notifications
 * never copy what somebody typed.
 * @param recommendationId the recommendation
 * @param pathId the path
 * @param pathTitle its title
 * @param mentorId who recommended it
 * @param menteeId to whom
 * @param occurredAt when
 */
public record PathRecommended(long recommendationId, long pathId, String pathTitle, long mentorId, long menteeId,
		Instant occurredAt) {
}
