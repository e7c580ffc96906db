package org.mentorhub.learning;

import java.time.Instant;
import java.util.List;

/**
 * A learner completed every module of a path (by completing the last one, or because the module they
 * had left was removed).
 * @param pathId the path
 * @param pathTitle its title
 * @param learnerId who completed it
 * @param mentorIds the learner's active mentors at that moment
 * @param completedAt when
 */
public record PathCompleted(long pathId, String pathTitle, long learnerId, List<Long> mentorIds, Instant completedAt) {

	public PathCompleted {
		mentorIds = List.copyOf(mentorIds);
	}

}
