package org.mentorhub.learning;

import java.util.List;

/**
 * One active mentee of a mentor, with their progress on published paths and the paths recommended to them.
 * @param menteeId the mentee
 * @param menteeName their name
 * @param paths their progress, most recently changed first
 * @param recommendations the paths recommended to them (by anyone), newest first
 */
public record MenteeProgress(long menteeId, String menteeName, List<ProgressView> paths,
		List<RecommendationView> recommendations) {
}
