package org.mentorhub.learning;

import java.time.Instant;

/**
 * A mentor's recommendation of a path to a mentee.
 * @param id the recommendation
 * @param pathId the path
 * @param pathTitle its title
 * @param mentorId who recommended it
 * @param mentorName their name
 * @param menteeId to whom
 * @param menteeName their name
 * @param note the mentor's note, or null
 * @param createdAt when
 */
public record RecommendationView(long id, long pathId, String pathTitle, long mentorId, String mentorName,
		long menteeId, String menteeName, String note, Instant createdAt) {
}
